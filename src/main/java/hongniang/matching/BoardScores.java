package hongniang.matching;

import hongniang.common.Education;
import hongniang.common.Schedule;
import hongniang.matching.Scorer.Perspective;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * The match board's hard rules and scores for every resident × posting pair, on features resolved
 * once per resident and once per posting: ints, flags and bit sets instead of records, strings and
 * dates for each of millions of pairs. The answers are those of {@link HardRules#allows} and {@link
 * Scorer#points} (residents ranked for a posting) exactly: the fractions come from the scorer's own
 * formulas and are added up by {@link Scorer#total}, and {@code BoardScoresTest} compares the two
 * on many random pairs.
 */
public final class BoardScores {

  private final Scorer scorer;
  private final List<Opening> openings;
  private final int residents;

  // residents
  private final boolean[] seeking;
  private final int licenceWords;
  private final long[] licences; // licenceWords per resident, over the licences postings require
  private final boolean[] difficulty;
  private final int[] accepted; // schedule bits; 0 accepts any
  private final int[] preferred; // ordinal of the first schedule, -1 for any
  private final int[] age;
  private final int[] education;
  private final boolean[] willingOutside;
  private final long[] community;
  private final int[] wageLevel; // index of the resident's lowest wage among the distinct ones
  private final int skillWords;
  private final long[] skills; // skillWords per resident, over the skills postings list
  private final double[] freshness;
  private final double[] priority;
  // the occupation tier and experience of each distinct posting occupation for each resident
  private final byte[] tier; // [work * residents + r]
  private final double[] experience; // [work * residents + r]

  // postings
  private final boolean[] open;
  private final long[] required;
  private final boolean[] welfare;
  private final int[] schedule;
  private final int[] minAge;
  private final int[] maxAge;
  private final int[] minEducation;
  private final boolean[] inDistrict;
  private final long[] postingCommunity;
  private final boolean[] inHomeCity;
  private final int[][] listed; // skill ids
  // the wage and skills fractions, worked out once per posting for each input they can see
  private final int wageLevels;
  private final double[] wage; // [p * wageLevels + level]
  private final double[][] skillShare; // [p][skills held]
  private final int[] work; // index into the distinct occupations

  /** Resolves the features of every resident and posting; scoring is from a posting's side. */
  public BoardScores(Scorer scorer, List<Opening> openings, List<Seeker> seekers, LocalDate today) {
    this.scorer = scorer;
    this.openings = List.copyOf(openings);
    this.residents = seekers.size();
    int postings = openings.size();
    Vocabulary licenceIds = new Vocabulary();
    Vocabulary skillIds = new Vocabulary();
    Map<List<String>, Integer> works = new HashMap<>();
    List<Opening> workExamples = new ArrayList<>();

    for (Opening o : openings) {
      licenceIds.addAll(o.requiredLicences());
      skillIds.addAll(o.skillKeys());
    }
    licenceWords = licenceIds.words();
    skillWords = skillIds.words();

    open = new boolean[postings];
    required = new long[postings * licenceWords];
    welfare = new boolean[postings];
    schedule = new int[postings];
    minAge = new int[postings];
    maxAge = new int[postings];
    minEducation = new int[postings];
    inDistrict = new boolean[postings];
    postingCommunity = new long[postings];
    inHomeCity = new boolean[postings];
    listed = new int[postings][];
    skillShare = new double[postings][];
    work = new int[postings];
    for (int p = 0; p < postings; p++) {
      Opening o = openings.get(p);
      open[p] = HardRules.admitsPosting(o, today);
      licenceIds.set(required, p, o.requiredLicences());
      welfare[p] = o.publicWelfare();
      schedule[p] = o.schedule().ordinal();
      minAge[p] = o.minAge() == null ? Integer.MIN_VALUE : o.minAge();
      maxAge[p] = o.maxAge() == null ? Integer.MAX_VALUE : o.maxAge();
      minEducation[p] = (o.minEducation() == null ? Education.NONE : o.minEducation()).ordinal();
      inDistrict[p] = o.communityId() != null;
      postingCommunity[p] = o.communityId() == null ? 0 : o.communityId();
      inHomeCity[p] = scorer.inHomeCity(o);
      listed[p] = o.skillKeys().stream().mapToInt(skillIds::id).toArray();
      skillShare[p] = new double[listed[p].length + 1];
      for (int held = 0; held <= listed[p].length; held++) {
        skillShare[p][held] = Scorer.skillShare(held, listed[p].length);
      }
      // the tier and experience read only the occupation's code and group
      List<String> key = o.work() == null ? List.of() : List.of(o.work().code(), o.work().group());
      work[p] =
          works.computeIfAbsent(
              key,
              k -> {
                workExamples.add(o);
                return workExamples.size() - 1;
              });
    }

    seeking = new boolean[residents];
    licences = new long[residents * licenceWords];
    difficulty = new boolean[residents];
    accepted = new int[residents];
    preferred = new int[residents];
    age = new int[residents];
    education = new int[residents];
    willingOutside = new boolean[residents];
    community = new long[residents];
    Map<Integer, Integer> levels = new HashMap<>();
    wageLevel = new int[residents];
    for (int r = 0; r < residents; r++) {
      Integer min = seekers.get(r).minWage();
      wageLevel[r] = levels.computeIfAbsent(min == null ? Scorer.NO_WAGE : min, m -> levels.size());
    }
    wageLevels = levels.size();
    wage = new double[postings * wageLevels];
    for (Map.Entry<Integer, Integer> level : levels.entrySet()) {
      for (int p = 0; p < postings; p++) {
        wage[p * wageLevels + level.getValue()] =
            Scorer.wage(level.getKey(), openings.get(p).wageMax());
      }
    }
    skills = new long[residents * skillWords];
    freshness = new double[residents];
    priority = new double[residents];
    tier = new byte[workExamples.size() * residents];
    experience = new double[workExamples.size() * residents];
    IntStream.range(0, residents)
        .parallel()
        .forEach(
            r -> {
              Seeker s = seekers.get(r);
              seeking[r] = HardRules.admitsResident(s);
              licenceIds.set(licences, r, s.licences());
              difficulty[r] = !s.categories().isEmpty();
              for (Schedule sc : s.schedules()) {
                accepted[r] |= 1 << sc.ordinal();
              }
              preferred[r] = s.schedules().isEmpty() ? -1 : s.schedules().get(0).ordinal();
              age[r] = today.getYear() - s.birthYear();
              education[r] = s.education().ordinal();
              willingOutside[r] = s.willingOutside();
              community[r] = s.communityId();
              skillIds.set(skills, r, s.skillKeys());
              freshness[r] = Scorer.profileFreshness(s, today);
              priority[r] = Scorer.priority(s, today);
              for (int d = 0; d < workExamples.size(); d++) {
                Opening example = workExamples.get(d);
                tier[d * residents + r] = (byte) Scorer.occupationTier(s, example);
                experience[d * residents + r] = Scorer.experience(s, example);
              }
            });
  }

  /** True when the pair breaks no hard rule: {@link HardRules#allows}. */
  public boolean allows(int posting, int resident) {
    int p = posting;
    int r = resident;
    if (!open[p] || !seeking[r]) {
      return false;
    }
    for (int i = 0; i < licenceWords; i++) {
      if ((required[p * licenceWords + i] & ~licences[r * licenceWords + i]) != 0) {
        return false; // LicenceMissing
      }
    }
    return !(welfare[p] && !difficulty[r]) // PublicWelfareNotEligible
        && (accepted[r] == 0 || (accepted[r] & (1 << schedule[p])) != 0) // ScheduleNotAcceptable
        && age[r] >= minAge[p]
        && age[r] <= maxAge[p] // AgeOutOfRange
        && education[r] >= minEducation[p] // EducationBelowMinimum
        && (inDistrict[p] || willingOutside[r]); // OutsideNotWanted
  }

  /** The pair's score for the posting's list: {@link Scorer#points}, to the last bit. */
  public double points(int posting, int resident) {
    int p = posting;
    int r = resident;
    int held = 0;
    for (int key : listed[p]) {
      held += (int) (skills[r * skillWords + (key >>> 6)] >>> key) & 1;
    }
    int bit = 1 << schedule[p];
    int at = work[p] * residents + r;
    return scorer.total(
        tier[at],
        skillShare[p][held],
        wage[p * wageLevels + wageLevel[r]],
        Scorer.place(inDistrict[p], postingCommunity[p] == community[r], inHomeCity[p]),
        Scorer.schedule(accepted[r] == 0, preferred[r] == schedule[p], (accepted[r] & bit) != 0),
        experience[at],
        freshness[r],
        Perspective.FOR_POSTING,
        priority[r]);
  }

  /** The scored board: the pairs to allocate among, and how many pairs pass the hard rules. */
  public record Board(Allocation.Rows rows, long feasiblePairs) {}

  /**
   * Every pair that passes the hard rules, scored in hundredths of a point (the board's unit), the
   * postings split between the cores; each posting's remaining headcount is its capacity.
   */
  public Board board(int perResident) {
    int postings = openings.size();
    long[][] keys = new long[postings][];
    LongAdder feasible = new LongAdder();
    IntStream.range(0, postings)
        .parallel()
        .forEach(
            p -> {
              long[] row = new long[64];
              int n = 0;
              int passing = 0;
              for (int r = 0; r < residents; r++) {
                if (allows(p, r)) {
                  passing++;
                  int w = (int) Math.round(points(p, r) * 100);
                  if (w > 0) {
                    if (n == row.length) {
                      row = Arrays.copyOf(row, 2 * n);
                    }
                    row[n++] = Allocation.Rows.key(w, r);
                  }
                }
              }
              keys[p] = Arrays.copyOf(row, n);
              feasible.add(passing);
            });
    int[] capacity = openings.stream().mapToInt(o -> Math.max(0, o.remaining())).toArray();
    return new Board(Allocation.Rows.of(residents, keys, capacity, perResident), feasible.sum());
  }

  /** Names to small ints, and sets of names to rows of bits. */
  private static final class Vocabulary {
    private final Map<String, Integer> ids = new HashMap<>();

    void addAll(Collection<String> names) {
      for (String name : names) {
        ids.putIfAbsent(name, ids.size());
      }
    }

    int id(String name) {
      return ids.get(name);
    }

    int words() {
      return Math.max(1, (ids.size() + 63) / 64);
    }

    /** Sets row {@code row}'s bits for the names this vocabulary knows; others cannot matter. */
    void set(long[] bits, int row, Collection<String> names) {
      int words = words();
      for (String name : names) {
        Integer id = ids.get(name);
        if (id != null) {
          bits[row * words + (id >>> 6)] |= 1L << id;
        }
      }
    }
  }
}
