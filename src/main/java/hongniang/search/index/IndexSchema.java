package hongniang.search.index;

import hongniang.common.ResourceFiles;
import hongniang.occupations.Occupations;
import hongniang.search.analysis.Analysis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;

/**
 * Field names and the schema version. Bump {@link #VERSION} whenever documents change shape: an
 * index written under another version is rebuilt at start.
 */
public final class IndexSchema {

  /** Written into each commit's user data; compared on open. */
  static final String VERSION = "15";

  static final String VERSION_KEY = "hongniang.schema";

  /**
   * What an index must have been written with to be reused: the schema version, a hash of the
   * index-time analysis files (stop words, occupations), so editing those also triggers a rebuild,
   * and the time zone that turned instants into the days matching features hold.
   */
  static String stamp(ZoneId zone) {
    return VERSION + ":" + indexTimeFingerprint() + ":" + zone.getId();
  }

  /**
   * A SHA-256 over the files that shape what goes into the index: the stop words and the whole
   * vocabulary (job names are joined into words, and matching's skill keys and occupation codes
   * resolved, through it when documents are built).
   */
  static String indexTimeFingerprint() {
    List<String> files = new ArrayList<>(Analysis.files());
    files.addAll(Occupations.FILES);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String name : files) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(ResourceFiles.text(name).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * What the index writers analyse with: Chinese words, and character pairs for the {@code _bi}
   * companions of short fields, which catch words smartcn splits by context (三明月嫂 → 明月).
   */
  public static Analyzer writer(Analysis analysis) {
    return new PerFieldAnalyzerWrapper(
        analysis.index(),
        Map.of(
            bigrams(TITLE), analysis.bigrams(),
            bigrams(OCCUPATION), analysis.bigrams(),
            bigrams(SKILLS), analysis.bigrams(),
            bigrams(DESIRED), analysis.bigrams()));
  }

  // shared
  public static final String ID = "id";
  public static final String COMMUNITY = "community";
  public static final String SCHEDULE = "schedule";
  public static final String LICENCE = "licence";
  public static final String STATUS = "status";
  public static final String UPDATED = "updated";

  // postings
  public static final String UNIT = "unit";
  public static final String UNIT_NAME = "unit_name";
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String OCCUPATION = "occupation";
  public static final String SKILLS = "skills";
  public static final String GROUP = "group";
  public static final String OUTSIDE = "outside";
  public static final String CITY = "city";
  public static final String WAGE_MIN = "wage_min";
  public static final String WAGE_MAX = "wage_max";
  public static final String WAGE_NOTE = "wage_note";
  public static final String WAGE_BAND = "wage_band";
  public static final String PUBLIC_WELFARE = "public_welfare";
  public static final String ACCOMMODATION = "accommodation";
  public static final String DISABILITY_FRIENDLY = "disability_friendly";
  public static final String VALID_THROUGH = "valid_through";
  public static final String AGREEMENT_UNTIL = "agreement_until";
  public static final String CREATED = "created";
  public static final String SOURCE = "source";

  /**
   * Every word, synonym group token and pinyin prefix of a posting's title, occupation and skills
   * in one field, positions and frequencies left out. Searches do not match or score on it: its
   * document counts tell Lucene how many postings a text can match (the query's {@code
   * SizedQuery}), where a disjunction over three fields guessed the sum of its clauses and let a
   * broad filter lead.
   */
  public static final String MATCH = "match";

  // jobseekers
  public static final String DESIRED = "desired";
  public static final String EXPERIENCE = "experience";
  public static final String CATEGORY = "category";
  public static final String EDUCATION = "education";
  public static final String MIN_WAGE = "min_wage";
  public static final String WILLING_OUTSIDE = "willing_outside";
  public static final String BIRTH_YEAR = "birth_year";

  // matching
  public static final String REMAINING = "remaining";
  public static final String FIRST_SCHEDULE = "first_schedule";
  public static final String UNEMPLOYED_SINCE = "unemployed_since";

  /**
   * The names matching compares ({@link hongniang.matching.MatchKeys}: occupation codes and groups
   * asked for or done, skill keys, licences, a posting's city), from the same record the scorer
   * sees. Terms, so a search can walk the residents who ask for an occupation; sorted-set doc
   * values, so each segment numbers them once and matching reads every document's keys as ints.
   */
  public static final String MATCH_KEY = "match_key";

  /**
   * Every number and flag matching reads of a posting or a resident, in one compact binary value
   * per document ({@link hongniang.matching.ranking.PostingColumns#encode}, {@link
   * hongniang.matching.ranking.JobseekerColumns#encode}): one field instead of a dozen keeps the
   * million profiles' rebuild short, and a segment decodes it once into plain arrays.
   */
  public static final String MATCH_FEATURES = "match_features";

  /** The value of {@link #COMMUNITY} for work outside the district. */
  public static final String NO_COMMUNITY = "none";

  /** The stored values a posting hit shows; the description only when its snippet is wanted. */
  public static final Set<String> POSTING_SHOWN =
      Set.of(
          ID,
          TITLE,
          UNIT,
          UNIT_NAME,
          OCCUPATION,
          GROUP,
          COMMUNITY,
          CITY,
          SCHEDULE,
          WAGE_MIN,
          WAGE_MAX,
          WAGE_NOTE,
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
  public static final Set<String> POSTING_COPIED =
      Stream.concat(POSTING_SHOWN.stream(), Stream.of(SKILLS))
          .collect(Collectors.toUnmodifiableSet());

  /** Fields searches filter on by exact value (one term each). */
  static final Set<String> FILTER_FIELDS =
      Set.of(
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

  /**
   * Postings are stored newest first: the default list without text (newest first) takes its page
   * from the front of each segment instead of comparing every hit's date.
   */
  public static final Sort POSTING_ORDER =
      new Sort(LongField.newSortField(CREATED, true, SortedNumericSelector.Type.MAX));

  /**
   * Profiles are stored newest first, so the staff list without text (newest first over a million
   * profiles) stops after the first page instead of visiting every profile.
   */
  public static final Sort JOBSEEKER_ORDER =
      new Sort(LongField.newSortField(UPDATED, true, SortedNumericSelector.Type.MAX));

  private IndexSchema() {}

  /** The character-pair companion of a short text field. */
  public static String bigrams(String field) {
    return field + "_bi";
  }

  /** Facet dimensions; categories and schedules are multi-valued. */
  public static FacetsConfig facets() {
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
