package hongniang.matching;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Residents and postings drawn at random with the variety of the district, in memory: occupations
 * and groups from {@code search-index/occupations.tsv}, skills that belong to a group, wages 2000–
 * 8000, nine communities and work outside the district, schedules, ages, licences on a fifth of
 * postings, public-welfare posts, 1–5 places. About a third of all pairs pass the hard rules. For
 * the board's lab and for tests that compare fast paths with the scorer on many pairs.
 */
public final class RandomWorld {

  private static final String[] LICENCES = {"C1驾驶证", "健康证", "保安员证", "养老护理员证", "电工证"};
  private static final String[] CITIES = {"三明市", "三明市", "厦门市", "福州市"};
  private static final int SKILLS_PER_GROUP = 7;

  private final Random random;
  private final LocalDate today;
  private final List<String> groups;
  private final Map<String, List<Work>> works;
  private int oddPercent;
  private int crowdPercent;

  /** A world drawn from this seed, dated {@code today}. */
  public RandomWorld(long seed, LocalDate today) {
    this.random = new Random(seed);
    this.today = today;
    this.works = occupations();
    this.groups = List.copyOf(works.keySet());
  }

  /**
   * Makes about {@code percent}% of the values that decide a rule or a tier on their own unusual:
   * residents not seeking, a wage of 0, postings closed, full, expired or without an agreement,
   * with no occupation the list knows. The board never sees many of these; tests must.
   */
  public RandomWorld withOddValues(int percent) {
    this.oddPercent = percent;
    return this;
  }

  /**
   * Sends {@code percent}% of residents after the first two groups of work only, while postings
   * stay spread over all: many residents for few places, the allocation's hard case.
   */
  public RandomWorld withCrowding(int percent) {
    this.crowdPercent = percent;
    return this;
  }

  // draws nothing when there are no odd values, so a seed gives the same world as before
  private boolean odd() {
    return oddPercent > 0 && random.nextInt(100) < oddPercent;
  }

