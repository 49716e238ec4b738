package hongniang.inbox;

import io.micronaut.core.annotation.Nullable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A message to send to an inbox, apart from its language: {@code kind} names a text {@code
 * inbox.<kind>} of the message bundles and {@code params} fill its {@code {name}} placeholders when
 * a reader reads it, in the reader's language. The subject is what the message is about (e.g.
 * {@code "referral"}, 12), for a link; both may be null.
 *
 * <p>Every kind is listed in {@link #KINDS} with exactly the parameters its text takes; {@link
 * Inbox} refuses another kind or another set of parameters, and a test checks that every kind has
 * its text in Chinese and English with those placeholders. A parameter's value is shown as sent,
 * unless the bundles have a text {@code inbox.value.<param>.<value>} for it (e.g. {@code
 * inbox.value.outcome.HIRED}, 已录用): then that text is shown. Parameters are shown to everyone of
 * the audience: never put an ID number or a phone in them.
 */
public record Notice(
    String kind,
    @Nullable String subjectType,
    @Nullable Long subjectId,
    Map<String, String> params) {

  /** To a resident: a matchmaker proposes a referral to consent to. */
  public static final String REFERRAL_CONSENT_REQUESTED = "referral.consentRequested";

  /** To a community: a resident asks to be referred. */
  public static final String REFERRAL_REQUESTED = "referral.requested";

  /** To a community: a resident consented to a referral. */
  public static final String REFERRAL_CONSENTED = "referral.consented";

  /** To a community: a resident declined a referral, with the reason. */
  public static final String REFERRAL_DECLINED = "referral.declined";

  /** To a unit: a consented candidate has been referred for a posting. */
  public static final String REFERRAL_CANDIDATE = "referral.candidate";

  /** To a resident: an interview, with when and where. */
  public static final String REFERRAL_INTERVIEW = "referral.interview";

  /** To a resident: the employer's outcome. */
  public static final String REFERRAL_OUTCOME = "referral.outcome";

  /** To a community: an employer recorded an outcome for one of its residents. */
  public static final String REFERRAL_OUTCOME_RECORDED = "referral.outcomeRecorded";

  /** To a unit: a candidate withdrew consent (the resident is not named). */
  public static final String REFERRAL_CONSENT_WITHDRAWN = "referral.consentWithdrawn";

  /** To a unit: a referral has waited for the unit's answer too long. */
  public static final String REFERRAL_REPLY_OVERDUE = "referral.replyOverdue";

  /** To a community: a referral expired untouched. */
  public static final String REFERRAL_EXPIRED = "referral.expired";

  /** To a unit: a posting's validity ends soon. */
  public static final String POSTING_EXPIRING = "posting.expiring";

  /** To a resident: are you still looking for work? */
  public static final String REGISTER_STILL_LOOKING = "register.stillLooking";

  /** To a community: a placement's follow-up is due. */
  public static final String FOLLOW_UP_DUE = "followUp.due";

  /** Every kind and the parameters its text takes, exactly. */
  public static final Map<String, Set<String>> KINDS =
      Collections.unmodifiableMap(
          new TreeMap<>(
              Map.ofEntries(
                  Map.entry(REFERRAL_CONSENT_REQUESTED, Set.of("unit", "title")),
                  Map.entry(REFERRAL_REQUESTED, Set.of("resident", "title")),
                  Map.entry(REFERRAL_CONSENTED, Set.of("resident", "title")),
                  Map.entry(REFERRAL_DECLINED, Set.of("resident", "title", "reason")),
                  Map.entry(REFERRAL_CANDIDATE, Set.of("title")),
                  Map.entry(REFERRAL_INTERVIEW, Set.of("unit", "title", "when", "place")),
                  Map.entry(REFERRAL_OUTCOME, Set.of("title", "outcome")),
                  Map.entry(REFERRAL_OUTCOME_RECORDED, Set.of("resident", "title", "outcome")),
                  Map.entry(REFERRAL_CONSENT_WITHDRAWN, Set.of("title")),
                  Map.entry(REFERRAL_REPLY_OVERDUE, Set.of("title", "days")),
                  Map.entry(REFERRAL_EXPIRED, Set.of("resident", "title")),
                  Map.entry(POSTING_EXPIRING, Set.of("title", "date")),
                  Map.entry(REGISTER_STILL_LOOKING, Set.of()),
                  Map.entry(FOLLOW_UP_DUE, Set.of("resident", "months", "date")))));

  /** The key of a kind's text in the message bundles. */
  public static String textKey(String kind) {
    return "inbox." + kind;
  }

  public Notice {
    // a null value is kept (shown as nothing); Map.copyOf would refuse it
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A notice with no subject. */
  public static Notice of(String kind, Map<String, String> params) {
    return new Notice(kind, null, null, params);
  }

  /**
   * Throws when the kind is not listed or its parameters are not exactly those its text takes: a
   * mistake in the sending code, found by its first test rather than by a reader.
   */
  void check() {
    Set<String> wanted = KINDS.get(kind);
    if (wanted == null) {
      throw new IllegalArgumentException(
          "no inbox kind " + kind + "; the kinds: " + KINDS.keySet());
    }
    if (!wanted.equals(params.keySet())) {
      throw new IllegalArgumentException(
          "inbox kind "
              + kind
              + " takes "
              + new TreeSet<>(wanted)
              + ", not "
              + new TreeSet<>(params.keySet()));
    }
  }
}
