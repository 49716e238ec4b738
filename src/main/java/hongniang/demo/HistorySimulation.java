package hongniang.demo;

import static hongniang.referrals.ReferralState.CONSENTED;
import static hongniang.referrals.ReferralState.DECLINED_BY_RESIDENT;
import static hongniang.referrals.ReferralState.EXPIRED;
import static hongniang.referrals.ReferralState.HIRED;
import static hongniang.referrals.ReferralState.INTERVIEW;
import static hongniang.referrals.ReferralState.NOT_HIRED;
import static hongniang.referrals.ReferralState.OBSOLETE;
import static hongniang.referrals.ReferralState.PROPOSED;
import static hongniang.referrals.ReferralState.REQUESTED;
import static hongniang.referrals.ReferralState.SENT;
import static hongniang.referrals.ReferralState.WITHDRAWN;

import hongniang.common.DifficultyCategory;
import hongniang.common.Gender;
import hongniang.common.Schedule;
import hongniang.demo.DemoHistory.Audience;
import hongniang.demo.DemoJobseeker.Status;
import hongniang.inbox.Notice;
import hongniang.matching.HardRules;
import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.partners.AgreementStatus;
import hongniang.placements.FollowUpOutcome;
import hongniang.placements.LeaveReason;
import hongniang.placements.PlacementType;
import hongniang.postings.PostingStatus;
import hongniang.referrals.ConsentMethod;
import hongniang.referrals.ReferralOrigin;
import hongniang.referrals.ReferralState;
import hongniang.referrals.RefusalReason;
import hongniang.referrals.SharedField;
import hongniang.security.Role;
import hongniang.training.CourseKind;
import hongniang.training.EnrolmentStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Lives through the three years before today, day by day, as the street office would have: units
 * put up postings while their agreements ran, matchmakers proposed residents, residents consented
 * or declined, units answered (some fast, some slowly, some never), interviews led to hires that
 * took a posting's place, follow-ups found people still at work or gone, courses trained residents
 * and their certificates joined their licences. Everything happens through one queue of timed
 * events, so that a place is taken only while one is left, a referral untouched for the expiry days
 * expires, and a unit is reminded once of an overdue answer, in the order the service would have
 * seen them. Every move is checked against the table of moves ({@link ReferralState#allowsMove});
 * every message is the one the service sends for it.
 *
 * <p>The last two weeks are partly staged: the demo logins find a referral waiting for the
 * resident's consent and an interview, candidates sent to both employers (one overdue), and
 * requests, consents and an expiring referral in both matchmakers' worklists.
 */
final class HistorySimulation {

  /** How far back the history goes. */
  static final int YEARS = 3;

  /** The most residents that get a history; those after them are registered without one. */
  static final int MAX_RESIDENTS = 100_000;

  /** Residents trained per year, for each resident with a history. */
  static final double TRAINED_PER_RESIDENT_YEAR = 0.17;

  /** The service's own moves are recorded under this name and role (as referrals does). */
  static final String SYSTEM = "system";

  private static final String SYSTEM_ROLE = "SYSTEM";
  private static final String MATCHMAKER = Role.MATCHMAKER.name();
  private static final String EMPLOYER = Role.EMPLOYER.name();
  private static final String RESIDENT = Role.RESIDENT.name();
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final List<LocalTime> INTERVIEW_TIMES =
      List.of(
          LocalTime.of(9, 0),
          LocalTime.of(9, 30),
          LocalTime.of(10, 0),
          LocalTime.of(14, 30),
          LocalTime.of(15, 0),
          LocalTime.of(15, 30));

  /** The matchmakers' usernames where no demo login names them. */
  private static final Map<String, String> MATCHMAKER_NAMES =
      Map.of(
          "红印山", "hongyinshan",
          "凤岗", "fenggang",
          "新龙", "xinlong",
          "下洋", "xiayang",
          "崇宁", "chongning",
          "芙蓉", "furong",
          "建新", "jianxin",
          "东安", "dongan",
          "碧湖", "bihu");

  private final DemoGenerator generator;
  private final Random random;
  private final LocalDate today;
  private final LocalDate first;
  private final LocalDateTime end;
  private final List<DemoUnit> units;
  private final int replyDays;
  private final int expireDays;
  private final Map<String, String> matchmakers = new HashMap<>();
  private final Map<Integer, String> unitLogins = new HashMap<>();
  private final int[] replyPace;

  private final List<Post> posts = new ArrayList<>();
  private final Map<PostingKind, List<Post>> openByKind = new EnumMap<>(PostingKind.class);
  private final List<Post> openWelfare = new ArrayList<>();
  private final List<Resident> residents = new ArrayList<>();
  private final List<Resident> searching = new ArrayList<>();
  private final List<Ref> refs = new ArrayList<>();
  private final List<Job> jobs = new ArrayList<>();
  private final List<Run> runs = new ArrayList<>();
  private final List<Seat> seats = new ArrayList<>();
  private final List<DemoHistory.Notice> notices = new ArrayList<>();
  private final PriorityQueue<Tick> queue = new PriorityQueue<>();
  private long ticks;

  /**
   * @param generator draws past postings as it draws the plan's
   * @param random the history's own stream
   * @param communities the community names in configuration order
   * @param replyDays the days a unit has to answer a sent referral
   * @param expireDays the days after which an untouched open referral expires
   */
  HistorySimulation(
      DemoGenerator generator,
      Random random,
      LocalDate today,
      List<String> communities,
      List<DemoUnit> units,
      int replyDays,
      int expireDays) {
    this.generator = generator;
    this.random = random;
    this.today = today;
    this.first = today.minusYears(YEARS);
    this.end = today.atStartOfDay();
    this.units = units;
    this.replyDays = replyDays;
    this.expireDays = expireDays;
    for (int i = 0; i < communities.size(); i++) {
      String name = communities.get(i);
      matchmakers.put(name, MATCHMAKER_NAMES.getOrDefault(name, "hongniang" + (i + 1)));
    }
    for (DemoLogins.Login login : DemoLogins.ALL) {
      if (login.role() == Role.MATCHMAKER && matchmakers.containsKey(login.boundTo())) {
        matchmakers.put(login.boundTo(), login.username());
      }
      if (login.role() == Role.EMPLOYER) {
        for (int u = 0; u < units.size(); u++) {
          if (units.get(u).name().equals(login.boundTo())) {
            unitLogins.putIfAbsent(u, login.username());
          }
        }
      }
    }
    replyPace = new int[units.size()];
    for (int u = 0; u < units.size(); u++) {
      int p = random.nextInt(100);
      replyPace[u] = p < 35 ? 0 : p < 75 ? 1 : 2;
    }
    for (PostingKind kind : PostingKind.values()) {
      openByKind.put(kind, new ArrayList<>());
    }
  }

  // ---- the run

  /**
   * The history of the given residents (the first generated ones, the persona first when {@code
   * withPersona}) over the plan's postings, which it extends with past ones.
   */
  DemoHistory run(List<DemoPosting> current, List<DemoJobseeker> drafts, boolean withPersona) {
    for (DemoPosting p : current) {
      addCurrentPost(p);
    }
    addPastPosts();
    for (int i = 0; i < drafts.size(); i++) {
      addResident(i, drafts.get(i), withPersona && i == 0);
    }
    scheduleCourses(drafts.size());
    if (withPersona && !residents.isEmpty()) {
      Resident persona = residents.get(0);
      schedule(end.minusDays(40), () -> persona.reserved = true);
    }
    schedule(end.minusDays(15).withHour(7), this::stageScenes);
    while (!queue.isEmpty()) {
      queue.poll().action().run();
    }
    return history();
  }

  private record Tick(LocalDateTime at, long seq, Runnable action) implements Comparable<Tick> {
    @Override
    public int compareTo(Tick o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** Runs the action at the time, unless that is today or later: the history ends last night. */
  private void schedule(LocalDateTime at, Runnable action) {
    if (at.isBefore(end)) {
      queue.add(new Tick(at, ticks++, action));
    }
  }

  // ---- times

  /** A time in office hours on the day. */
  private LocalDateTime workTime(LocalDate day) {
    return day.atTime(8, 30).plusMinutes(random.nextInt(540));
  }

  /** A time in the evening, when residents use the service from home. */
  private LocalDateTime eveningTime(LocalDate day) {
    return day.atTime(19, 0).plusMinutes(random.nextInt(210));
  }

  /** A time in office hours some days after {@code t}, always after it. */
  private LocalDateTime later(LocalDateTime t, int minDays, int maxDays) {
    return inOffice(
        t, workTime(t.toLocalDate().plusDays(minDays + random.nextInt(maxDays - minDays + 1))));
  }

  /**
   * The office time drawn if it is after {@code t}; otherwise minutes after {@code t} while the
   * office is open, or the next morning.
   */
  private LocalDateTime inOffice(LocalDateTime t, LocalDateTime candidate) {
    if (candidate.isAfter(t)) {
      return candidate;
    }
    if (t.getHour() >= 8 && t.getHour() < 17) {
      return t.plusMinutes(5 + random.nextInt(30));
    }
    LocalDate day = t.getHour() < 8 ? t.toLocalDate() : t.toLocalDate().plusDays(1);
    return day.atTime(8, 30).plusMinutes(random.nextInt(120));
  }

  private LocalDateTime after(LocalDateTime t, LocalDateTime candidate) {
    return candidate.isAfter(t) ? candidate : t.plusMinutes(5 + random.nextInt(90));
  }

  /** Days until an event that happens at a mean rate of once in {@code meanDays}. */
  private int waitDays(double meanDays) {
    return 1 + (int) Math.min(4000, -meanDays * Math.log(1 - random.nextDouble()));
  }

  // ---- postings

  /** A posting, the plan's or a past one, as the history sees it. */
  private final class Post {
    final int index;
    final DemoPosting draft;
    final boolean current;
    final LocalDate from;
    final LocalDate until;
    final Posting record;
    final Set<Integer> taken = new HashSet<>();
    int filled;
    LocalDate changed;
    boolean listed;

    Post(DemoPosting draft, boolean current, LocalDate from, LocalDate until) {
      this.index = posts.size();
      this.draft = draft;
      this.current = current;
      this.from = from;
      this.until = until;
      this.changed = draft.openedOn();
      // matching's view of the posting while it is up: the service checks a new referral so
      this.record =
          new Posting(
              index,
              draft.unitIndex(),
              draft.title(),
              null,
              List.of(),
              Set.of(),
              draft.wageMin(),
              draft.wageMax(),
              draft.schedule(),
              draft.workCommunity() == null ? null : 1L,
              draft.city(),
              draft.minAge(),
              draft.maxAge(),
              draft.minEducation(),
              Set.copyOf(draft.requiredLicences()),
              draft.publicWelfare(),
              PostingStatus.OPEN.name(),
              1,
              draft.validThrough(),
              draft.validThrough(),
              draft.openedOn());
    }

    DemoUnit unit() {
      return units.get(draft.unitIndex());
    }

    boolean isFull() {
      return filled >= draft.headcount();
    }

    /** Whether a new referral may be made to it on the day. */
    boolean isOpenOn(LocalDate day) {
      return !day.isBefore(from)
          && !day.isAfter(until)
          && !day.isAfter(draft.validThrough())
          && !isFull()
          && isPartnerOn(unit(), day);
    }
  }

  private static boolean isPartnerOn(DemoUnit unit, LocalDate day) {
    for (DemoAgreement a : unit.agreements()) {
      if (a.isValidOn(day)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One of the plan's postings: up from its opening day until today when OPEN, until it was paused
   * or marked filled a few days or weeks ago, until its end when CLOSED; a draft never.
   */
  private void addCurrentPost(DemoPosting p) {
    LocalDate yesterday = today.minusDays(1);
    LocalDate until =
        switch (p.status()) {
          case OPEN, REVIEW, EXPIRED -> yesterday;
          case PAUSED -> today.minusDays(5 + random.nextInt(16));
          case FILLED -> today.minusDays(3 + random.nextInt(28));
          case CLOSED -> min(p.validThrough(), today.minusDays(3));
          case DRAFT -> p.openedOn().minusDays(1);
        };
    Post post = new Post(p, true, p.openedOn(), min(until, p.validThrough()));
    if (p.status() != PostingStatus.OPEN && !post.until.isBefore(post.from)) {
      post.changed = post.until;
    }
    posts.add(post);
    list(post);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * Past postings: each unit keeps one or two up at a time while an agreement runs, each for one to
   * four months, with a few weeks between them; all ended before the plan's postings.
   */
  private void addPastPosts() {
    for (int u = 0; u < units.size(); u++) {
      DemoUnit unit = units.get(u);
      int slots = !unit.isOutside() && unit.kinds().size() >= 3 ? 2 : 1;
      for (int slot = 0; slot < slots; slot++) {
        LocalDate day = first.minusDays(random.nextInt(60));
        while (true) {
          LocalDate opened = nextPartnerDay(unit, day);
          if (opened == null) {
            break;
          }
          LocalDate through = opened.plusDays(30 + random.nextInt(91));
          LocalDate agreementEnd = agreementEnd(unit, opened);
          through = min(through, agreementEnd);
          if (!through.isBefore(today.minusDays(1))) {
            break;
          }
          DemoPosting drawn =
              generator.pastPosting(random, u, unit, new DemoGenerator.Past(opened, through));
          Post post = new Post(drawn, false, opened, through);
          posts.add(post);
          list(post);
          day = through.plusDays(1 + random.nextInt(30));
        }
      }
    }
  }

  /** The first day from {@code day} on when the unit is a partner; null when it never is again. */
  private LocalDate nextPartnerDay(DemoUnit unit, LocalDate day) {
    LocalDate best = null;
    for (DemoAgreement a : unit.agreements()) {
      if (a.status() != AgreementStatus.ACTIVE || a.validUntil().isBefore(day)) {
        continue;
      }
      LocalDate start = a.signedOn().isAfter(day) ? a.signedOn() : day;
      if (best == null || start.isBefore(best)) {
        best = start;
      }
    }
    return best;
  }

  /** The last day of the unit's partnership that runs on the day. */
  private static LocalDate agreementEnd(DemoUnit unit, LocalDate day) {
    return unit.agreements().stream()
        .filter(a -> a.isValidOn(day))
        .map(DemoAgreement::validUntil)
        .max(Comparator.naturalOrder())
        .orElse(day);
  }

  /** Lists the posting for referrals from its first day, and takes it off after its last. */
  private void list(Post post) {
    if (post.until.isBefore(post.from)) {
      return;
    }
    schedule(
        post.from.atStartOfDay(),
        () -> {
          if (!post.isFull()) {
            post.listed = true;
            openByKind.get(post.draft.kind()).add(post);
            if (post.draft.publicWelfare()) {
              openWelfare.add(post);
            }
          }
        });
    schedule(post.until.plusDays(1).atStartOfDay(), () -> unlist(post));
  }

  private void unlist(Post post) {
    if (post.listed) {
      post.listed = false;
      openByKind.get(post.draft.kind()).remove(post);
      openWelfare.remove(post);
    }
  }

  // ---- residents

  private enum State {
    WAITING,
    SEARCHING,
    EMPLOYED,
    INACTIVE
  }

  /** A resident as the history moves them. */
  private final class Resident {
    final int index;
    final DemoJobseeker draft;
    final Set<PostingKind> kinds;
    final boolean persona;
    final double pace;
    final Set<String> licences;
    final List<Ref> open = new ArrayList<>();
    final Set<String> trainedIn = new HashSet<>();
    String username;
    State state = State.WAITING;
    LocalDate since;
    LocalDateTime updatedAt;
    int version;
    int epoch;
    int slot = -1;
    boolean reserved;
    LocalDate sybOn;
    LocalDate trainedOn;
    Jobseeker seen;
    LocalDate seenOn;
    Job job;
    Seat seat;

    Resident(int index, DemoJobseeker draft, boolean persona) {
      this.index = index;
      this.draft = draft;
      this.persona = persona;
      this.kinds = kindsOf(draft);
      this.licences = new LinkedHashSet<>(draft.licences());
      this.since = draft.unemployedSince();
      this.updatedAt = draft.updatedAt();
      // one in five residents is a hard case, the persona among them: few offers, little luck
      // finding work alone
      this.pace = random.nextInt(5) == 0 || persona ? 0.35 : 1.0;
    }

    String community() {
      return draft.community();
    }

    String matchmaker() {
      return matchmakers.getOrDefault(draft.community(), "hongniang");
    }

    int ageOn(LocalDate day) {
      return Period.between(draft.birthDate(), day).getYears();
    }

    /** Categories that do not end with a job: what public-welfare posts stay open to. */
    boolean hasLastingCategory(LocalDate day) {
      List<DifficultyCategory> c = draft.difficultyCategories();
      return c.contains(DifficultyCategory.LOW_INCOME)
          || c.contains(DifficultyCategory.ZERO_EMPLOYMENT_FAMILY)
          || c.contains(DifficultyCategory.DISABLED)
          || DemoGenerator.qualifiesAs4050(draft.gender(), draft.birthDate(), day);
    }

    /**
     * Matching's view of the resident on the day, as a new referral is checked; kept for the day
     * until their licences or their time out of work change.
     */
    Jobseeker record(LocalDate day) {
      if (!day.equals(seenOn)) {
        seen = view(day);
        seenOn = day;
      }
      return seen;
    }

    void changed() {
      seenOn = null;
    }

    private Jobseeker view(LocalDate day) {
      Set<DifficultyCategory> categories = EnumSet.noneOf(DifficultyCategory.class);
      for (DifficultyCategory c : draft.difficultyCategories()) {
        if (c != DifficultyCategory.LONG_TERM_UNEMPLOYED && c != DifficultyCategory.AGE_4050) {
          categories.add(c);
        }
      }
      if (DemoGenerator.qualifiesAs4050(draft.gender(), draft.birthDate(), day)) {
        categories.add(DifficultyCategory.AGE_4050);
      }
      if (DemoGenerator.isLongTerm(since, day)) {
        categories.add(DifficultyCategory.LONG_TERM_UNEMPLOYED);
      }
      return new Jobseeker(
          index,
          draft.name(),
          draft.birthDate().getYear(),
          0,
          draft.education(),
          List.of(),
          List.of(),
          Set.of(),
          Set.of(),
          draft.minWage(),
          draft.acceptableSchedules(),
          draft.willingOutside(),
          Set.copyOf(licences),
          categories,
          since,
          Status.SEEKING.name(),
          day);
    }
  }

  private static final Map<String, Set<PostingKind>> KINDS_BY_OCCUPATION = kindsByOccupation();

  private static Map<String, Set<PostingKind>> kindsByOccupation() {
    Map<String, Set<PostingKind>> byOccupation = new HashMap<>();
    for (PostingKind kind : PostingKind.values()) {
      for (String occupation : kind.occupations()) {
        byOccupation.computeIfAbsent(occupation, o -> EnumSet.noneOf(PostingKind.class)).add(kind);
      }
    }
    return byOccupation;
  }

  /** The kinds of work a resident asks for, from the occupations they named. */
  static Set<PostingKind> kindsOf(DemoJobseeker j) {
    Set<PostingKind> kinds = EnumSet.noneOf(PostingKind.class);
    for (String occupation : j.desiredOccupations()) {
      kinds.addAll(KINDS_BY_OCCUPATION.getOrDefault(occupation, Set.of()));
    }
    if (!j.willingOutside()) {
      kinds.remove(PostingKind.OUTSIDE);
    }
    return kinds;
  }

  private void addResident(int index, DemoJobseeker draft, boolean persona) {
    Resident r = new Resident(index, draft, persona);
    residents.add(r);
    if (persona) {
      r.username = DemoLogins.RESIDENT_LOGIN;
    } else if (random.nextInt(100) < (r.ageOn(today) < 45 ? 30 : 8)) {
      r.username = String.format("jm%05d", index + 1);
    }
    if (draft.status() == Status.INACTIVE) {
      r.state = State.INACTIVE;
      return;
    }
    LocalDateTime at =
        draft.registeredAt().toLocalDate().isBefore(first) ? workTime(first) : draft.registeredAt();
    schedule(at, () -> startSearching(r, draft.unemployedSince(), at));
  }

  private void startSearching(Resident r, LocalDate since, LocalDateTime at) {
    r.state = State.SEARCHING;
    r.since = since;
    r.changed();
    r.slot = searching.size();
    searching.add(r);
    int epoch = ++r.epoch;
    boolean hardship = !r.draft.difficultyCategories().isEmpty();
    scheduleFor(r, epoch, later(at, 3, hardship ? 25 : 40), this::attempt);
    scheduleFor(
        r, epoch, at.plusDays(waitDays(selfFoundMeanDays(r, at.toLocalDate()))), this::findsWork);
    if (r.username != null) {
      scheduleFor(r, epoch, later(at, 10, 120), this::asks);
    }
  }

  private void stopSearching(Resident r) {
    if (r.slot >= 0) {
      Resident last = searching.remove(searching.size() - 1);
      if (last != r) {
        searching.set(r.slot, last);
        last.slot = r.slot;
      }
      r.slot = -1;
    }
  }

  /** Runs a resident's step if they still search as they did when it was planned. */
  private void scheduleFor(
      Resident r, int epoch, LocalDateTime at, BiConsumer<Resident, LocalDateTime> step) {
    schedule(
        at,
        () -> {
          if (r.epoch == epoch && r.state == State.SEARCHING) {
            step.accept(r, at);
          }
        });
  }

  /** How long a resident takes, on average, to find work without a referral. */
  private double selfFoundMeanDays(Resident r, LocalDate day) {
    DemoJobseeker j = r.draft;
    int age = r.ageOn(day);
    double mean = 400;
    if (j.willingOutside() && age <= 45) {
      mean = 70;
    } else if (j.gender() == Gender.FEMALE && age >= 35 && age < 56) {
      mean = 260;
    }
    if (r.sybOn != null) {
      mean = 110;
    }
    if (j.difficultyCategories().contains(DifficultyCategory.DISABLED) || age >= 55) {
      mean *= 2;
    }
    return mean / r.pace;
  }

  /** The matchmaker looks for a posting for the resident and, finding one, proposes it. */
  private void attempt(Resident r, LocalDateTime at) {
    boolean hardship = !r.draft.difficultyCategories().isEmpty();
    scheduleFor(r, r.epoch, later(at, hardship ? 18 : 30, hardship ? 40 : 60), this::attempt);
    if (r.reserved || r.open.size() >= 2 || random.nextDouble() > r.pace + (r.persona ? 0 : 0.3)) {
      return;
    }
    // now and then two postings at once: the one the resident does not take goes obsolete
    int proposals = random.nextInt(100) < 30 ? 2 : 1;
    for (int i = 0; i < proposals && r.open.size() < 2; i++) {
      Post p = findPost(r, at.toLocalDate(), q -> true);
      if (p != null) {
        create(r, p, ReferralOrigin.MATCHMAKER, at);
      }
    }
  }

  /**
   * A resident who uses the service asks, some evening, to be referred to a posting they found.
   * Every event happens at its own time in the queue, so histories never run backwards.
   */
  private void asks(Resident r, LocalDateTime at) {
    scheduleFor(r, r.epoch, later(at, 40, 150), this::asks);
    scheduleFor(r, r.epoch, after(at, eveningTime(at.toLocalDate())), this::asksNow);
  }

  private void asksNow(Resident r, LocalDateTime at) {
    if (r.reserved || r.open.size() >= 2) {
      return;
    }
    Post p = findPost(r, at.toLocalDate(), q -> true);
    if (p != null) {
      create(r, p, ReferralOrigin.RESIDENT, at);
    }
  }

  /**
   * A posting the resident could be referred to on the day: up, with a place left, none of their
   * referrals to it standing, and no hard rule of matching against the pair. Difficulty categories
   * make a matchmaker look at public-welfare posts first.
   */
  private Post findPost(Resident r, LocalDate day, Predicate<Post> also) {
    if (r.hasLastingCategory(day) && !openWelfare.isEmpty() && random.nextInt(100) < 8) {
      for (int i = 0; i < 4; i++) {
        Post p = openWelfare.get(random.nextInt(openWelfare.size()));
        if (also.test(p) && fits(r, p, day)) {
          return p;
        }
      }
    }
    List<PostingKind> kinds = new ArrayList<>(r.kinds);
    if (kinds.isEmpty()) {
      return null;
    }
    for (int i = 0; i < 8; i++) {
      List<Post> pool = openByKind.get(kinds.get(random.nextInt(kinds.size())));
      if (pool.isEmpty()) {
        continue;
      }
      Post p = pool.get(random.nextInt(pool.size()));
      // public-welfare posts are few: matchmakers keep them for those who need them most
      if (p.draft.publicWelfare() && random.nextInt(100) < 85) {
        continue;
      }
      if (also.test(p) && fits(r, p, day)) {
        return p;
      }
    }
    return null;
  }

  private boolean fits(Resident r, Post p, LocalDate day) {
    return p.isOpenOn(day)
        && !p.taken.contains(r.index)
        && (!p.draft.publicWelfare() || r.hasLastingCategory(day))
        && HardRules.allows(r.record(day), p.record, day);
  }

  // ---- referrals

  /** A referral as the history moves it. */
  private final class Ref {
    final int index;
    final Resident resident;
    final Post post;
    final ReferralOrigin origin;
    final String createdBy;
    final List<DemoHistory.Event> events = new ArrayList<>();
    ReferralState state;
    LocalDateTime sentAt;
    LocalDateTime answeredAt;
    LocalDateTime interviewAt;
    LocalDateTime remindedAt;
    String interviewPlace;
    String interviewContact;
    RefusalReason ended;
    DemoHistory.Consent consent;
    int epoch;
    boolean scripted;
    boolean moved;

    Ref(Resident resident, Post post, ReferralOrigin origin, String createdBy) {
      this.index = refs.size();
      this.resident = resident;
      this.post = post;
      this.origin = origin;
      this.createdBy = createdBy;
    }

    LocalDateTime touched() {
      return events.get(events.size() - 1).at();
    }

    String title() {
      return post.draft.title();
    }

    DemoUnit unit() {
      return post.unit();
    }
  }

  /** Makes a referral: a resident's request, or a matchmaker's proposal. */
  private Ref create(Resident r, Post p, ReferralOrigin origin, LocalDateTime at) {
    return create(r, p, origin, at, false);
  }

  /** Makes a referral; a staged one is moved by its script, not by chance. */
  private Ref create(
      Resident r, Post p, ReferralOrigin origin, LocalDateTime at, boolean scripted) {
    boolean asked = origin == ReferralOrigin.RESIDENT;
    String actor = asked ? r.username : r.matchmaker();
    Ref f = new Ref(r, p, origin, actor);
    f.scripted = scripted;
    refs.add(f);
    r.open.add(f);
    p.taken.add(r.index);
    ReferralState state = asked ? REQUESTED : PROPOSED;
    f.events.add(
        new DemoHistory.Event(at, actor, asked ? RESIDENT : MATCHMAKER, null, state, null, null));
    f.state = state;
    tell(f, null, asked ? RESIDENT : MATCHMAKER);
    watch(f);
    plan(f);
    return f;
  }

  /** One move, as the service makes it: history row, consent, messages, expiry watch. */
  private void move(
      Ref f,
      ReferralState to,
      LocalDateTime when,
      String actor,
      String role,
      RefusalReason reason,
      String note) {
    ReferralState from = f.state;
    // two moves of one referral within the same minute still come one after the other
    LocalDateTime at = when.isAfter(f.touched()) ? when : f.touched().plusSeconds(1);
    if (!from.allowsMove(to, role)) {
      throw new IllegalStateException(
          "the demo history made an illegal move: " + from + " to " + to + " by " + role);
    }
    f.events.add(new DemoHistory.Event(at, actor, role, from, to, reason, note));
    f.state = to;
    if (to == SENT && f.sentAt == null) {
      f.sentAt = at;
    }
    if (from == SENT && (to == INTERVIEW || to == NOT_HIRED) && f.answeredAt == null) {
      f.answeredAt = at;
    }
    f.ended = to.isOpen() ? null : reason;
    f.epoch++;
    if (to == WITHDRAWN) {
      withdrawConsent(f, at, actor);
    } else if (to == EXPIRED || to == OBSOLETE) {
      withdrawConsent(f, at, SYSTEM);
    }
    if (!to.isOpen()) {
      f.resident.open.remove(f);
      if (to == WITHDRAWN || to == EXPIRED || to == OBSOLETE) {
        f.post.taken.remove(f.resident.index);
      }
    }
    tell(f, from, role);
    if (to.isOpen()) {
      watch(f);
    }
  }

  private static void withdrawConsent(Ref f, LocalDateTime at, String by) {
    if (f.consent != null && f.consent.withdrawnAt() == null) {
      f.consent = f.consent.withdrawn(at, by);
    }
  }

  /**
   * The expiry job's view: an open referral untouched for the expiry days (an interview still ahead
   * keeps it alive until that many days after it) expires within the job's quarter hour.
   */
  private void watch(Ref f) {
    int epoch = f.epoch;
    LocalDateTime last = f.touched();
    if (f.state == INTERVIEW && f.interviewAt != null && f.interviewAt.isAfter(last)) {
      last = f.interviewAt;
    }
    LocalDateTime at = last.plusDays(expireDays).plusMinutes(1 + random.nextInt(15));
    schedule(
        at,
        () -> {
          if (f.epoch == epoch && f.state.isOpen()) {
            move(f, EXPIRED, at, SYSTEM, SYSTEM_ROLE, RefusalReason.UNTOUCHED, null);
          }
        });
  }

  /** Runs a referral's next step if nothing moved it since it was planned. */
  private void next(Ref f, LocalDateTime at, Runnable step) {
    int epoch = f.epoch;
    schedule(
        at,
        () -> {
          if (f.epoch == epoch) {
            step.run();
          }
        });
  }

  /** Who answers for the unit: its employer login, or the matchmaker on the unit's behalf. */
  private String[] employer(Ref f) {
    String login = unitLogins.get(f.post.draft.unitIndex());
    return login != null
        ? new String[] {login, EMPLOYER}
        : new String[] {f.resident.matchmaker(), MATCHMAKER};
  }

  /** Plans what happens next to an open referral; a staged one follows its script instead. */
  private void plan(Ref f) {
    if (f.scripted) {
      return;
    }
    switch (f.state) {
      case REQUESTED -> planRequested(f);
      case PROPOSED -> planProposed(f);
      case CONSENTED -> planConsented(f);
      case SENT -> planSent(f);
      case INTERVIEW -> planInterview(f);
      default -> {}
    }
  }

  private void planRequested(Ref f) {
    int p = random.nextInt(100);
    LocalDateTime at = later(f.touched(), 0, 3);
    String matchmaker = f.resident.matchmaker();
    if (p < 85) {
      next(
          f,
          at,
          () -> {
            move(f, PROPOSED, at, matchmaker, MATCHMAKER, null, null);
            plan(f);
          });
    } else if (p < 95) {
      RefusalReason reason = Careers.REQUEST_DECLINED.pick(random);
      String note = Careers.otherNote(random, reason, false);
      next(f, at, () -> move(f, WITHDRAWN, at, matchmaker, MATCHMAKER, reason, note));
    }
    // otherwise nobody takes it up and it expires
  }

  private void planProposed(Ref f) {
    Resident r = f.resident;
    int p = random.nextInt(100);
    boolean online = r.username != null && random.nextInt(100) < 75;
    LocalDateTime day = later(f.touched(), 0, 5);
    LocalDateTime at = online ? after(f.touched(), eveningTime(day.toLocalDate())) : day;
    if (p < 62) {
      next(
          f,
          at,
          () -> {
            consent(f, at, online);
            plan(f);
          });
    } else if (p < 86) {
      RefusalReason reason = Careers.RESIDENT_REFUSALS.pick(random);
      String note = Careers.otherNote(random, reason, false);
      String actor = online ? r.username : r.matchmaker();
      next(
          f,
          at,
          () ->
              move(
                  f,
                  DECLINED_BY_RESIDENT,
                  at,
                  actor,
                  online ? RESIDENT : MATCHMAKER,
                  reason,
                  note));
    } else if (p >= 94) {
      LocalDateTime quiet = later(f.touched(), 5, 12);
      next(f, quiet, () -> staffWithdraws(f, quiet, RefusalReason.RESIDENT_UNREACHABLE));
    }
    // 86..93: the resident never answers, and it expires
  }

  private void staffWithdraws(Ref f, LocalDateTime at, RefusalReason reason) {
    move(
        f,
        WITHDRAWN,
        at,
        f.resident.matchmaker(),
        MATCHMAKER,
        reason,
        Careers.otherNote(random, reason, false));
  }

  /** The resident consents: themself online, or the matchmaker records it with a reference. */
  private void consent(Ref f, LocalDateTime at, boolean online) {
    Resident r = f.resident;
    ConsentMethod method = online ? ConsentMethod.ONLINE : Careers.STAFF_CONSENTS.pick(random);
    String actor = online ? r.username : r.matchmaker();
    String role = online ? RESIDENT : MATCHMAKER;
    Set<SharedField> fields =
        EnumSet.of(
            SharedField.NAME,
            SharedField.PHONE,
            SharedField.AGE,
            SharedField.SKILLS,
            SharedField.WORK_HISTORY);
    List<DifficultyCategory> categories = r.draft.difficultyCategories();
    if (categories.contains(DifficultyCategory.DISABLED)
        && (f.post.draft.disabilityFriendly() || random.nextInt(100) < 40)) {
      fields.add(SharedField.DISABILITY);
    }
    if (!categories.isEmpty() && (f.post.draft.publicWelfare() || random.nextInt(100) < 30)) {
      fields.add(SharedField.HARDSHIP);
    }
    f.consent =
        new DemoHistory.Consent(
            at,
            method,
            Careers.consentReference(random, method, r.community(), at),
            actor,
            role,
            List.copyOf(fields),
            null,
            null);
    move(f, CONSENTED, at, actor, role, null, method.name());
  }

  private void planConsented(Ref f) {
    int p = random.nextInt(100);
    if (p < 92) {
      LocalDateTime at = later(f.touched(), 0, 3);
      next(f, at, () -> send(f, at));
    } else if (p < 96) {
      LocalDateTime at = later(f.touched(), 1, 6);
      next(f, at, () -> withdrawsConsent(f, at));
    }
  }

  /** The consent is withdrawn: by the resident online, or by staff told so by phone. */
  private void withdrawsConsent(Ref f, LocalDateTime at) {
    Resident r = f.resident;
    boolean self = r.username != null && random.nextBoolean();
    move(
        f,
        WITHDRAWN,
        at,
        self ? r.username : r.matchmaker(),
        self ? RESIDENT : MATCHMAKER,
        RefusalReason.CONSENT_WITHDRAWN,
        null);
  }

  private void send(Ref f, LocalDateTime at) {
    move(f, SENT, at, f.resident.matchmaker(), MATCHMAKER, null, null);
    LocalDateTime due = at.plusDays(replyDays).plusMinutes(1 + random.nextInt(15));
    schedule(
        due,
        () -> {
          if (f.state == SENT && f.remindedAt == null) {
            f.remindedAt = due;
            toUnit(
                f,
                due,
                Notice.REFERRAL_REPLY_OVERDUE,
                Map.of("title", f.title(), "days", String.valueOf(replyDays)));
          }
        });
    plan(f);
  }

  /** Units answer at their own pace: some within a day or two, some slowly, some never. */
  private void planSent(Ref f) {
    int pace = replyPace[f.post.draft.unitIndex()];
    int never = pace == 0 ? 3 : pace == 1 ? 8 : 20;
    if (random.nextInt(100) < 3) {
      LocalDateTime at = later(f.touched(), 1, 5);
      next(f, at, () -> staffWithdraws(f, at, RefusalReason.FOUND_OTHER_WORK));
      return;
    }
    if (random.nextInt(100) < never) {
      return;
    }
    LocalDateTime at =
        switch (pace) {
          case 0 -> later(f.touched(), 0, 2);
          case 1 -> later(f.touched(), 1, 6);
          default -> later(f.touched(), 4, 13);
        };
    if (random.nextInt(100) < 65) {
      LocalDateTime interview = interviewTime(at);
      next(f, at, () -> interview(f, at, interview));
    } else {
      RefusalReason reason = Careers.EMPLOYER_REFUSALS.pick(random);
      next(f, at, () -> notHired(f, at, reason));
    }
  }

  private LocalDateTime interviewTime(LocalDateTime answered) {
    return answered
        .toLocalDate()
        .plusDays(2 + random.nextInt(6))
        .atTime(INTERVIEW_TIMES.get(random.nextInt(INTERVIEW_TIMES.size())));
  }

  private void interview(Ref f, LocalDateTime at, LocalDateTime when) {
    DemoUnit unit = f.unit();
    f.interviewAt = when;
    f.interviewPlace = Careers.interviewPlace(random, unit, f.resident.community());
    f.interviewContact = unit.contactPerson() + " " + unit.contactPhone();
    String[] who = employer(f);
    move(f, INTERVIEW, at, who[0], who[1], null, null);
    plan(f);
  }

  private void notHired(Ref f, LocalDateTime at, RefusalReason reason) {
    String[] who = employer(f);
    move(f, NOT_HIRED, at, who[0], who[1], reason, Careers.otherNote(random, reason, true));
  }

  private void planInterview(Ref f) {
    int p = random.nextInt(100);
    // what happens before the interview happens in office hours the day or two before it
    LocalDateTime before =
        inOffice(
            f.touched(), workTime(f.interviewAt.toLocalDate().minusDays(1 + random.nextInt(2))));
    if (p < 5 && !f.moved) {
      // the unit moves the interview a few days
      LocalDateTime at = before;
      LocalDateTime when = f.interviewAt.plusDays(2 + random.nextInt(4));
      f.moved = true;
      next(f, at, () -> interview(f, at, when));
    } else if (p < 10) {
      LocalDateTime at = before;
      next(f, at, () -> staffWithdraws(f, at, RefusalReason.FOUND_OTHER_WORK));
    } else {
      LocalDateTime at = later(f.interviewAt, 0, 3);
      boolean hire = random.nextInt(100) < 46;
      RefusalReason reason = Careers.AFTER_INTERVIEW.pick(random);
      next(f, at, () -> decide(f, at, hire, reason));
    }
  }

  /**
   * The unit's decision after the interview. A hire takes a place, if one is left (otherwise it is
   * "position filled"), employs the resident, and makes their other open referrals obsolete.
   */
  private void decide(Ref f, LocalDateTime at, boolean hire, RefusalReason reason) {
    Resident r = f.resident;
    Post p = f.post;
    if (hire && r.persona) {
      // the demo's resident is still looking for work today
      notHired(f, at, reason);
    } else if (hire && !p.isFull() && r.state == State.SEARCHING) {
      String[] who = employer(f);
      Job job = hireInto(f, at, who[0]);
      move(f, HIRED, at, who[0], who[1], null, null);
      for (Ref other : List.copyOf(r.open)) {
        move(other, OBSOLETE, at, SYSTEM, SYSTEM_ROLE, RefusalReason.HIRED_ELSEWHERE, null);
      }
      followUps(job);
    } else {
      notHired(f, at, hire ? RefusalReason.POSITION_FILLED : reason);
    }
  }

  /** The placement a hire records, and the place it takes. */
  private Job hireInto(Ref f, LocalDateTime at, String recordedBy) {
    Post p = f.post;
    DemoPosting d = p.draft;
    PlacementType type = typeOf(d);
    Job job =
        new Job(
            f.resident,
            f.index,
            p.index,
            d.unitIndex(),
            null,
            type,
            at.toLocalDate().plusDays(1 + random.nextInt(14)),
            Careers.wage(random, d.wageMin(), d.wageMax()),
            contractMonths(type),
            null,
            recordedBy,
            at);
    p.filled++;
    p.changed = at.toLocalDate();
    if (p.isFull()) {
      unlist(p);
    }
    employ(f.resident, job, at);
    return job;
  }

  /** What a placement through a posting counts as: the posting says, then its hours. */
  private static PlacementType typeOf(DemoPosting d) {
    if (d.publicWelfare()) {
      return PlacementType.PUBLIC_WELFARE;
    }
    return switch (d.kind()) {
      case OUTSIDE -> PlacementType.OUTSIDE_WORK;
      case HOUSEHOLD -> PlacementType.HOUSEHOLD_SERVICE;
      default -> d.schedule() == Schedule.FLEXIBLE ? PlacementType.FLEXIBLE : PlacementType.FORMAL;
    };
  }

  private Integer contractMonths(PlacementType type) {
    return switch (type) {
      case FORMAL -> random.nextInt(4) == 0 ? null : 12 * (1 + random.nextInt(3));
      case PUBLIC_WELFARE -> 12 * (1 + random.nextInt(3));
      case OUTSIDE_WORK -> 6 + 2 * random.nextInt(4);
      case HOUSEHOLD_SERVICE -> random.nextInt(3) == 0 ? 12 : null;
      default -> null;
    };
  }

  // ---- placements and follow-ups

  /** A placement as the history runs it. */
  private static final class Job {
    final Resident resident;
    final String community;
    final Integer referral;
    final Integer posting;
    final Integer unit;
    final String employerName;
    final PlacementType type;
    final LocalDate start;
    final int wage;
    final Integer contractMonths;
    final String note;
    final String recordedBy;
    final LocalDateTime createdAt;
    final List<DemoHistory.FollowUp> followUps = new ArrayList<>();
    LocalDate endedOn;
    LeaveReason endReason;

    Job(
        Resident resident,
        Integer referral,
        Integer posting,
        Integer unit,
        String employerName,
        PlacementType type,
        LocalDate start,
        int wage,
        Integer contractMonths,
        String note,
        String recordedBy,
        LocalDateTime createdAt) {
      this.resident = resident;
      this.community = resident.community();
      this.referral = referral;
      this.posting = posting;
      this.unit = unit;
      this.employerName = employerName;
      this.type = type;
      this.start = start;
      this.wage = wage;
      this.contractMonths = contractMonths;
      this.note = note;
      this.recordedBy = recordedBy;
      this.createdAt = createdAt;
    }
  }

  private void employ(Resident r, Job job, LocalDateTime at) {
    jobs.add(job);
    stopSearching(r);
    r.state = State.EMPLOYED;
    r.job = job;
    r.version++;
    r.updatedAt = at;
    r.epoch++;
  }

  /**
   * The resident found work without a referral; their matchmaker records it (days late, often), and
   * withdraws their open referrals.
   */
  private void findsWork(Resident r, LocalDateTime at) {
    if (r.reserved || r.persona) {
      return;
    }
    LocalDate day = at.toLocalDate();
    PlacementType type = foundType(r, day);
    Careers.FoundWork work =
        switch (type) {
          case OUTSIDE_WORK -> Careers.outside(random);
          case HOUSEHOLD_SERVICE -> Careers.household(random);
          case SELF_EMPLOYED -> Careers.business(random);
          case FORMAL -> Careers.formal(random);
          default -> Careers.flexible(random, r.draft.gender() == Gender.MALE);
        };
    Integer unit = partnerFor(type, day);
    LocalDate start = day.minusDays(random.nextInt(15));
    if (start.isBefore(r.since)) {
      start = r.since;
    }
    String note = work.note();
    if (unit != null && type == PlacementType.OUTSIDE_WORK) {
      note = "社区组织赴" + units.get(unit).city() + "务工";
    } else if (unit != null) {
      note = "经社区联系到合作单位上岗";
    }
    for (Ref f : List.copyOf(r.open)) {
      staffWithdraws(f, at, RefusalReason.FOUND_OTHER_WORK);
    }
    LocalDateTime recorded = at.plusMinutes(10 + random.nextInt(60));
    Job job =
        new Job(
            r,
            null,
            null,
            unit,
            unit == null ? work.employerName() : null,
            type,
            start,
            work.wage(),
            work.contractMonths(),
            note,
            r.matchmaker(),
            recorded);
    employ(r, job, recorded);
    followUps(job);
  }

  /** What work a resident finds on their own: their age, sex, wishes and training decide. */
  private PlacementType foundType(Resident r, LocalDate day) {
    DemoJobseeker j = r.draft;
    int age = r.ageOn(day);
    boolean woman = j.gender() == Gender.FEMALE;
    Weights<PlacementType> w = new Weights<>();
    if (j.willingOutside() && age <= 50) {
      w.add(PlacementType.OUTSIDE_WORK, 150);
    }
    w.add(PlacementType.HOUSEHOLD_SERVICE, woman ? (age >= 30 ? 36 : 9) : 0);
    w.add(PlacementType.FLEXIBLE, 9);
    w.add(PlacementType.FORMAL, 2);
    w.add(PlacementType.SELF_EMPLOYED, r.sybOn != null ? 12 : 1);
    return w.pick(random);
  }

  /** Now and then a partner unit takes someone on without a posting: the community arranged it. */
  private Integer partnerFor(PlacementType type, LocalDate day) {
    PostingKind kind =
        switch (type) {
          case OUTSIDE_WORK -> PostingKind.OUTSIDE;
          case HOUSEHOLD_SERVICE -> PostingKind.HOUSEHOLD;
          default -> null;
        };
    if (kind == null || random.nextInt(100) >= 30) {
      return null;
    }
    List<Integer> fitting = new ArrayList<>();
    for (int u = 0; u < units.size() && fitting.size() < 50; u++) {
      if (units.get(u).kinds().contains(kind) && isPartnerOn(units.get(u), day)) {
        fitting.add(u);
      }
    }
    return fitting.isEmpty() ? null : fitting.get(random.nextInt(fitting.size()));
  }

  /**
   * Follow-ups at 1, 3 and 6 months: recorded around their day by the matchmaker (mostly still at
   * work, some changed jobs, a few unreachable), unless one finds the resident gone: that one ends
   * the placement, and the resident looks for work again. Those due lately are not recorded yet.
   */
  private void followUps(Job job) {
    int leaveChance =
        switch (job.type) {
          case OUTSIDE_WORK -> 55;
          case HOUSEHOLD_SERVICE -> 35;
          case FLEXIBLE -> 30;
          case FORMAL -> 15;
          case SELF_EMPLOYED -> 10;
          case PUBLIC_WELFARE -> 5;
        };
    int leaveAt = 0;
    if (random.nextInt(100) < leaveChance) {
      int p = random.nextInt(100);
      leaveAt =
          job.type == PlacementType.OUTSIDE_WORK
              ? (p < 70 ? 6 : p < 85 ? 3 : 1)
              : (p < 25 ? 1 : p < 60 ? 3 : 6);
    }
    for (int months : List.of(1, 3, 6)) {
      LocalDate due = job.start.plusMonths(months);
      boolean leaves = months == leaveAt;
      LocalDate day;
      if (leaves && job.type == PlacementType.OUTSIDE_WORK && months == 6) {
        // back home from the coast: the six-month visit finds them weeks late
        day = due.plusDays(20 + random.nextInt(41));
      } else if (leaves && months == 1) {
        day = job.start.plusDays(10 + random.nextInt(30));
      } else {
        int late = random.nextInt(10) == 0 ? 10 + random.nextInt(21) : random.nextInt(15) - 5;
        day = due.plusDays(late);
      }
      LocalDateTime at = workTime(day);
      schedule(at, () -> recordFollowUp(job, months, due, at, leaves));
    }
  }

  private void recordFollowUp(
      Job job, int months, LocalDate due, LocalDateTime at, boolean leaves) {
    if (job.endedOn != null) {
      return;
    }
    Resident r = job.resident;
    String by = r.matchmaker();
    if (leaves) {
      LeaveReason reason = Careers.leaveReason(random, job.type);
      String note = Careers.leaveNote(random, reason, job.type);
      addFollowUp(job, months, due, FollowUpOutcome.LEFT, reason, note, by, at);
      LocalDate ended = at.toLocalDate().isBefore(job.start) ? job.start : at.toLocalDate();
      job.endedOn = ended;
      job.endReason = reason;
      r.job = null;
      r.version++;
      r.updatedAt = at;
      startSearching(r, ended, at);
      return;
    }
    int p = random.nextInt(100);
    int unreachable = job.type == PlacementType.OUTSIDE_WORK ? 12 : 5;
    if (p < unreachable) {
      addFollowUp(
          job,
          months,
          due,
          FollowUpOutcome.UNREACHABLE,
          null,
          Careers.unreachableNote(random),
          by,
          at);
    } else if (p < unreachable + 6) {
      addFollowUp(
          job,
          months,
          due,
          FollowUpOutcome.CHANGED_JOB,
          null,
          Careers.changedJobNote(random),
          by,
          at);
    } else {
      addFollowUp(job, months, due, FollowUpOutcome.STILL_EMPLOYED, null, null, by, at);
    }
  }

  private static void addFollowUp(
      Job job,
      int months,
      LocalDate due,
      FollowUpOutcome outcome,
      LeaveReason reason,
      String note,
      String by,
      LocalDateTime at) {
    job.followUps.add(new DemoHistory.FollowUp(months, due, outcome, reason, note, by, at));
  }

  // ---- training

  /** A course as scheduled. */
  private static final class Run {
    final int index;
    final CourseCatalogue.Template template;
    final String title;
    final LocalDate starts;
    final LocalDate ends;
    final String community;
    final String place;
    final int seats;
    final LocalDateTime createdAt;
    int taken;

    Run(
        int index,
        CourseCatalogue.Template template,
        String title,
        LocalDate starts,
        String community,
        String place,
        int seats,
        LocalDateTime createdAt) {
      this.index = index;
      this.template = template;
      this.title = title;
      this.starts = starts;
      this.ends = starts.plusDays(template.days() - 1);
      this.community = community;
      this.place = place;
      this.seats = seats;
      this.createdAt = createdAt;
    }
  }

  /** An enrolment as the history runs it. */
  private static final class Seat {
    final Run run;
    final Resident resident;
    final String enrolledBy;
    final LocalDateTime enrolledAt;
    EnrolmentStatus status = EnrolmentStatus.ENROLLED;
    Boolean passed;
    String certificate;
    LocalDate completedOn;
    boolean licenceAdded;
    LocalDateTime updatedAt;

    Seat(Run run, Resident resident, String enrolledBy, LocalDateTime enrolledAt) {
      this.run = run;
      this.resident = resident;
      this.enrolledBy = enrolledBy;
      this.enrolledAt = enrolledAt;
      this.updatedAt = enrolledAt;
    }
  }

  /**
   * Courses through the three years, evenly spread, enough seats for about {@value
   * #TRAINED_PER_RESIDENT_YEAR} trainees a year per resident; the last ones run now or begin soon.
   */
  private void scheduleCourses(int cohort) {
    if (cohort == 0) {
      return;
    }
    double perYear = TRAINED_PER_RESIDENT_YEAR * cohort;
    int coursesPerYear = (int) Math.max(1, Math.round(perYear / 18.0));
    int seatsEach =
        (int) Math.max(8, Math.min(1000, Math.round(perYear / (coursesPerYear * 0.87))));
    double gap = 365.0 / coursesPerYear;
    Map<String, Integer> issues = new HashMap<>();
    for (int k = 0; ; k++) {
      LocalDate starts = first.plusDays(20 + Math.round(k * gap) + random.nextInt(5));
      if (starts.isAfter(today.plusDays(12))) {
        break;
      }
      CourseCatalogue.Template t = CourseCatalogue.YEAR.get(k % CourseCatalogue.YEAR.size());
      int issue = issues.merge(t.title() + starts.getYear(), 1, Integer::sum);
      boolean community = k % 5 == 2 && matchmakers.containsKey("下洋");
      LocalDate enrolFrom = starts.minusDays(5 + random.nextInt(11));
      Run run =
          new Run(
              runs.size(),
              t,
              t.title() + "（" + starts.getYear() + "年第" + issue + "期）",
              starts,
              community ? "下洋" : null,
              community ? "下洋社区居民学校" : t.place(),
              seatsEach + random.nextInt(5) - 2,
              workTime(enrolFrom.minusDays(7)));
      runs.add(run);
      schedule(workTime(enrolFrom), () -> enrol(run, enrolFrom));
    }
  }

  /** Matchmakers fill a course with residents it suits who are looking for work. */
  private void enrol(Run run, LocalDate from) {
    CourseCatalogue.Template t = run.template;
    int wanted = run.seats - random.nextInt(Math.max(1, run.seats / 7));
    List<Resident> chosen = new ArrayList<>();
    if (!residents.isEmpty() && residents.get(0).persona && suits(residents.get(0), t, from)) {
      chosen.add(residents.get(0));
    }
    for (int attempt = 0; attempt < wanted * 40 && chosen.size() < wanted; attempt++) {
      if (searching.isEmpty()) {
        break;
      }
      Resident r = searching.get(random.nextInt(searching.size()));
      if (!chosen.contains(r) && suits(r, t, from)) {
        chosen.add(r);
      }
    }
    LocalDate lastDay = min(run.starts.minusDays(1), today.minusDays(1));
    for (Resident r : chosen) {
      LocalDateTime at = workTime(Careers.dayBetween(random, from, lastDay));
      Seat seat = new Seat(run, r, r.matchmaker(), at);
      seats.add(seat);
      r.seat = seat;
      run.taken++;
      if (random.nextInt(100) < 5 && !r.persona) {
        LocalDateTime gone = workTime(Careers.dayBetween(random, run.starts, run.ends));
        schedule(gone, () -> leaveCourse(seat, gone));
      }
      LocalDateTime done = workTime(run.ends.plusDays(random.nextInt(4)));
      schedule(done, () -> complete(seat, done));
    }
  }

  private boolean suits(Resident r, CourseCatalogue.Template t, LocalDate day) {
    return r.state == State.SEARCHING
        && r.seat == null
        && (r.trainedOn == null || r.trainedOn.isBefore(day.minusYears(1)))
        && !r.trainedIn.contains(t.title())
        && !r.licences.contains(t.licence())
        && t.suits(r.draft.gender(), r.ageOn(day), r.kinds, random.nextInt(100) < 25);
  }

  private static void leaveCourse(Seat seat, LocalDateTime at) {
    if (seat.status == EnrolmentStatus.ENROLLED) {
      seat.status = EnrolmentStatus.WITHDRAWN;
      seat.updatedAt = at;
      seat.run.taken--;
      seat.resident.seat = null;
    }
  }

  /** Completion: most pass, and a certificate joins the resident's licences. */
  private void complete(Seat seat, LocalDateTime at) {
    if (seat.status != EnrolmentStatus.ENROLLED) {
      return;
    }
    Resident r = seat.resident;
    Run run = seat.run;
    boolean passed = r.persona || random.nextInt(100) < 92;
    seat.status = EnrolmentStatus.COMPLETED;
    seat.passed = passed;
    seat.completedOn = at.toLocalDate();
    seat.updatedAt = at;
    r.seat = null;
    r.trainedOn = seat.completedOn;
    r.trainedIn.add(run.template.title());
    if (passed) {
      seat.certificate = certificate(run, at.toLocalDate());
      String licence = run.template.licence();
      if (licence != null && r.licences.add(licence)) {
        r.changed();
        seat.licenceAdded = true;
        r.version++;
        r.updatedAt = at;
      }
      if (run.template.kind() == CourseKind.ENTREPRENEURSHIP) {
        r.sybOn = at.toLocalDate();
      }
    }
  }

  private String certificate(Run run, LocalDate day) {
    return run.template.kind() == CourseKind.ENTREPRENEURSHIP
        ? "闽创培" + day.getYear() + "第" + String.format("%05d", 1 + random.nextInt(99_999)) + "号"
        : String.format(
            "%d3504%02d%06d",
            day.getYear(), CourseCatalogue.YEAR.indexOf(run.template), 1 + random.nextInt(999_999));
  }

  // ---- messages

  /** The messages the service sends for a move (referrals.ReferralNotices), at the move's time. */
  private void tell(Ref f, ReferralState from, String role) {
    LocalDateTime at = f.touched();
    String title = f.title();
    switch (f.state) {
      case REQUESTED -> toCommunity(f, at, Notice.REFERRAL_REQUESTED, Map.of());
      case PROPOSED ->
          toResident(
              f,
              at,
              Notice.REFERRAL_CONSENT_REQUESTED,
              Map.of("unit", f.unit().name(), "title", title));
      case CONSENTED -> {
        if (role.equals(RESIDENT)) {
          toCommunity(f, at, Notice.REFERRAL_CONSENTED, Map.of());
        }
      }
      case DECLINED_BY_RESIDENT -> {
        if (role.equals(RESIDENT)) {
          toCommunity(f, at, Notice.REFERRAL_DECLINED, Map.of("reason", f.ended.name()));
        }
      }
      case SENT -> toUnit(f, at, Notice.REFERRAL_CANDIDATE, Map.of("title", title));
      case INTERVIEW ->
          toResident(
              f,
              at,
              Notice.REFERRAL_INTERVIEW,
              Map.of(
                  "unit",
                  f.unit().name(),
                  "title",
                  title,
                  "when",
                  f.interviewAt.format(WHEN),
                  "place",
                  f.interviewPlace));
      case HIRED, NOT_HIRED -> {
        toResident(
            f, at, Notice.REFERRAL_OUTCOME, Map.of("title", title, "outcome", f.state.name()));
        if (role.equals(EMPLOYER)) {
          toCommunity(f, at, Notice.REFERRAL_OUTCOME_RECORDED, Map.of("outcome", f.state.name()));
        }
      }
      case WITHDRAWN, OBSOLETE -> {
        if (from == SENT || from == INTERVIEW) {
          toUnit(f, at, Notice.REFERRAL_CONSENT_WITHDRAWN, Map.of("title", title));
        }
      }
      case EXPIRED -> toCommunity(f, at, Notice.REFERRAL_EXPIRED, Map.of());
    }
  }

  private void toResident(Ref f, LocalDateTime at, String kind, Map<String, String> params) {
    notices.add(
        new DemoHistory.Notice(
            at, Audience.RESIDENT, f.resident.index, null, kind, params, f.index));
  }

  private void toUnit(Ref f, LocalDateTime at, String kind, Map<String, String> params) {
    notices.add(
        new DemoHistory.Notice(
            at, Audience.UNIT, f.post.draft.unitIndex(), null, kind, params, f.index));
  }

  /** To the community's matchmakers, naming the resident and the posting. */
  private void toCommunity(Ref f, LocalDateTime at, String kind, Map<String, String> more) {
    Map<String, String> params = new LinkedHashMap<>(more);
    params.put("resident", f.resident.draft.name());
    params.put("title", f.title());
    notices.add(
        new DemoHistory.Notice(
            at, Audience.COMMUNITY, -1, f.resident.community(), kind, params, f.index));
  }

  // ---- the last two weeks, staged for the demo logins

  /**
   * A staged referral: whose (the persona, or a resident of a community, one who uses the service
   * when {@code online}), at which unit (by name; null: any fitting posting), how it began, the
   * days ago of each of its moves along the usual path (made, [taken up,] consented, sent,
   * interview), and for an interview the days ahead it takes place.
   */
  private record Scene(
      boolean persona,
      String community,
      String unit,
      boolean online,
      ReferralOrigin origin,
      int[] daysAgo,
      int interviewIn) {}

  private static Scene scene(String community, String unit, int... daysAgo) {
    return new Scene(false, community, unit, false, ReferralOrigin.MATCHMAKER, daysAgo, 0);
  }

  private static final List<Scene> SCENES =
      List.of(
          // the resident login: an interview at the welfare factory, a proposal to consent to,
          // and a posting she asked for herself
          new Scene(
              true,
              "下洋",
              UnitCatalogue.WELFARE_FACTORY,
              true,
              ReferralOrigin.MATCHMAKER,
              new int[] {9, 8, 7, 6},
              2),
          new Scene(true, "下洋", null, true, ReferralOrigin.MATCHMAKER, new int[] {2}, 0),
          new Scene(true, "下洋", null, true, ReferralOrigin.RESIDENT, new int[] {1}, 0),
          // 下洋: a request, a consent pending, candidates with both employers (one overdue each)
          // and a consented referral about to expire
          new Scene(false, "下洋", null, true, ReferralOrigin.RESIDENT, new int[] {3}, 0),
          scene("下洋", null, 4),
          scene("下洋", UnitCatalogue.WANZI, 13, 12, 11),
          scene("下洋", UnitCatalogue.WELFARE_FACTORY, 12, 11, 10),
          scene("下洋", UnitCatalogue.WELFARE_FACTORY, 5, 4, 3),
          scene("下洋", UnitCatalogue.WANZI, 4, 3, 2),
          scene("下洋", null, 13, 12),
          // 红印山: a request, consents pending, a candidate sent and an interview this week
          new Scene(false, "红印山", null, true, ReferralOrigin.RESIDENT, new int[] {2}, 0),
          scene("红印山", null, 3),
          scene("红印山", null, 6),
          scene("红印山", null, 4, 3, 2),
          new Scene(
              false, "红印山", null, false, ReferralOrigin.MATCHMAKER, new int[] {8, 7, 6, 5}, 3));

  private void stageScenes() {
    for (Scene s : SCENES) {
      if (!matchmakers.containsKey(s.community())) {
        continue;
      }
      LocalDate made = today.minusDays(s.daysAgo()[0]);
      List<Post> open = new ArrayList<>();
      for (Post candidate : posts) {
        if (candidate.current
            && candidate.draft.status() == PostingStatus.OPEN
            && (s.unit() == null || candidate.unit().name().equals(s.unit()))
            && open.size() < 300) {
          open.add(candidate);
        }
      }
      Resident r = null;
      Post p = null;
      for (Resident candidate : sceneCandidates(s)) {
        Post found = scenePost(candidate, made, open);
        if (found != null && (p == null || (p.from.isAfter(made) && !found.from.isAfter(made)))) {
          r = candidate;
          p = found;
        }
        if (p != null && !p.from.isAfter(made)) {
          break;
        }
      }
      if (r == null) {
        continue;
      }
      r.reserved = true;
      // claimed now, made later: no other scene of the resident's takes the same posting
      p.taken.add(r.index);
      if (s.online() && r.username == null) {
        // a resident who began to use the service lately
        r.username = String.format("jm%05d", r.index + 1);
      }
      stage(s, r, p);
    }
  }

  /**
   * Residents of the scene's community who look for work and have no referral open, from a random
   * one on; those who use the service first when the scene wants one.
   */
  private List<Resident> sceneCandidates(Scene s) {
    if (s.persona()) {
      return residents.isEmpty() || !residents.get(0).persona
          ? List.of()
          : List.of(residents.get(0));
    }
    List<Resident> found = new ArrayList<>();
    int start = residents.isEmpty() ? 0 : random.nextInt(residents.size());
    for (int i = 0; i < residents.size() && found.size() < 200; i++) {
      Resident r = residents.get((start + i) % residents.size());
      if (!r.persona
          && !r.reserved
          && r.state == State.SEARCHING
          && r.open.isEmpty()
          && r.community().equals(s.community())) {
        found.add(r);
      }
    }
    if (s.online()) {
      found.sort(Comparator.comparing(r -> r.username == null));
    }
    return found;
  }

  /**
   * A posting of the plan, OPEN, that fits the resident from the day the scene begins until today;
   * failing that, one put up since (the scene then begins on its first day).
   */
  private Post scenePost(Resident r, LocalDate made, List<Post> open) {
    Post later = null;
    for (Post p : open) {
      if (!r.kinds.contains(p.draft.kind()) || !p.isOpenOn(today.minusDays(1))) {
        continue;
      }
      if (!p.from.isAfter(made) && fits(r, p, made)) {
        return p;
      }
      if (later == null && p.from.isAfter(made) && fits(r, p, p.from)) {
        later = p;
      }
    }
    return later;
  }

  /**
   * Schedules the staged moves: each on its day, in office hours (a resident's in the evening), all
   * later by as many days as the posting went up after the scene's first day.
   */
  private void stage(Scene s, Resident r, Post p) {
    int[] days = s.daysAgo();
    long late = Math.max(0, p.from.toEpochDay() - today.minusDays(days[0]).toEpochDay());
    LocalDateTime[] at = new LocalDateTime[days.length];
    LocalDateTime previous = end.minusDays(16);
    boolean asked = s.origin() == ReferralOrigin.RESIDENT;
    for (int i = 0; i < days.length; i++) {
      LocalDate day = min(today.minusDays(days[i]).plusDays(late), today.minusDays(1));
      boolean evening = (i == 0 && asked) || (i == 1 && s.online() && !asked);
      at[i] = evening ? after(previous, eveningTime(day)) : inOffice(previous, workTime(day));
      previous = at[i];
    }
    Ref[] made = new Ref[1];
    schedule(at[0], () -> made[0] = create(r, p, s.origin(), at[0], true));
    int step = 1;
    if (asked && days.length > 1) {
      LocalDateTime t = at[step++];
      staged(made, t, f -> move(f, PROPOSED, t, r.matchmaker(), MATCHMAKER, null, null));
    }
    if (step < days.length) {
      LocalDateTime t = at[step++];
      staged(made, t, f -> consent(f, t, s.online()));
    }
    if (step < days.length) {
      LocalDateTime t = at[step++];
      staged(made, t, f -> send(f, t));
    }
    if (step < days.length) {
      LocalDateTime t = at[step];
      LocalDateTime when =
          today.plusDays(s.interviewIn()).atTime(INTERVIEW_TIMES.get(random.nextInt(3)));
      staged(made, t, f -> interview(f, t, when));
    }
  }

  /** A staged move of a staged referral, if it was made. */
  private void staged(Ref[] made, LocalDateTime at, Consumer<Ref> step) {
    schedule(
        at,
        () -> {
          if (made[0] != null && made[0].state.isOpen()) {
            step.accept(made[0]);
          }
        });
  }

  // ---- the result

  private DemoHistory history() {
    List<DemoHistory.Posted> postings = new ArrayList<>(posts.size());
    for (Post p : posts) {
      PostingStatus status =
          p.isFull() ? PostingStatus.FILLED : p.current ? p.draft.status() : PostingStatus.CLOSED;
      postings.add(new DemoHistory.Posted(p.draft, p.filled, status, p.changed));
    }
    List<DemoJobseeker> finals = new ArrayList<>(residents.size());
    List<DemoHistory.Account> accounts = new ArrayList<>();
    for (Resident r : residents) {
      finals.add(finalResident(r));
      if (r.username != null && !r.persona) {
        accounts.add(new DemoHistory.Account(r.index, r.username));
      }
    }
    List<DemoHistory.Referral> referrals = new ArrayList<>(refs.size());
    for (Ref f : refs) {
      referrals.add(
          new DemoHistory.Referral(
              f.resident.index,
              f.post.index,
              f.post.draft.unitIndex(),
              f.resident.community(),
              f.origin,
              f.state,
              null,
              f.interviewAt,
              f.interviewPlace,
              f.interviewContact,
              f.sentAt,
              f.answeredAt,
              f.ended,
              f.remindedAt,
              f.createdBy,
              List.copyOf(f.events),
              f.consent));
    }
    List<DemoHistory.Placement> placements = new ArrayList<>(jobs.size());
    for (Job j : jobs) {
      List<DemoHistory.FollowUp> followUps = new ArrayList<>();
      for (int months : List.of(1, 3, 6)) {
        followUps.add(
            j.followUps.stream()
                .filter(f -> f.months() == months)
                .findFirst()
                .orElse(
                    new DemoHistory.FollowUp(
                        months, j.start.plusMonths(months), null, null, null, null, null)));
      }
      placements.add(
          new DemoHistory.Placement(
              j.resident.index,
              j.community,
              j.referral,
              j.posting,
              j.unit,
              j.employerName,
              j.type,
              j.start,
              j.wage,
              j.contractMonths,
              j.note,
              j.recordedBy,
              j.createdAt,
              j.endedOn,
              j.endReason,
              List.copyOf(followUps)));
    }
    List<DemoHistory.Course> courses = new ArrayList<>(runs.size());
    for (Run run : runs) {
      CourseCatalogue.Template t = run.template;
      courses.add(
          new DemoHistory.Course(
              run.title,
              t.kind(),
              t.provider(),
              run.starts,
              run.ends,
              run.place,
              run.community,
              Math.max(run.seats, run.taken),
              run.taken,
              t.licence(),
              t.description(),
              run.createdAt));
    }
    List<DemoHistory.Enrolment> enrolments = new ArrayList<>(seats.size());
    for (Seat s : seats) {
      enrolments.add(
          new DemoHistory.Enrolment(
              s.run.index,
              s.resident.index,
              s.status,
              s.passed,
              s.certificate,
              s.completedOn,
              s.licenceAdded,
              null,
              s.enrolledBy,
              s.enrolledAt,
              s.updatedAt));
    }
    List<DemoHistory.Notice> sorted = new ArrayList<>(notices);
    sorted.sort(Comparator.comparing(DemoHistory.Notice::at));
    return new DemoHistory(
        postings, finals, referrals, placements, courses, enrolments, sorted, accounts);
  }

  /**
   * A resident as their history left them: EMPLOYED in a running placement, else as registered; out
   * of work since they registered or since their last job ended (none while employed), and
   * long-term unemployed exactly when that is a year or more ago.
   */
  private DemoJobseeker finalResident(Resident r) {
    DemoJobseeker d = r.draft;
    Status status =
        r.state == State.EMPLOYED
            ? Status.EMPLOYED
            : d.status() == Status.INACTIVE ? Status.INACTIVE : Status.SEEKING;
    LocalDate unemployed = status == Status.EMPLOYED ? null : r.since;
    List<DifficultyCategory> categories = new ArrayList<>(d.difficultyCategories());
    categories.remove(DifficultyCategory.LONG_TERM_UNEMPLOYED);
    if (DemoGenerator.isLongTerm(unemployed, today)) {
      categories.add(DifficultyCategory.LONG_TERM_UNEMPLOYED);
    }
    return d.withStory(
        status,
        unemployed,
        List.copyOf(categories),
        List.copyOf(r.licences),
        r.updatedAt,
        r.version);
  }
}
