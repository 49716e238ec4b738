package hongniang.worklist;

import hongniang.common.ApiProblem;
import hongniang.common.DifficultyCategory;
import hongniang.common.FieldError;
import hongniang.common.MessageKey;
import hongniang.communities.CommunityService;
import hongniang.jobseekers.RegisterWorklist;
import hongniang.placements.FollowUpState;
import hongniang.referrals.ReferralSettings;
import hongniang.security.Caller;
import hongniang.web.Messages;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The worklist of a community (a matchmaker's own; an admin's choice), or an admin's across every
 * community with counts per community. Every item says why it is there, in the caller's language.
 */
@Singleton
public class WorklistService {

  static final int MAX_ITEMS = 100;
  static final int QUIET_DAYS = 30;
  static final int AGREEMENT_DAYS = 30;
  static final int EXPIRY_WARNING_DAYS = 3;

  /** A follow-up is due from this many days before its day (as placements counts it). */
  static final int FOLLOW_UP_DUE_DAYS = FollowUpState.DUE_DAYS;

  private final WorklistQueries queries;
  private final CommunityService communities;
  private final ReferralSettings referralSettings;
  private final RegisterWorklist register;
  private final Clock clock;

  WorklistService(
      WorklistQueries queries,
      CommunityService communities,
      ReferralSettings referralSettings,
      RegisterWorklist register,
      Clock clock) {
    this.register = register;
    this.queries = queries;
    this.communities = communities;
    this.referralSettings = referralSettings;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public WorklistView worklist(Caller caller, Long communityId, Integer size, Messages language) {
    int limit = size == null ? 10 : size;
    if (limit < 1 || limit > MAX_ITEMS) {
      throw ApiProblem.invalid(FieldError.range("size", 1, MAX_ITEMS));
    }
    Long community = communityId;
    if (caller.isMatchmaker()) {
      if (community != null && !community.equals(caller.communityId())) {
        throw ApiProblem.notFound("community", community);
      }
      community = caller.communityId();
    } else if (community != null && !communities.exists(community)) {
      throw ApiProblem.notFound("community", community);
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    LocalDateTime localNow = LocalDateTime.now(clock);
    Instant quiet = now.minus(Duration.ofDays(QUIET_DAYS));
    Instant replyDue = now.minus(Duration.ofDays(referralSettings.getReplyDays()));
    int warnAfter = Math.max(0, referralSettings.getExpireAfterDays() - EXPIRY_WARNING_DAYS);
    Instant expiringCut = now.minus(Duration.ofDays(warnAfter));
    LocalDateTime expiringLocal = localNow.minusDays(warnAfter);
    LocalDateTime weekStart = today.atStartOfDay();
    LocalDateTime weekEnd = weekStart.plusDays(7);
    Map<Long, String> names = communities.namesById();

    List<WorklistView.Section> sections = new ArrayList<>();
    Map<String, Map<Long, Long>> counts = new LinkedHashMap<>();
    boolean all = community == null;

    add(
        sections,
        "residents",
        queries.residents(community, today, quiet, limit),
        row -> resident(row, today, quiet, language),
        language);
    if (all) {
      counts.put("residents", queries.residentCounts(today, quiet));
    }
    String open = "r.state IN " + WorklistQueries.OPEN;
    List<ReferralCut> cuts =
        List.of(
            new ReferralCut("waiting", open, "r.touched_at, r.id"),
            new ReferralCut("consents", "r.state = 'PROPOSED'", "r.touched_at, r.id"),
            new ReferralCut(
                "replyOverdue",
                "r.state = 'SENT' AND r.sent_at < ?",
                "r.sent_at, r.id",
                Timestamp.from(replyDue)),
            new ReferralCut(
                "interviews",
                "r.state = 'INTERVIEW' AND r.interview_at >= ? AND r.interview_at < ?",
                "r.interview_at, r.id",
                weekStart,
                weekEnd),
            new ReferralCut(
                "expiring",
                open + " AND r.touched_at < ? AND (r.interview_at IS NULL OR r.interview_at < ?)",
                "r.touched_at, r.id",
                Timestamp.from(expiringCut),
                expiringLocal));
    for (ReferralCut cut : cuts) {
      add(
          sections,
          cut.key(),
          queries.referrals(community, cut.where(), cut.order(), limit, cut.params()),
          row -> referral(cut.key(), row, language),
          language);
      if (all) {
        counts.put(cut.key(), queries.referralCounts(cut.where(), cut.params()));
      }
    }
    LocalDate dueBy = today.plusDays(FOLLOW_UP_DUE_DAYS);
    add(
        sections,
        "followUps",
        queries.followUps(community, dueBy, limit),
        row -> followUp(row, today, language),
        language);
    if (all) {
      counts.put("followUps", queries.followUpCounts(dueBy));
    }
    Map<Long, Long> unanswered = register.unansweredAskCounts(community);
    List<RegisterWorklist.UnansweredAsk> asks = register.unansweredAsks(community, limit);
    sections.add(
        new WorklistView.Section(
            "stillLooking",
            language.text("worklist.section.stillLooking"),
            all
                ? unanswered.values().stream().mapToLong(Long::longValue).sum()
                : unanswered.getOrDefault(community, 0L),
            asks.stream().map(a -> unansweredAsk(a, language)).toList()));
    if (all) {
      counts.put("stillLooking", unanswered);
    }
    add(
        sections,
        "agreements",
        queries.agreements(community, today, AGREEMENT_DAYS, limit),
        row -> agreement(row, language),
        language);
    if (all) {
      counts.put("agreements", queries.agreementCounts(today, AGREEMENT_DAYS));
    }
    List<WorklistView.CommunityCounts> byCommunity = null;
    if (all) {
      byCommunity = new ArrayList<>();
      for (Map.Entry<Long, String> c : new TreeMap<>(names).entrySet()) {
        Map<String, Long> perSection = new LinkedHashMap<>();
        counts.forEach((key, byId) -> perSection.put(key, byId.getOrDefault(c.getKey(), 0L)));
        byCommunity.add(new WorklistView.CommunityCounts(c.getKey(), c.getValue(), perSection));
      }
    }
    return new WorklistView(
        community, community == null ? null : names.get(community), today, sections, byCommunity);
  }

  /** A section of referrals: a condition on them (with its parameters) and an order. */
  private record ReferralCut(String key, String where, String order, Object... params) {}

  private static void add(
      List<WorklistView.Section> sections,
      String key,
      WorklistQueries.Found found,
      java.util.function.Function<WorklistQueries.Row, WorklistView.Item> item,
      Messages language) {
    sections.add(
        new WorklistView.Section(
            key,
            language.text("worklist.section." + key),
            found.total(),
            found.rows().stream().map(item).toList()));
  }

  private static WorklistView.Why why(Messages language, String code, MessageKey text) {
    return new WorklistView.Why(code, language.render(text));
  }

  private static MessageKey key(String code) {
    return MessageKey.of("worklist.why." + code);
  }

  private WorklistView.Item resident(
      WorklistQueries.Row row, LocalDate today, Instant quiet, Messages language) {
    List<WorklistView.Why> why = new ArrayList<>();
    List<DifficultyCategory> categories =
        row.texts("difficulty_categories").stream().map(DifficultyCategory::valueOf).toList();
    if (!categories.isEmpty()) {
      // by their labels alone (as enum constants in a list, Chinese would add the constant too)
      List<MessageKey> labels =
          categories.stream()
              .map(c -> MessageKey.of("enum.DifficultyCategory." + c.name()))
              .toList();
      why.add(why(language, "CATEGORY", key("CATEGORY").with("categories", labels)));
    }
    LocalDate since = row.date("unemployed_since");
    if (since != null) {
      long months = ChronoUnit.MONTHS.between(since, today);
      if (months >= 6) {
        why.add(why(language, "OUT_OF_WORK", key("OUT_OF_WORK").with("months", months)));
      }
    }
    if (!row.flag("open")) {
      why.add(why(language, "NO_OPEN_REFERRAL", key("NO_OPEN_REFERRAL")));
    }
    Instant contact = row.instant("contact");
    if (contact != null && contact.isBefore(quiet)) {
      long days = Duration.between(contact, clock.instant()).toDays();
      why.add(why(language, "NO_CONTACT", key("NO_CONTACT").with("days", days)));
    }
    return WorklistView.Item.resident(
        row.id("id"), row.text("name"), row.id("community_id"), null, contact, null, why);
  }

  private WorklistView.Item referral(String section, WorklistQueries.Row row, Messages language) {
    String state = row.text("state");
    String waitingOn =
        switch (state) {
          case "PROPOSED" -> "RESIDENT";
          case "SENT", "INTERVIEW" -> "EMPLOYER";
          default -> "MATCHMAKER";
        };
    Instant touched = row.instant("touched_at");
    long days = Duration.between(touched, clock.instant()).toDays();
    LocalDate due = null;
    MessageKey text;
    String code;
    switch (section) {
      case "consents" -> {
        code = "CONSENT_PENDING";
        text = key(code).with("days", days);
      }
      case "replyOverdue" -> {
        code = "REPLY_OVERDUE";
        Instant sent = row.instant("sent_at");
        due = LocalDate.ofInstant(sent, clock.getZone()).plusDays(referralSettings.getReplyDays());
        text =
            key(code)
                .with("unit", row.text("unit"))
                .with("days", Duration.between(sent, clock.instant()).toDays());
      }
      case "interviews" -> {
        code = "INTERVIEW";
        LocalDateTime at = row.dateTime("interview_at");
        due = at.toLocalDate();
        text =
            key(code)
                .with("when", at.toString().replace('T', ' '))
                .with("place", row.text("interview_place"));
      }
      case "expiring" -> {
        code = "EXPIRES";
        LocalDate touchedOn = LocalDate.ofInstant(touched, clock.getZone());
        LocalDateTime interview = row.dateTime("interview_at");
        if (interview != null && interview.toLocalDate().isAfter(touchedOn)) {
          touchedOn = interview.toLocalDate();
        }
        due = touchedOn.plusDays(referralSettings.getExpireAfterDays());
        text = key(code).with("date", due.toString());
      }
      default -> {
        code = "WAITING_ON_" + waitingOn;
        text = key(code).with("days", days);
      }
    }
    return new WorklistView.Item(
        row.id("jobseeker_id"),
        row.text("name"),
        row.id("community_id"),
        row.id("id"),
        state,
        row.id("posting_id"),
        row.text("title"),
        row.id("partner_unit_id"),
        row.text("unit"),
        null,
        null,
        waitingOn,
        touched,
        due,
        List.of(why(language, code, text)));
  }

  private static WorklistView.Item followUp(
      WorklistQueries.Row row, LocalDate today, Messages language) {
    LocalDate due = row.date("due_on");
    String code = due.isBefore(today) ? "FOLLOW_UP_OVERDUE" : "FOLLOW_UP_DUE";
    return WorklistView.Item.followUp(
        row.id("jobseeker_id"),
        row.text("name"),
        row.id("community_id"),
        row.id("id"),
        due,
        why(
            language,
            code,
            key(code).with("months", row.id("months")).with("date", due.toString())));
  }

  private WorklistView.Item unansweredAsk(RegisterWorklist.UnansweredAsk a, Messages language) {
    LocalDate inactiveOn = LocalDate.ofInstant(a.inactiveFrom(), clock.getZone());
    return WorklistView.Item.resident(
        a.jobseekerId(),
        a.name(),
        a.communityId(),
        "RESIDENT",
        a.firstAskedAt(),
        inactiveOn,
        List.of(
            why(
                language,
                "STILL_LOOKING_UNANSWERED",
                key("STILL_LOOKING_UNANSWERED")
                    .with("round", a.round())
                    .with("date", inactiveOn.toString()))));
  }

  private static WorklistView.Item agreement(WorklistQueries.Row row, Messages language) {
    LocalDate until = row.date("valid_until");
    return WorklistView.Item.agreement(
        row.id("community_id"),
        row.id("partner_unit_id"),
        row.text("unit"),
        row.id("id"),
        until,
        why(
            language,
            "AGREEMENT_EXPIRES",
            key("AGREEMENT_EXPIRES")
                .with("unit", row.text("unit"))
                .with("number", row.text("number"))
                .with("date", until.toString())));
  }
}