  /** {@code n} residents with ids 1…n. */
  public List<Jobseeker> jobseekers(int n) {
    List<Jobseeker> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      out.add(jobseeker(i));
    }
    return out;
  }

  /** {@code n} open postings with ids 1…n. */
  public List<Posting> postings(int n) {
    List<Posting> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      out.add(posting(i));
    }
    return out;
  }

  private Jobseeker jobseeker(long id) {
    // residents crowd into the first groups of the list (cleaning, catering…), postings do not
    String home =
        crowdPercent > 0 && random.nextInt(100) < crowdPercent
            ? groups.get(random.nextInt(2))
            : groups.get(Math.min(random.nextInt(groups.size()), random.nextInt(groups.size())));
    List<Work> desired = new ArrayList<>();
    if (random.nextInt(10) > 0) {
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        Work w = i == 0 || random.nextInt(10) < 6 ? work(home) : work(pick(groups));
        if (!desired.contains(w)) {
          desired.add(w);
        }
      }
    }
    Set<Work> past = new LinkedHashSet<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      past.add(work(random.nextBoolean() ? home : pick(groups)));
    }
    List<Skill> skills = new ArrayList<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      Skill s = skill(random.nextInt(5) == 0 ? pick(groups) : home);
      if (!skills.contains(s)) {
        skills.add(s);
      }
    }
    Set<String> licences = new LinkedHashSet<>();
    if (random.nextInt(5) == 0) {
      for (int i = 1 + random.nextInt(2); i > 0; i--) {
        licences.add(LICENCES[random.nextInt(LICENCES.length)]);
      }
    }
    Set<DifficultyCategory> categories = EnumSet.noneOf(DifficultyCategory.class);
    if (random.nextInt(4) == 0) {
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        categories.add(pick(List.of(DifficultyCategory.values())));
      }
    }
    Education[] levels = Education.values();
    return new Jobseeker(
        id,
        "居民" + id,
        today.getYear() - 18 - random.nextInt(43),
        1 + random.nextInt(9),
        levels[1 + random.nextInt(levels.length - 1)],
        List.copyOf(desired),
        List.copyOf(skills),
        Skill.keys(skills),
        Set.copyOf(past),
        random.nextInt(10) == 0 ? null : odd() ? 0 : 2000 + 100 * random.nextInt(41),
        schedules(),
        random.nextInt(100) < 30,
        Set.copyOf(licences),
        Set.copyOf(categories),
        random.nextInt(10) < 3 ? null : today.minusDays(random.nextInt(1100)),
        odd()
            ? pick(List.of("EMPLOYED", "INACTIVE"))
            : random.nextInt(10) == 0 ? "REFERRED" : "SEEKING",
        today.minusDays(random.nextInt(200)));
  }

  private List<Schedule> schedules() {
    if (random.nextInt(100) < 15) {
      return List.of();
    }
    List<Schedule> all = new ArrayList<>(List.of(Schedule.values()));
    java.util.Collections.shuffle(all, random);
    if (random.nextBoolean()) {
      all.remove(Schedule.FULL_TIME);
      all.add(0, Schedule.FULL_TIME);
    }
    return List.copyOf(all.subList(0, 1 + random.nextInt(3)));
  }

  private Posting posting(long id) {
    String group = pick(groups);
    Work work = random.nextInt(30) == 0 || odd() ? null : work(group);
    List<Skill> skills = new ArrayList<>();
    if (random.nextInt(100) >= 15) {
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        Skill s = skill(group);
        if (!skills.contains(s)) {
          skills.add(s);
        }
      }
    }
    int wageMax = 2000 + 100 * random.nextInt(61);
    boolean outside = random.nextInt(100) < 20;
    int schedule = random.nextInt(100);
    Education[] minimums = {Education.NONE, Education.JUNIOR_HIGH, Education.SENIOR_HIGH};
    int education = random.nextInt(100);
    Set<String> licences =
        random.nextInt(5) == 0 ? Set.of(LICENCES[random.nextInt(LICENCES.length)]) : Set.of();
    return new Posting(
        id,
        1000 + random.nextInt(200),
        work == null ? "杂工" : work.name(),
        work,
        List.copyOf(skills),
        Skill.keys(skills),
        Math.max(1800, wageMax - 500 - 100 * random.nextInt(11)),
        wageMax,
        schedule < 50
            ? Schedule.FULL_TIME
            : schedule < 70
                ? Schedule.SHIFT
                : schedule < 85 ? Schedule.PART_TIME : Schedule.FLEXIBLE,
        outside ? null : (long) (1 + random.nextInt(9)),
        outside ? CITIES[random.nextInt(CITIES.length)] : "三明市",
        random.nextInt(10) < 3 ? 18 : null,
        random.nextInt(10) < 6 ? 45 + random.nextInt(16) : null,
        education < 45 ? Education.NONE : minimums[education < 75 ? 1 : 2],
        licences,
        random.nextInt(10) == 0,
        odd() ? pick(List.of("DRAFT", "PAUSED", "FILLED", "CLOSED")) : "OPEN",
        odd() ? 0 : 1 + random.nextInt(5),
        odd() ? today.minusDays(1) : today.plusDays(1 + random.nextInt(90)),
        odd()
            ? pick(java.util.Arrays.asList(null, today.minusDays(1)))
            : today.plusDays(random.nextInt(400)),
        today.minusDays(random.nextInt(120)));
  }

  private Work work(String group) {
    return pick(works.get(group));
  }

  private Skill skill(String group) {
    String key = group + "-skill-" + random.nextInt(SKILLS_PER_GROUP);
    return new Skill(key, key);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Each group's occupations, one per code, named by the code's first row. */
  private static Map<String, List<Work>> occupations() {
    Map<String, List<Work>> out = new LinkedHashMap<>();
    Set<String> codes = new LinkedHashSet<>();
    try {
      for (String line :
          Files.readAllLines(Path.of("search-index", "occupations.tsv"), StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        if (line.startsWith("#") || f.length != 3 || f[0].equals("name") || !codes.add(f[1])) {
          continue;
        }
        out.computeIfAbsent(f[2], g -> new ArrayList<>()).add(new Work(f[0], f[1], f[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
