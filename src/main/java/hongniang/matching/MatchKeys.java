package hongniang.matching;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names matching compares (occupation codes and groups, skill keys, licences, a posting's city)
 * as strings with their kind in front: the search index keeps them as terms, once per document, and
 * columns number them. One place decides them, from the records, so the index and the scorer cannot
 * disagree on what a resident or a posting holds.
 */
public final class MatchKeys {

  /** An occupation a resident asks for, by code. */
  public static final String DESIRED_CODE = "dc:";

  /** The group of an occupation a resident asks for. */
  public static final String DESIRED_GROUP = "dg:";

  /** An occupation a resident's work history names, by code. */
  public static final String PAST_CODE = "pc:";

  /** The group of an occupation a resident's work history names. */
  public static final String PAST_GROUP = "pg:";

  /** A skill's synonym key (residents and postings alike). */
  public static final String SKILL = "sk:";

  /** A licence a resident holds or a posting requires. */
  public static final String LICENCE = "li:";

  /** A posting's occupation code. */
  public static final String CODE = "oc:";

  /** A posting's occupation group. */
  public static final String GROUP = "og:";

  /** A posting's city. */
  public static final String CITY = "ci:";

  /** How a jobseeker's occupations relate to a posting's. */
  public enum Relation {
    /** The jobseeker asks for the posting's occupation. */
    DESIRED_CODE,
    /** The jobseeker asks for an occupation of the posting's group. */
    DESIRED_GROUP,
    /** The jobseeker's history names the posting's occupation. */
    PAST_CODE,
    /** The jobseeker's history names an occupation of the posting's group. */
    PAST_GROUP
  }

  private MatchKeys() {}

  /**
   * For a posting: the jobseeker keys that give each relation; none when the posting's occupation
   * is not known. The exact search's rings and the "why not" query both read them here.
   */
  public static Map<Relation, Set<String>> relations(Posting o) {
    Map<Relation, Set<String>> out = new EnumMap<>(Relation.class);
    if (o.work() != null) {
      out.put(Relation.DESIRED_CODE, Set.of(DESIRED_CODE + o.work().code()));
      out.put(Relation.DESIRED_GROUP, Set.of(DESIRED_GROUP + o.work().group()));
      out.put(Relation.PAST_CODE, Set.of(PAST_CODE + o.work().code()));
      out.put(Relation.PAST_GROUP, Set.of(PAST_GROUP + o.work().group()));
    }
    return out;
  }

  /**
   * For a jobseeker: the posting keys that give each relation (any one of them does); a jobseeker
   * who asks for nothing known, or has no history, has no such relations.
   */
  public static Map<Relation, Set<String>> relations(Jobseeker s) {
    Map<Relation, Set<String>> out = new EnumMap<>(Relation.class);
    for (Work w : s.desired()) {
      add(out, Relation.DESIRED_CODE, CODE + w.code());
      add(out, Relation.DESIRED_GROUP, GROUP + w.group());
    }
    for (Work w : s.pastWork()) {
      add(out, Relation.PAST_CODE, CODE + w.code());
      add(out, Relation.PAST_GROUP, GROUP + w.group());
    }
    return out;
  }

  private static void add(Map<Relation, Set<String>> out, Relation r, String key) {
    out.computeIfAbsent(r, x -> new TreeSet<>()).add(key);
  }

  /** A resident's keys, each once. */
  public static List<String> of(Jobseeker s) {
    Set<String> out = new LinkedHashSet<>();
    for (Work w : s.desired()) {
      out.add(DESIRED_CODE + w.code());
      out.add(DESIRED_GROUP + w.group());
    }
    for (Work w : s.pastWork()) {
      out.add(PAST_CODE + w.code());
      out.add(PAST_GROUP + w.group());
    }
    s.skillKeys().forEach(k -> out.add(SKILL + k));
    s.licences().forEach(l -> out.add(LICENCE + l));
    return new ArrayList<>(out);
  }

  /** A posting's keys, each once; a posting of no known occupation has no code or group. */
  public static List<String> of(Posting o) {
    Set<String> out = new LinkedHashSet<>();
    if (o.work() != null) {
      out.add(CODE + o.work().code());
      out.add(GROUP + o.work().group());
    }
    o.skillKeys().forEach(k -> out.add(SKILL + k));
    o.requiredLicences().forEach(l -> out.add(LICENCE + l));
    if (o.city() != null) {
      out.add(CITY + o.city());
    }
    return new ArrayList<>(out);
  }
}
