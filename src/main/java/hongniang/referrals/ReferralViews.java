package hongniang.referrals;

import hongniang.communities.CommunityService;
import hongniang.documents.MatchRecords;
import hongniang.jobseekers.ResidentCards;
import hongniang.matching.Posting;
import hongniang.partners.PartnerService;
import hongniang.security.Caller;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns referral rows into what their viewer may see, reading the names beside ids once a page. */
@Singleton
class ReferralViews {

  private final MatchRecords records;
  private final ResidentCards residents;
  private final PartnerService partners;
  private final CommunityService communities;
  private final ConsentRepository consents;
  private final ReferralEventRepository events;
  private final ReferralSettings settings;
  private final JsonMapper json;
  private final Clock clock;

  ReferralViews(
      MatchRecords records,
      ResidentCards residents,
      PartnerService partners,
      CommunityService communities,
      ConsentRepository consents,
      ReferralEventRepository events,
      ReferralSettings settings,
      JsonMapper json,
      Clock clock) {
    this.records = records;
    this.residents = residents;
    this.partners = partners;
    this.communities = communities;
    this.consents = consents;
    this.events = events;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
  }

  /** One referral with its history and its latest consent. */
  ReferralView one(Caller caller, Referral r) {
    List<Consent> all = consents.findByReferralIdOrderById(r.id());
    Consent latest = all.isEmpty() ? null : all.get(all.size() - 1);
    List<ReferralView.Event> history =
        events.findByReferralIdOrderById(r.id()).stream()
            .map(
                e ->
                    new ReferralView.Event(
                        e.at(),
                        e.actor(),
                        e.actorRole(),
                        e.fromState(),
                        e.toState(),
                        e.reason(),
                        caller.isEmployer() ? null : e.note()))
            .toList();
    Map<Long, Consent> consentOf = new java.util.HashMap<>();
    if (latest != null) {
      consentOf.put(r.id(), latest);
    }
    return page(caller, List.of(r), consentOf, history).get(0);
  }

  /** A page of referrals with their standing consents. */
  List<ReferralView> page(Caller caller, List<Referral> rows) {
    Map<Long, Consent> standing =
        rows.isEmpty()
            ? Map.of()
            : consents.activeOf(rows.stream().map(Referral::id).toList()).stream()
                .collect(Collectors.toMap(Consent::referralId, Function.identity()));
    return page(caller, rows, standing, null);
  }

  private List<ReferralView> page(
      Caller caller,
      List<Referral> rows,
      Map<Long, Consent> consentOf,
      List<ReferralView.Event> history) {
    Set<Long> postingIds = new HashSet<>();
    Set<Long> residentIds = new HashSet<>();
    Set<Long> unitIds = new HashSet<>();
    rows.forEach(
        r -> {
          postingIds.add(r.postingId());
          residentIds.add(r.jobseekerId());
          unitIds.add(r.partnerUnitId());
        });
    Map<Long, Posting> postings =
        records.postings(postingIds).stream()
            .collect(Collectors.toMap(Posting::id, Function.identity()));
    Map<Long, ResidentCards.Card> cards = residents.cards(residentIds);
    Map<Long, PartnerService.UnitCard> units = partners.unitCards(unitIds);
    Map<Long, String> places = communities.namesById();
    LocalDate today = LocalDate.now(clock);
    Moves.Actor actor = Moves.Actor.of(caller);
    return rows.stream()
        .map(
            r -> {
              Posting p = postings.get(r.postingId());
              PartnerService.UnitCard unit = units.get(r.partnerUnitId());
              Consent consent = consentOf.get(r.id());
              return new ReferralView(
                  r.id(),
                  r.state(),
                  r.origin(),
                  r.postingId(),
                  p == null ? null : p.title(),
                  r.partnerUnitId(),
                  unit == null ? null : unit.name(),
                  resident(caller, cards.get(r.jobseekerId()), consent, places, today),
                  caller.isEmployer() ? null : r.note(),
                  caller.isEmployer() ? null : r.boardScore(),
                  caller.isEmployer() ? null : reasons(r.boardReasons()),
                  interview(r),
                  consentView(caller, consent),
                  r.endedReason(),
                  r.sentAt(),
                  replyDue(r),
                  r.state() == ReferralState.SENT && replyDue(r).isBefore(clock.instant()),
                  r.answeredAt(),
                  r.createdAt(),
                  r.touchedAt(),
                  r.state().isOpen() ? expiresOn(r) : null,
                  Moves.next(r.state(), actor).stream()
                      .filter(s -> s != ReferralState.EXPIRED && s != ReferralState.OBSOLETE)
                      .toList(),
                  r.version(),
                  history);
            })
        .toList();
  }

