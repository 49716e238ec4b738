package hongniang.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

  private MatchKeys() {}

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
