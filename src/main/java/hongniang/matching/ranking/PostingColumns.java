package hongniang.matching.ranking;

import hongniang.common.Education;
import hongniang.matching.MatchKeys;
import hongniang.matching.Posting;
import java.util.Arrays;
import java.util.List;

/**
 * Many postings' matching features as plain arrays: everything {@link HardRules} and {@link Scorer}
 * read of a posting and its partner's agreement. Built from records, or from what the search index
 * stores of them ({@link #encode} and {@link MatchKeys#of(Posting)}), decoded the same way.
 */
public final class PostingColumns extends Columns {

  static final int OPEN = 1; // status OPEN
  static final int WELFARE = 2; // a public-welfare post
  static final int IN_DISTRICT = 4; // work in one of the district's communities
  static final int AGREEMENT = 8; // the unit has an active agreement
  private static final int HAS_MIN_AGE = 16;
  private static final int HAS_MAX_AGE = 32;

  final byte[] flags;
  final int[] remaining;
  final int[] validThrough; // epoch days
  final int[] agreementUntil;
  final int[] createdOn;
  final byte[] schedule; // ordinal
  final long[] community; // 0 outside the district
  final int[] minAge; // Integer.MIN_VALUE when none
  final int[] maxAge; // Integer.MAX_VALUE when none
  final byte[] minEducation; // ordinal; NONE when none
  final int[] wageMax;
  final Levels wages; // the distinct top wages
  final int[] skills; // how many skill keys the posting lists
  final int[] licences; // how many licences it requires
  final boolean newestFirst; // no posting is newer than the one before it

  private PostingColumns(Builder b) {
    super(b);
    int n = b.n;
    flags = Arrays.copyOf(b.flags, n);
    remaining = Arrays.copyOf(b.remaining, n);
    validThrough = Arrays.copyOf(b.validThrough, n);
    agreementUntil = Arrays.copyOf(b.agreementUntil, n);
    createdOn = Arrays.copyOf(b.createdOn, n);
    schedule = Arrays.copyOf(b.schedule, n);
    community = Arrays.copyOf(b.community, n);
    minAge = Arrays.copyOf(b.minAge, n);
    maxAge = Arrays.copyOf(b.maxAge, n);
    minEducation = Arrays.copyOf(b.minEducation, n);
    wageMax = Arrays.copyOf(b.wageMax, n);
    wages = Levels.of(wageMax);
    skills = Arrays.copyOf(b.skills, n);
    licences = Arrays.copyOf(b.licences, n);
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = createdOn[i] <= createdOn[i - 1];
    }
    newestFirst = sorted;
  }

  /** Columns of these postings, in this order. */
  public static PostingColumns of(List<Posting> postings) {
    Builder b = new Builder(postings.size());
    postings.forEach(b::add);
    return b.build();
  }

  /** What the index stores of a posting beside its keys: every number and flag matching reads. */
  public static byte[] encode(Posting o) {
    int flags =
        ("OPEN".equals(o.status()) ? OPEN : 0)
            | (o.publicWelfare() ? WELFARE : 0)
            | (o.communityId() != null ? IN_DISTRICT : 0)
            | (o.agreementValidUntil() != null ? AGREEMENT : 0)
            | (o.minAge() != null ? HAS_MIN_AGE : 0)
            | (o.maxAge() != null ? HAS_MAX_AGE : 0);
    Bytes.Writer w = new Bytes.Writer();
    w.number(o.id()).put(flags).number(o.remaining()).number(o.validThrough().toEpochDay());
    if (o.agreementValidUntil() != null) {
      w.number(o.agreementValidUntil().toEpochDay());
    }
    w.number(o.createdOn().toEpochDay()).put(o.schedule().ordinal());
    if (o.communityId() != null) {
      w.number(o.communityId());
    }
    if (o.minAge() != null) {
      w.number(o.minAge());
    }
    if (o.maxAge() != null) {
      w.number(o.maxAge());
    }
    Education min = o.minEducation() == null ? Education.NONE : o.minEducation();
    w.put(min.ordinal()).number(o.wageMax());
    w.number(o.skillKeys().size()).number(o.requiredLicences().size());
    return w.bytes();
  }

  /** Fills columns row by row, from records or from what the index stores. */
  public static final class Builder extends Rows<Posting, PostingColumns> {
    private final byte[] flags;
    private final int[] remaining;
    private final int[] validThrough;
    private final int[] agreementUntil;
    private final int[] createdOn;
    private final byte[] schedule;
    private final long[] community;
    private final int[] minAge;
    private final int[] maxAge;
    private final byte[] minEducation;
    private final int[] wageMax;
    private final int[] skills;
    private final int[] licences;

    /** For records: key numbers are given as keys are first met. */
    public Builder(int capacity) {
      this(null, capacity);
    }

    /** For stored rows whose keys are already numbers over {@code vocabulary}. */
    public Builder(List<String> vocabulary, int capacity) {
      super(vocabulary, capacity);
      flags = new byte[capacity];
      remaining = new int[capacity];
      validThrough = new int[capacity];
      agreementUntil = new int[capacity];
      createdOn = new int[capacity];
      schedule = new byte[capacity];
      community = new long[capacity];
      minAge = new int[capacity];
      maxAge = new int[capacity];
      minEducation = new byte[capacity];
      wageMax = new int[capacity];
      skills = new int[capacity];
      licences = new int[capacity];
    }

    @Override
    List<String> keysOf(Posting o) {
      return MatchKeys.of(o);
    }

    @Override
    byte[] encode(Posting o) {
      return PostingColumns.encode(o);
    }

    @Override
    void read(Bytes.Reader r) {
      id[n] = r.number();
      int f = r.next();
      flags[n] = (byte) f;
      remaining[n] = r.integer();
      validThrough[n] = r.day();
      agreementUntil[n] = (f & AGREEMENT) != 0 ? r.day() : Integer.MIN_VALUE;
      createdOn[n] = r.day();
      schedule[n] = (byte) r.next();
      community[n] = (f & IN_DISTRICT) != 0 ? r.number() : 0;
      minAge[n] = (f & HAS_MIN_AGE) != 0 ? r.integer() : Integer.MIN_VALUE;
      maxAge[n] = (f & HAS_MAX_AGE) != 0 ? r.integer() : Integer.MAX_VALUE;
      minEducation[n] = (byte) r.next();
      wageMax[n] = r.integer();
      skills[n] = r.integer();
      licences[n] = r.integer();
    }

    @Override
    void nothing() {
      createdOn[n] = n == 0 ? Integer.MAX_VALUE : createdOn[n - 1];
    }

    @Override
    public PostingColumns build() {
      return new PostingColumns(this);
    }
  }
}