  private java.time.Instant replyDue(Referral r) {
    return r.sentAt() == null
        ? null
        : r.sentAt().plus(java.time.Duration.ofDays(settings.getReplyDays()));
  }

  /** The day an open referral expires if nobody touches it (a coming interview keeps it). */
  LocalDate expiresOn(Referral r) {
    ZoneId zone = clock.getZone();
    LocalDate touched = r.touchedAt().atZone(zone).toLocalDate();
    if (r.interviewAt() != null && r.interviewAt().toLocalDate().isAfter(touched)) {
      touched = r.interviewAt().toLocalDate();
    }
    return touched.plusDays(settings.getExpireAfterDays());
  }

  private static ReferralView.Interview interview(Referral r) {
    return r.interviewAt() == null
        ? null
        : new ReferralView.Interview(
            r.interviewAt().toLocalDate(),
            r.interviewAt().toLocalTime(),
            r.interviewPlace(),
            r.interviewContact());
  }

  private static ReferralView.ConsentView consentView(Caller caller, Consent c) {
    if (c == null) {
      return null;
    }
    boolean employer = caller.isEmployer();
    return new ReferralView.ConsentView(
        fields(c),
        employer ? null : c.method(),
        employer ? null : c.reference(),
        employer ? null : c.recordedBy(),
        c.givenAt(),
        c.withdrawnAt());
  }

  static List<SharedField> fields(Consent c) {
    return Arrays.stream(c.fields()).map(SharedField::valueOf).sorted().toList();
  }

  /**
   * Staff and the resident: who and where. An employer: the consented fields, nothing else (the
   * service lets an employer read a referral only while its consent stands).
   */
  private static ReferralView.Resident resident(
      Caller caller,
      ResidentCards.Card card,
      Consent consent,
      Map<Long, String> places,
      LocalDate today) {
    if (card == null) {
      return new ReferralView.Resident(
          null, null, null, null, null, null, null, null, null, null, null, null);
    }
    if (!caller.isEmployer()) {
      return new ReferralView.Resident(
          card.id(),
          card.name(),
          card.communityId(),
          places.get(card.communityId()),
          today.getYear() - card.birthYear(),
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    Set<SharedField> shared =
        consent == null || consent.withdrawnAt() != null
            ? EnumSet.noneOf(SharedField.class)
            : EnumSet.copyOf(fields(consent));
    return new ReferralView.Resident(
        null,
        shared.contains(SharedField.NAME) ? card.name() : null,
        null,
        null,
        shared.contains(SharedField.AGE) ? today.getYear() - card.birthYear() : null,
        shared.contains(SharedField.PHONE) ? card.phone() : null,
        shared.contains(SharedField.SKILLS) ? card.skills() : null,
        shared.contains(SharedField.SKILLS) ? card.licences() : null,
        shared.contains(SharedField.WORK_HISTORY) ? card.experience() : null,
        shared.contains(SharedField.WORK_HISTORY) ? card.desiredOccupations() : null,
        shared.contains(SharedField.HARDSHIP) ? card.difficultyCategories() : null,
        shared.contains(SharedField.DISABILITY) ? card.disabilityNote() : null);
  }

  private JsonNode reasons(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return json.readValue(stored, JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
