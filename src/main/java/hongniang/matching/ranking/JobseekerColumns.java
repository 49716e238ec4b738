package hongniang.matching.ranking;

import hongniang.common.Schedule;
import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.MatchKeys;
import hongniang.matching.Scorer;
import java.util.Arrays;
import java.util.List;

/**
 * Many residents' matching features as plain arrays: everything {@link HardRules} and {@link
 * Scorer} read of a resident, as ints, flags and key numbers instead of records, strings and dates.
 * Built from records, or from what the search index stores of them ({@link #encode} and {@link
 * MatchKeys#of(Jobseeker)}), which is decoded the same way.
 */
public final class JobseekerColumns extends Columns {

  static final int ADMITTED = 1; // no rule on the resident alone excludes them (seeking)
  static final int WILLING_OUTSIDE = 2;
  static final int WISHES = 4; // asks for at least one known occupation
  private static final int HAS_MIN_WAGE = 8;
  private static final int HAS_UNEMPLOYED_SINCE = 16;

  final byte[] flags;
  final int[] birthYear;
  final long[] community;
  final byte[] education;
  final int[] minWage; // Scorer.NO_WAGE when none is stated
  final Levels wages; // the distinct lowest wages
  final byte[] accepted; // schedule bits; 0 accepts any
  final byte[] preferred; // the first schedule's ordinal; -1 for any
  final byte[] categories; // how many employment-difficulty categories
  final int[] unemployedSince; // epoch day; Integer.MAX_VALUE when not out of work
  final int[] updated; // epoch day of the profile's last change
  final boolean newestFirst; // no profile is newer than the one before it

  private JobseekerColumns(Builder b) {
    super(b);
    int n = b.n;
    flags = Arrays.copyOf(b.flags, n);
    birthYear = Arrays.copyOf(b.birthYear, n);
    community = Arrays.copyOf(b.community, n);
    education = Arrays.copyOf(b.education, n);
    minWage = Arrays.copyOf(b.minWage, n);
    wages = Levels.of(minWage);
    accepted = Arrays.copyOf(b.accepted, n);
    preferred = Arrays.copyOf(b.preferred, n);
    categories = Arrays.copyOf(b.categories, n);
    unemployedSince = Arrays.copyOf(b.unemployedSince, n);
    updated = Arrays.copyOf(b.updated, n);
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = updated[i] <= updated[i - 1];
    }
    newestFirst = sorted;
  }

  /** Columns of these residents, in this order. */
  public static JobseekerColumns of(List<Jobseeker> jobseekers) {
    Builder b = new Builder(jobseekers.size());
    jobseekers.forEach(b::add);
    return b.build();
  }

  /** What the index stores of a resident beside its keys: every number and flag matching reads. */
  public static byte[] encode(Jobseeker s) {
    int bits = 0;
    int preferred = -1;
    for (Schedule sc : s.schedules()) {
      bits |= 1 << sc.ordinal();
    }
    if (!s.schedules().isEmpty()) {
      preferred = s.schedules().get(0).ordinal();
    }
    int flags =
        (HardRules.admitsJobseeker(s) ? ADMITTED : 0)
            | (s.willingOutside() ? WILLING_OUTSIDE : 0)
            | (s.desired().isEmpty() ? 0 : WISHES)
            | (s.minWage() != null ? HAS_MIN_WAGE : 0)
            | (s.unemployedSince() != null ? HAS_UNEMPLOYED_SINCE : 0);
    Bytes.Writer w = new Bytes.Writer();
    w.number(s.id()).put(flags).number(s.birthYear()).number(s.communityId());
    w.put(s.education().ordinal());
    if (s.minWage() != null) {
      w.number(s.minWage());
    }
    w.put(bits).put(preferred + 1).put(s.categories().size());
    if (s.unemployedSince() != null) {
      w.number(s.unemployedSince().toEpochDay());
    }
    w.number(s.updatedOn().toEpochDay());
    return w.bytes();
  }

  /** Fills columns row by row, from records or from what the index stores. */
  public static final class Builder extends Rows<Jobseeker, JobseekerColumns> {
    private final byte[] flags;
    private final int[] birthYear;
    private final long[] community;
    private final byte[] education;
    private final int[] minWage;
    private final byte[] accepted;
    private final byte[] preferred;
    private final byte[] categories;
    private final int[] unemployedSince;
    private final int[] updated;

    /** For records: key numbers are given as keys are first met. */
    public Builder(int capacity) {
      this(null, capacity);
    }

    /** For stored rows whose keys are already numbers over {@code vocabulary}. */
    public Builder(List<String> vocabulary, int capacity) {
      super(vocabulary, capacity);
      flags = new byte[capacity];
      birthYear = new int[capacity];
      community = new long[capacity];
      education = new byte[capacity];
      minWage = new int[capacity];
      accepted = new byte[capacity];
      preferred = new byte[capacity];
      categories = new byte[capacity];
      unemployedSince = new int[capacity];
      updated = new int[capacity];
    }

    @Override
    List<String> keysOf(Jobseeker s) {
      return MatchKeys.of(s);
    }

    @Override
    byte[] encode(Jobseeker s) {
      return JobseekerColumns.encode(s);
    }

    @Override
    void read(Bytes.Reader r) {
      id[n] = r.number();
      int f = r.next();
      flags[n] = (byte) f;
      birthYear[n] = r.integer();
      community[n] = r.number();
      education[n] = (byte) r.next();
      minWage[n] = (f & HAS_MIN_WAGE) != 0 ? r.integer() : Scorer.NO_WAGE;
      accepted[n] = (byte) r.next();
      preferred[n] = (byte) (r.next() - 1);
      categories[n] = (byte) r.next();
      unemployedSince[n] = (f & HAS_UNEMPLOYED_SINCE) != 0 ? r.day() : Integer.MAX_VALUE;
      updated[n] = r.day();
    }

    @Override
    void nothing() {
      updated[n] = n == 0 ? Integer.MAX_VALUE : updated[n - 1];
      unemployedSince[n] = Integer.MAX_VALUE;
      minWage[n] = Scorer.NO_WAGE;
      preferred[n] = -1;
    }

    @Override
    public JobseekerColumns build() {
      return new JobseekerColumns(this);
    }
  }
}
