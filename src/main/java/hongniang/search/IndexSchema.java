package hongniang.search;

import java.time.ZoneId;
import org.apache.lucene.facet.FacetsConfig;

/**
 * Field names and the schema version. Bump {@link #VERSION} whenever documents change shape: an
 * index written under another version is rebuilt at start.
 */
final class IndexSchema {

  /** Written into each commit's user data; compared on open. */
  static final String VERSION = "15";

  static final String VERSION_KEY = "hongniang.schema";

  /**
   * What an index must have been written with to be reused: the schema version, a hash of the
   * index-time analysis files (stop words, occupations), so editing those also triggers a rebuild,
   * and the time zone that turned instants into the days matching features hold.
   */
  static String stamp(ZoneId zone) {
    return VERSION + ":" + IndexResources.indexTimeFingerprint() + ":" + zone.getId();
  }

  // shared
  static final String ID = "id";
  static final String COMMUNITY = "community";
  static final String SCHEDULE = "schedule";
  static final String LICENCE = "licence";
  static final String STATUS = "status";
  static final String UPDATED = "updated";

  // postings
  static final String UNIT = "unit";
  static final String TITLE = "title";
  static final String DESCRIPTION = "description";
  static final String OCCUPATION = "occupation";
  static final String SKILLS = "skills";
  static final String GROUP = "group";
  static final String OUTSIDE = "outside";
  static final String CITY = "city";
  static final String WAGE_MIN = "wage_min";
  static final String WAGE_MAX = "wage_max";
  static final String WAGE_BAND = "wage_band";
  static final String PUBLIC_WELFARE = "public_welfare";
  static final String ACCOMMODATION = "accommodation";
  static final String DISABILITY_FRIENDLY = "disability_friendly";
  static final String VALID_THROUGH = "valid_through";
  static final String AGREEMENT_UNTIL = "agreement_until";
  static final String CREATED = "created";
  static final String SOURCE = "source";

  /**
   * Every word, synonym group token and pinyin prefix of a posting's title, occupation and skills
   * in one field, positions and frequencies left out. Searches do not match or score on it: its
   * document counts tell Lucene how many postings a text can match ({@link SizedQuery}), where a
   * disjunction over three fields guessed the sum of its clauses and let a broad filter lead.
   */
  static final String MATCH = "match";

  // jobseekers
  static final String DESIRED = "desired";
  static final String EXPERIENCE = "experience";
  static final String CATEGORY = "category";
  static final String EDUCATION = "education";
  static final String MIN_WAGE = "min_wage";
  static final String WILLING_OUTSIDE = "willing_outside";
  static final String BIRTH_YEAR = "birth_year";

  // matching
  static final String REMAINING = "remaining";
  static final String FIRST_SCHEDULE = "first_schedule";
  static final String UNEMPLOYED_SINCE = "unemployed_since";

  /**
   * The names matching compares ({@link hongniang.matching.MatchKeys}: occupation codes and groups
   * asked for or done, skill keys, licences, a posting's city), from the same record the scorer
   * sees. Terms, so a search can walk the residents who ask for an occupation; sorted-set doc
   * values, so each segment numbers them once and matching reads every document's keys as ints.
   */
  static final String MATCH_KEY = "match_key";

  /**
   * Every number and flag matching reads of a posting or a resident, in one compact binary value
   * per document ({@link hongniang.matching.OpeningColumns#encode}, {@link
   * hongniang.matching.SeekerColumns#encode}): one field instead of a dozen keeps the million
   * profiles' rebuild short, and a segment decodes it once into plain arrays.
   */
  static final String MATCH_FEATURES = "match_features";

  /** The value of {@link #COMMUNITY} for work outside the district. */
  static final String NO_COMMUNITY = "none";

  /** The stored values a posting hit shows; the description only when its snippet is wanted. */
  static final java.util.Set<String> POSTING_SHOWN =
      java.util.Set.of(
          ID,
          TITLE,
          UNIT,
          "unit_name",
          OCCUPATION,
          GROUP,
          COMMUNITY,
          CITY,
          SCHEDULE,
          WAGE_MIN,
          WAGE_MAX,
          "wage_note",
          REMAINING,
          PUBLIC_WELFARE,
          ACCOMMODATION,
          DISABILITY_FRIENDLY,
          LICENCE,
          VALID_THROUGH);

  /**
   * The posting values copied into {@link ShownValues}: those shown, and the short texts the words
   * pass highlights.
   */
  static final java.util.Set<String> POSTING_COPIED =
      java.util.stream.Stream.concat(POSTING_SHOWN.stream(), java.util.stream.Stream.of(SKILLS))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** Fields searches filter on by exact value (one term each). */
  static final java.util.Set<String> FILTER_FIELDS =
      java.util.Set.of(
          COMMUNITY,
          SCHEDULE,
          LICENCE,
          STATUS,
          UNIT,
          GROUP,
          OUTSIDE,
          CITY,
          PUBLIC_WELFARE,
          ACCOMMODATION,
          DISABILITY_FRIENDLY,
          CATEGORY,
          WILLING_OUTSIDE);

  private IndexSchema() {}

  /** The character-pair companion of a short text field. */
  static String bigrams(String field) {
    return field + "_bi";
  }

  /** Facet dimensions; categories and schedules are multi-valued. */
  static FacetsConfig facets() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(CATEGORY, true);
    config.setMultiValued(SCHEDULE, true);
    return config;
  }

  /** Monthly wage bands for facets, by the posting's top wage. */
  static String wageBand(int wageMax) {
    if (wageMax < 2000) {
      return "0-2000";
    }
    if (wageMax < 3000) {
      return "2000-3000";
    }
    if (wageMax < 4000) {
      return "3000-4000";
    }
    if (wageMax < 5000) {
      return "4000-5000";
    }
    if (wageMax < 7000) {
      return "5000-7000";
    }
    return "7000+";
  }
}
