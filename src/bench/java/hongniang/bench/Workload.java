package hongniang.bench;

import hongniang.common.DifficultyCategory;
import hongniang.search.query.JobseekerQuery;
import hongniang.search.query.PostingQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The fixed query sets: realistic text (characters, pinyin, initials, or none) with one to three
 * filters, drawn from a seeded random so that every run and both engines ask the same questions.
 */
final class Workload {

  static final List<String> POSTING_TEXTS =
      List.of("保洁", "保安", "家政", "司机", "快递", "护工", "保洁员", "养老护理", "baojie", "bj", "baoan", "");

  static final List<String> JOBSEEKER_TEXTS =
      List.of("保洁", "保安", "家政", "司机", "护工", "电工", "快递", "保洁员", "养老护理", "baojie", "bj", "");

  private static final List<String> SCHEDULES =
      List.of("FULL_TIME", "PART_TIME", "FLEXIBLE", "SHIFT");

  private Workload() {}

  /** What kind of text a query has, for the per-kind breakdown. */
  static String textKind(String q) {
    if (q == null || q.isBlank()) {
      return "no text";
    }
    return q.chars().allMatch(c -> c < 128) ? "pinyin" : "characters";
  }

  /** Posting searches with 1–3 filters among community/outside, schedule, wage, welfare, group. */
  static List<PostingQuery> postings(
      long seed, int n, List<Long> communities, List<String> groups) {
    Random r = new Random(seed);
    List<PostingQuery> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String q = POSTING_TEXTS.get(r.nextInt(POSTING_TEXTS.size()));
      List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4));
      Collections.shuffle(kinds, r);
      int filters = 1 + r.nextInt(3);
      Long community = null;
      Boolean outside = null;
      String schedule = null;
      Integer wageFrom = null;
      Integer wageTo = null;
      Boolean welfare = null;
      String group = null;
      for (int kind : kinds.subList(0, filters)) {
        switch (kind) {
          case 0 -> {
            if (r.nextInt(10) < 7) {
              community = communities.get(r.nextInt(communities.size()));
            } else {
              outside = r.nextBoolean();
            }
          }
          case 1 -> schedule = SCHEDULES.get(r.nextInt(SCHEDULES.size()));
          case 2 -> {
            int variant = r.nextInt(3);
            if (variant != 1) {
              wageFrom = List.of(2500, 3000, 4000, 5000).get(r.nextInt(4));
            }
            if (variant != 0) {
              wageTo = (wageFrom == null ? 3000 : wageFrom) + 1500;
            }
          }
          case 3 -> welfare = r.nextInt(4) == 0;
          default -> group = groups.get(r.nextInt(groups.size()));
        }
      }
      out.add(
          new PostingQuery(
              q.isEmpty() ? null : q,
              community,
              outside,
              null,
              schedule,
              wageFrom,
              wageTo,
              welfare,
              null,
              null,
              null,
              group,
              null,
              null,
              0,
              20));
    }
    return out;
  }

  /**
   * Jobseeker searches: text with 0–3 filters (staff search all profiles), or no text with 1–3,
   * among community, status, schedule, wage, age, difficulty category and willing-outside.
   */
  static List<JobseekerQuery> jobseekers(long seed, int n, List<Long> communities) {
    Random r = new Random(seed);
    List<JobseekerQuery> out = new ArrayList<>();
    DifficultyCategory[] categories = DifficultyCategory.values();
    for (int i = 0; i < n; i++) {
      String q = JOBSEEKER_TEXTS.get(r.nextInt(JOBSEEKER_TEXTS.size()));
      List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
      Collections.shuffle(kinds, r);
      int filters = q.isEmpty() ? 1 + r.nextInt(3) : r.nextInt(4);
      Long community = null;
      String status = null;
      String category = null;
      String schedule = null;
      Integer wageAtMost = null;
      Boolean willingOutside = null;
      Integer minAge = null;
      Integer maxAge = null;
      for (int kind : kinds.subList(0, filters)) {
        switch (kind) {
          case 0 -> community = communities.get(r.nextInt(communities.size()));
          case 1 ->
              status =
                  r.nextInt(10) < 7
                      ? "SEEKING"
                      : List.of("REFERRED", "EMPLOYED", "INACTIVE").get(r.nextInt(3));
          case 2 -> schedule = SCHEDULES.get(r.nextInt(SCHEDULES.size()));
          case 3 -> wageAtMost = List.of(2500, 3000, 4000).get(r.nextInt(3));
          case 4 -> {
            switch (r.nextInt(3)) {
              case 0 -> {
                minAge = 40;
                maxAge = 55;
              }
              case 1 -> maxAge = 35;
              default -> minAge = 50;
            }
          }
          case 5 -> category = categories[r.nextInt(categories.length)].name();
          default -> willingOutside = true;
        }
      }
      out.add(
          new JobseekerQuery(
              q.isEmpty() ? null : q,
              community,
              status,
              category,
              schedule,
              null,
              wageAtMost,
              willingOutside,
              null,
              minAge,
              maxAge,
              null,
              null,
              null,
              0,
              20));
    }
    return out;
  }

  /** The same jobseeker searches asking for highlighted snippets. */
  static List<JobseekerQuery> highlighted(List<JobseekerQuery> queries) {
    return queries.stream().map(q -> asking(q, q.facets(), true)).toList();
  }

  /**
   * The same jobseeker search asking for facet counts, which count every hit: its total is exact
   * (without them a search counts to 1,000 and stops).
   */
  static JobseekerQuery exact(JobseekerQuery q) {
    return asking(q, true, q.highlight());
  }

  private static JobseekerQuery asking(JobseekerQuery q, Boolean facets, Boolean highlight) {
    return new JobseekerQuery(
        q.q(),
        q.communityId(),
        q.status(),
        q.category(),
        q.schedule(),
        q.minEducation(),
        q.wageAtMost(),
        q.willingOutside(),
        q.licence(),
        q.minAge(),
        q.maxAge(),
        q.sort(),
        facets,
        highlight,
        q.page(),
        q.size());
  }

  /** How many filters a posting query sets. */
  static int filters(PostingQuery q) {
    int n = 0;
    for (Object o :
        new Object[] {
          q.communityId(), q.outsideDistrict(), q.schedule(), q.publicWelfare(), q.group()
        }) {
      n += o == null ? 0 : 1;
    }
    return n + (q.wageFrom() != null || q.wageTo() != null ? 1 : 0);
  }
}
