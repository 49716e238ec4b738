package hongniang.jobseekers;

import hongniang.common.ApiProblem;
import hongniang.common.CheckDigits;
import hongniang.common.FieldError;
import hongniang.common.Masking;
import hongniang.common.MessageKey;
import hongniang.communities.CommunityService;
import hongniang.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The duplicate guard of intake (a create or an import row): a profile whose phone, or whose name
 * and birth, another resident already has may be the same person registered twice. It is not stored
 * unless the request says {@code confirmedNotDuplicate: true}; the refusal lists the residents the
 * caller may see (name, community, masked phone, birth year) and says only that "a resident of
 * another community" exists for the rest. An identical ID number stays the harder rule {@code
 * Unique}, checked before.
 *
 * <p>The same birth means the same birth date when both profiles have one (from the ID number),
 * else the same birth year: a profile without an ID number cannot be told apart by its date.
 */
@Singleton
class DuplicateGuard {

  /** How many candidates a refusal lists at most. */
  private static final int LIMIT = 20;

  static final String FIELD = "confirmedNotDuplicate";
  static final String PHONE = "phone";
  static final String NAME_AND_BIRTH_DATE = "nameAndBirthDate";

  private final CheckIns store;
  private final CommunityService communities;

  DuplicateGuard(CheckIns store, CommunityService communities) {
    this.store = store;
    this.communities = communities;
  }

  /** What makes two profiles the same person's: the keys a new profile is looked up by. */
  private record Keys(@Nullable String phone, String name, int birthYear, LocalDate birthDate) {

    static Keys of(JobseekerRequest r) {
      String id = r.idNumber();
      LocalDate birth = id == null ? null : CheckDigits.birthDate(id).orElse(null);
      int year = birth != null ? birth.getYear() : r.birthYear();
      String phone = r.phone() == null ? null : r.phone().replace("-", "");
      return new Keys(phone, r.name().trim(), year, birth);
    }

    /** The lock keys: the phone, and the name with the birth year (wider than the rule). */
    List<String> lockKeys() {
      return keys(String.valueOf(birthYear));
    }

    /** The keys an earlier row of a file is recognised by: the birth date where known. */
    List<String> rowKeys() {
      return keys(birthDate != null ? birthDate.toString() : String.valueOf(birthYear));
    }

    private List<String> keys(String birth) {
      List<String> keys = new ArrayList<>();
      if (phone != null) {
        keys.add("phone:" + phone);
      }
      keys.add("name:" + name + "/" + birth);
      return keys;
    }
  }

  /**
   * Guards a create, in its transaction: intakes of a possible same person wait for each other, so
   * two concurrent creates cannot both miss the other. Throws the 409 {@code PossibleDuplicate}
   * when there are candidates and the request does not confirm; returns the audit detail of a
   * confirmation (null when there was nothing to confirm).
   */
  @Nullable
  String guardCreate(Caller caller, JobseekerRequest r) {
    Keys keys = Keys.of(r);
    store.lockKeys(keys.lockKeys());
    List<CheckIns.Match> found = find(keys);
    if (found.isEmpty()) {
      return null;
    }
    if (!Boolean.TRUE.equals(r.confirmedNotDuplicate())) {
      List<DuplicateCandidate> shown = shown(caller, found);
      throw ApiProblem.conflict(error(shown, false), shown);
    }
    return confirmation(caller, found, r.communityId());
  }

  /**
   * The errors of an import row: {@code PossibleDuplicate} when a stored resident or an earlier row
   * of the same file ({@code seen}, filled here) may be the same person, unless the row confirms.
   */
  @Transactional(readOnly = true)
  List<FieldError> rowErrors(Caller caller, JobseekerRequest r, Set<String> seen) {
    Keys keys = Keys.of(r);
    boolean earlierRow = false;
    for (String key : keys.rowKeys()) {
      earlierRow |= !seen.add(key);
    }
    if (Boolean.TRUE.equals(r.confirmedNotDuplicate())) {
      return List.of();
    }
    List<CheckIns.Match> found = find(keys);
    if (found.isEmpty() && !earlierRow) {
      return List.of();
    }
    return List.of(error(shown(caller, found), earlierRow));
  }

  /** The audit detail of an imported row's confirmation, or null when it confirmed nothing. */
  @Nullable
  String importConfirmation(Caller caller, JobseekerRequest r) {
    if (!Boolean.TRUE.equals(r.confirmedNotDuplicate())) {
      return null;
    }
    List<CheckIns.Match> found = find(Keys.of(r));
    return found.isEmpty() ? null : confirmation(caller, found, r.communityId());
  }

  private List<CheckIns.Match> find(Keys k) {
    return store.sharing(k.phone(), k.name(), k.birthYear(), k.birthDate(), LIMIT);
  }

  /**
   * The audit detail: the ids of the candidates in the new resident's own community, whoever may
   * later read its trail sees them anyway; of the others only that there were some.
   */
  private static String confirmation(Caller caller, List<CheckIns.Match> found, Long community) {
    StringBuilder detail = new StringBuilder(FIELD);
    String sep = ": ";
    boolean elsewhere = false;
    for (CheckIns.Match m : found) {
      if (community != null && community == m.communityId()) {
        detail.append(sep).append('#').append(m.id());
        sep = ", ";
      } else {
        elsewhere = true;
      }
    }
    if (elsewhere) {
      detail.append(sep).append("another community");
    }
    return detail.toString();
  }

  /** The candidates as the caller may see them: named when visible, one entry for the rest. */
  private List<DuplicateCandidate> shown(Caller caller, List<CheckIns.Match> found) {
    Map<Long, String> places = communities.namesById();
    List<DuplicateCandidate> out = new ArrayList<>();
    boolean elsewhere = false;
    for (CheckIns.Match m : found) {
      if (!caller.seesCommunity(m.communityId())) {
        elsewhere = true;
        continue;
      }
      Set<String> on = new LinkedHashSet<>();
      if (m.samePhone()) {
        on.add(PHONE);
      }
      if (m.sameNameAndBirth()) {
        on.add(NAME_AND_BIRTH_DATE);
      }
      out.add(
          new DuplicateCandidate(
              m.id(),
              m.name(),
              m.communityId(),
              places.get(m.communityId()),
              Masking.phone(m.phone()),
              m.birthYear(),
              List.copyOf(on),
              false));
    }
    if (elsewhere) {
      out.add(DuplicateCandidate.ELSEWHERE);
    }
    return out;
  }

  private static FieldError error(List<DuplicateCandidate> shown, boolean earlierRow) {
    List<MessageKey> who = new ArrayList<>();
    for (DuplicateCandidate c : shown) {
      who.add(
          c.otherCommunity()
              ? MessageKey.of("rule.PossibleDuplicate.elsewhere")
              : MessageKey.of("rule.PossibleDuplicate.candidate")
                  .with("name", c.name())
                  .with("id", c.id())
                  .with("community", c.communityName())
                  .with("phone", c.phone() == null ? "-" : c.phone())
                  .with("birthYear", c.birthYear()));
    }
    if (earlierRow) {
      who.add(MessageKey.of("rule.PossibleDuplicate.earlierRow"));
    }
    return new FieldError(
            FIELD,
            "PossibleDuplicate",
            "possibly a resident registered already; confirm with confirmedNotDuplicate: true")
        .with("who", who);
  }
}
