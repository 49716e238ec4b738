package hongniang.demo;

import hongniang.common.CheckDigits;
import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Gender;
import hongniang.common.Schedule;
import hongniang.demo.DemoJobseeker.Status;
import hongniang.demo.PostingKind.Job;
import hongniang.demo.UnitCatalogue.Industry;
import hongniang.demo.UnitCatalogue.OutsideCity;
import hongniang.demo.UnitCatalogue.Spec;
import hongniang.demo.UnitCatalogue.Standing;
import hongniang.partners.AgreementStatus;
import hongniang.postings.PostingStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Makes a living street office from a seed, in memory and without a database: the same plan, day
 * and communities give the same rows. Each table draws from its own random stream, so that asking
 * for more jobseekers does not change the postings; {@code offset} (the rows already stored)
 * continues a data set instead of repeating it.
 */
final class DemoGenerator {

  /** The demo's first resident, who logs in as {@code resident}. */
  static final String PERSONA_NAME = "林秀英";

  private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] ORGANIZATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  private static final String[] MOBILE_PREFIXES = {
    "139", "138", "137", "136", "135", "159", "158", "152", "151", "150", "188", "187", "183",
    "182", "133", "153", "180", "189", "130", "131", "132", "155", "156", "186", "177", "199"
  };
  private static final List<String> DISABILITY_NOTES =
      List.of(
          "肢体残疾四级，左下肢行走不便，适合坐姿工作",
          "肢体残疾三级，右手功能部分受限",
          "听力残疾三级，佩戴助听器可正常交流",
          "听力残疾四级，需面对面沟通",
          "视力残疾四级，矫正后可看清近处",
          "言语残疾四级，书面沟通无障碍",
          "智力残疾四级，在家人陪同下可从事简单劳动");

  // Desired kinds of work by who is asking, in PostingKind order: CLEANING, SECURITY, GREENING,
  // PUBLIC_SERVICE, HOUSEHOLD, ELDERLY_CARE, CATERING, RETAIL, FACTORY, MACHINERY, DELIVERY,
  // OUTSIDE.
  private static final int[] OLDER_WOMEN = {3, 0, 1, 2, 3, 2, 2, 1, 1, 0, 0, 0};
  private static final int[] OLDER_MEN = {1, 3, 2, 2, 0, 0, 0, 0, 1, 2, 1, 0};
  private static final int[] YOUNGER_WOMEN = {0, 0, 0, 2, 1, 1, 2, 3, 2, 0, 0, 1};
  private static final int[] YOUNGER_MEN = {0, 1, 0, 1, 0, 0, 1, 1, 2, 3, 3, 1};

  /** The referral settings' defaults: days to answer, days untouched before expiry. */
  static final int REPLY_DAYS = 7;

  static final int EXPIRE_AFTER_DAYS = 14;

  private final DemoPlan plan;
  private final LocalDate today;
  private final List<String> communities;
  private final int replyDays;
  private final int expireAfterDays;

  /**
   * @param plan the seed and the sizes
   * @param today the day relative dates (expiry, unemployment, age) are counted from
   * @param communities the community names, in configuration order; not empty
   */
  DemoGenerator(DemoPlan plan, LocalDate today, List<String> communities) {
    this(plan, today, communities, REPLY_DAYS, EXPIRE_AFTER_DAYS);
  }

  /**
   * @param replyDays the days a unit has to answer a sent referral (hongniang.referrals.reply-days)
   * @param expireAfterDays the days an open referral may stay untouched before it expires
   */
  DemoGenerator(
      DemoPlan plan,
      LocalDate today,
      List<String> communities,
      int replyDays,
      int expireAfterDays) {
    if (communities.isEmpty()) {
      throw new IllegalArgumentException("the demo needs at least one community");
    }
    this.plan = plan;
    this.today = today;
    this.communities = List.copyOf(communities);
    this.replyDays = replyDays;
    this.expireAfterDays = expireAfterDays;
  }

  /** The whole plan in memory, with its history: for tests and small sets. */
  DemoData generate() {
    List<DemoUnit> units = units(0);
    List<DemoPosting> postings = postings(units, 0).toList();
    List<DemoJobseeker> jobseekers = jobseekers(0, new IdNumberPool()).toList();
    DemoHistory history = history(units, postings, jobseekers.subList(0, historySize()));
    return new DemoData(units, postings, jobseekers, history);
  }

  /**
   * How many of a fresh set's residents get a history: all, up to {@link
   * HistorySimulation#MAX_RESIDENTS}.
   */
  int historySize() {
    return Math.min(plan.jobseekers(), HistorySimulation.MAX_RESIDENTS);
  }

  /**
   * The three years before today for a fresh set: its postings (to which past ones are added) and
   * its first residents, the persona first. Its own random stream, so the history changes nothing
   * else the seed makes.
   */
  DemoHistory history(
      List<DemoUnit> units, List<DemoPosting> postings, List<DemoJobseeker> firstResidents) {
    return new HistorySimulation(
            this, random("history", 0), today, communities, units, replyDays, expireAfterDays)
        .run(postings, firstResidents, !firstResidents.isEmpty());
  }

  /** Whether a resident counts as 4050人员 on the day: a woman of 40 or more, a man of 50. */
  static boolean qualifiesAs4050(Gender gender, LocalDate birthDate, LocalDate day) {
    int age = Period.between(birthDate, day).getYears();
    return age >= (gender == Gender.FEMALE ? 40 : 50);
  }

  /** Whether unemployment that began on the day counts as long-term (a year or more) today. */
  static boolean isLongTerm(LocalDate unemployedSince, LocalDate day) {
    return unemployedSince != null && !unemployedSince.isAfter(day.minusYears(1));
  }

  private Random random(String table, long offset) {
    // SplitMix64's finalizer: nearby seeds and offsets still give unrelated streams.
    long z =
        plan.seed() * 0x9E3779B97F4A7C15L
            + table.hashCode() * 0xBF58476D1CE4E5B9L
            + offset * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  private String community(String preferred) {
    return communities.contains(preferred) ? preferred : communities.get(0);
  }

  private String anyCommunity(Random random) {
    return communities.get(random.nextInt(communities.size()));
  }

  // ---- partner units and agreements

  /** The partner units with their agreements: the known ones first, then made-up ones. */
  List<DemoUnit> units(long offset) {
    Random random = random("units", offset);
    Set<String> names = new HashSet<>();
    Set<String> codes = new HashSet<>();
    int[] agreementNumber = {0};
    List<DemoUnit> units = new ArrayList<>(plan.partners());
    for (int i = 0; i < plan.partners(); i++) {
      Spec spec =
          i < UnitCatalogue.KNOWN.size() ? UnitCatalogue.KNOWN.get(i) : madeUpUnit(random, names);
      names.add(spec.name());
      String code;
      do {
        code = creditCode(random, spec.registration(), spec.region());
      } while (!codes.add(code));
      int contactBirthYear = 1965 + random.nextInt(30);
      Gender contactGender = random.nextBoolean() ? Gender.FEMALE : Gender.MALE;
      units.add(
          new DemoUnit(
              spec.name(),
              code,
              spec.address(),
              ChineseNames.fullName(random, contactGender, contactBirthYear),
              spec.homeCommunity() == null ? mobile(random) : landline(random),
              spec.industry(),
              spec.homeCommunity() == null ? null : community(spec.homeCommunity()),
              spec.city(),
              spec.kinds(),
              spec.publicSector(),
              agreements(random, spec, agreementNumber)));
    }
    return units;
  }

  private Spec madeUpUnit(Random random, Set<String> taken) {
    String tradeName = UnitCatalogue.TRADE_NAMES[random.nextInt(UnitCatalogue.TRADE_NAMES.length)];
    Standing standing = standing(random);
    String signer = random.nextInt(5) < 2 ? community("下洋") : anyCommunity(random);
    if (random.nextInt(100) < 12) {
      OutsideCity city =
          UnitCatalogue.OUTSIDE_CITIES.get(random.nextInt(UnitCatalogue.OUTSIDE_CITIES.size()));
      String trade =
          UnitCatalogue.OUTSIDE_TRADES.get(random.nextInt(UnitCatalogue.OUTSIDE_TRADES.size()));
      return new Spec(
          unique(city.shortName() + tradeName + trade, taken),
          "91",
          city.region(),
          "外地制造业",
          city.district() + "工业园区" + (1 + random.nextInt(200)) + "号",
          null,
          city.city(),
          List.of(PostingKind.OUTSIDE),
          false,
          standing,
          signer);
    }
    Industry industry =
        UnitCatalogue.INDUSTRIES.get(random.nextInt(UnitCatalogue.INDUSTRIES.size()));
    boolean oldDistrict = random.nextInt(3) == 0;
    String prefix = oldDistrict ? "三明市" : random.nextBoolean() ? "三元区" : "三明";
    String street = UnitCatalogue.STREETS[random.nextInt(UnitCatalogue.STREETS.length)];
    return new Spec(
        unique(prefix + tradeName + industry.suffix(), taken),
        industry.registration(),
        oldDistrict ? "350402" : "350403",
        industry.industry(),
        "三明市" + (oldDistrict ? "梅列区" : "三元区") + street + (1 + random.nextInt(300)) + "号",
        anyCommunity(random),
        "三明市",
        industry.kinds(),
        industry.registration().startsWith("1"),
        standing,
        signer);
  }

  private static String unique(String name, Set<String> taken) {
    if (!taken.contains(name)) {
      return name;
    }
    for (int branch = 2; ; branch++) {
      String candidate = name + "第" + branch + "分公司";
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  private static Standing standing(Random random) {
    int p = random.nextInt(100);
    if (p < 72) {
      return Standing.VALID;
    }
    if (p < 82) {
      return Standing.RENEWED;
    }
    if (p < 90) {
      return Standing.EXPIRING;
    }
    return p < 97 ? Standing.EXPIRED : Standing.SUSPENDED;
  }

  private List<DemoAgreement> agreements(Random random, Spec spec, int[] number) {
    String signer = community(spec.signingCommunity());
    int years = 1 + random.nextInt(3);
    LocalDate signed =
        switch (spec.standing()) {
          // signed a month or more ago, running two months or more from now
          case VALID, RENEWED, SUSPENDED -> today.minusDays(30 + random.nextInt(years * 365 - 90));
          case EXPIRING -> today.plusDays(5 + random.nextInt(24)).minusYears(years).plusDays(1);
          case EXPIRED -> today.minusDays(20 + random.nextInt(100)).minusYears(years).plusDays(1);
        };
    LocalDate until = signed.plusYears(years).minusDays(1);
    List<DemoAgreement> agreements = new ArrayList<>(2);
    if (spec.standing() == Standing.RENEWED) {
      LocalDate oldUntil = signed.minusDays(1);
      agreements.add(
          agreement(
              signer,
              oldUntil.minusYears(2).plusDays(1),
              oldUntil,
              AgreementStatus.ACTIVE,
              "已到期，续签为新协议",
              number));
    }
    String notes =
        switch (spec.standing()) {
          case EXPIRING -> "即将到期，请联系单位续签";
          case EXPIRED -> "到期未续签";
          case SUSPENDED -> "单位停产整顿，协议暂停";
          default -> "每月报送用工需求，同等条件下优先招用本社区下岗失业人员";
        };
    AgreementStatus status =
        spec.standing() == Standing.SUSPENDED ? AgreementStatus.SUSPENDED : AgreementStatus.ACTIVE;
    agreements.add(agreement(signer, signed, until, status, notes, number));
    // most partners have renewed for years: earlier agreements back past the three years the
    // history covers, each ending the day before the next was signed
    LocalDate earliest = agreements.get(0).signedOn();
    LocalDate historyBegins = today.minusYears(HistorySimulation.YEARS).minusDays(60);
    while (earliest.isAfter(historyBegins) && random.nextInt(100) < 85) {
      LocalDate lastDay = earliest.minusDays(1);
      earliest = lastDay.minusYears(1 + random.nextInt(2)).plusDays(1);
      agreements.add(
          0, agreement(signer, earliest, lastDay, AgreementStatus.ACTIVE, "已到期，续签为新协议", number));
    }
    return agreements;
  }

  private static DemoAgreement agreement(
      String signer,
      LocalDate signed,
      LocalDate until,
      AgreementStatus status,
      String notes,
      int[] number) {
    number[0]++;
    String serial =
        number[0] < 10 ? "00" + number[0] : number[0] < 100 ? "0" + number[0] : "" + number[0];
    return new DemoAgreement(
        signer + "劳协〔" + signed.getYear() + "〕" + serial + "号",
        signer,
        signed,
        until,
        status,
        notes);
  }

  /**
   * A unified social credit code (GB 32100-2015): registration type, region, a nine-character
   * organization code with its own GB 11714 check character, then the code's check character.
   */
  static String creditCode(Random random, String registration, String region) {
    StringBuilder organization = new StringBuilder(9);
    if (registration.equals("91") && random.nextBoolean()) {
      // codes issued since 2015 to companies begin with MA
      organization.append("MA");
    }
    while (organization.length() < 8) {
      organization.append(CREDIT_CODE_CHARS.charAt(random.nextInt(CREDIT_CODE_CHARS.length())));
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = organization.charAt(i);
      sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORGANIZATION_CODE_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    organization.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
    String first17 = registration + region + organization;
    return first17 + CheckDigits.creditCodeCheckChar(first17);
  }

  // ---- postings

  /**
   * Postings of the given units: the first one per unit, then by the unit's size. OPEN postings
   * only at units that are partners today, and valid no longer than the partnership.
   */
  Stream<DemoPosting> postings(List<DemoUnit> units, long offset) {
    Random random = random("postings", offset);
    double[] cumulative = new double[units.size()];
    double total = 0;
    for (int i = 0; i < units.size(); i++) {
      total += units.get(i).isOutside() ? 1 : 1 + units.get(i).kinds().size();
      cumulative[i] = total;
    }
    double sum = total;
    return IntStream.range(0, plan.postings())
        .mapToObj(
            i -> {
              int unit = i < units.size() ? i : pickIndex(cumulative, random.nextDouble() * sum);
              return posting(random, unit, units.get(unit), null);
            });
  }

  private static int pickIndex(double[] cumulative, double point) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] <= point) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private DemoPosting posting(Random random, int unitIndex, DemoUnit unit, Past past) {
    PostingKind kind = unit.kinds().get(random.nextInt(unit.kinds().size()));
    Optional<LocalDate> partnerUntil = unit.partnerUntil(today);
    boolean welfare = unit.publicSector() && kind.allowsPublicWelfare() && random.nextInt(100) < 85;
    Job job = welfare ? kind.welfareJob : kind.jobs.get(random.nextInt(kind.jobs.size()));
    PostingStatus status =
        past != null ? PostingStatus.CLOSED : postingStatus(random, partnerUntil.isPresent());
    int headcount = 1 + random.nextInt(kind.terms.maxHeadcount());
    // places filled count placements, which the history adds; a FILLED posting with places left
    // is one whose employer wants no more people (the fill action)
    int filled = 0;
    // public-welfare posts pay about Fujian's minimum wage; the rest what Sanming's market pays
    int low = welfare ? 2000 : kind.pay.low();
    int high = welfare ? 2400 : kind.pay.high();
    int wageMin = low + 100 * random.nextInt((high - low) / 100 - 2);
    int wageMax = wageMin + 100 * random.nextInt((high - wageMin) / 100 + 1);
    String workCommunity =
        unit.isOutside()
            ? null
            : random.nextInt(10) < 6 ? unit.homeCommunity() : anyCommunity(random);
    boolean limitsAge = random.nextBoolean();
    boolean accommodation = random.nextDouble() < kind.terms.accommodationRate();
    double disabilityRate =
        unit.name().equals(UnitCatalogue.WELFARE_FACTORY)
            ? 0.7
            : kind.terms.disabilityFriendlyRate();
    boolean disabilityFriendly = random.nextDouble() < disabilityRate;
    Education education =
        welfare
            ? Education.NONE
            : kind.terms.educations().get(random.nextInt(kind.terms.educations().size()));
    LocalDate validThrough =
        past != null ? past.through() : validThrough(random, status, partnerUntil);
    LocalDate opened = past != null ? past.opened() : openedOn(random, unit, status, validThrough);
    return new DemoPosting(
        unitIndex,
        kind,
        job.title(),
        description(kind, welfare, accommodation, workCommunity, unit.city()),
        job.occupation(),
        job.skills(),
        headcount,
        filled,
        wageMin,
        wageMax,
        random.nextInt(5) == 0 ? null : kind.wageNotes.get(random.nextInt(kind.wageNotes.size())),
        kind.schedules.get(random.nextInt(kind.schedules.size())),
        workCommunity,
        unit.city(),
        limitsAge ? (kind == PostingKind.DELIVERY || kind == PostingKind.SECURITY ? 20 : 18) : null,
        limitsAge ? kind.terms.maxAge() : null,
        education,
        job.licences(),
        welfare,
        accommodation,
        disabilityFriendly,
        validThrough,
        status,
        opened);
  }

  /**
   * The day a posting was put up: weeks ago for one that is still up (a draft: days ago), one to
   * four months before its end for one that ended; always while an agreement of its unit ran.
   */
  private LocalDate openedOn(
      Random random, DemoUnit unit, PostingStatus status, LocalDate validThrough) {
    boolean ended = status == PostingStatus.FILLED || status == PostingStatus.CLOSED;
    LocalDate opened =
        switch (status) {
          case DRAFT -> today.minusDays(random.nextInt(10));
          case FILLED, CLOSED -> validThrough.minusDays(30 + random.nextInt(91));
          default -> today.minusDays(3 + random.nextInt(73));
        };
    if (opened.isAfter(today)) {
      opened = today;
    }
    LocalDate lastOpen = ended && validThrough.isBefore(today) ? validThrough : today;
    // under the latest agreement signed by its last open day, and while that one ran
    Optional<DemoAgreement> under =
        unit.agreements().stream()
            .filter(a -> !a.signedOn().isAfter(lastOpen))
            .max(Comparator.comparing(DemoAgreement::signedOn));
    if (under.isEmpty()) {
      return opened;
    }
    LocalDate earliest = under.get().signedOn();
    LocalDate latest =
        under.get().validUntil().isBefore(lastOpen) ? under.get().validUntil() : lastOpen;
    return opened.isBefore(earliest) ? earliest : opened.isAfter(latest) ? latest : opened;
  }

  /** The days a past posting was up: it is CLOSED until the history counts its places. */
  record Past(LocalDate opened, LocalDate through) {}

  /** A posting the unit put up in the past, as the plan's are drawn but for its days. */
  DemoPosting pastPosting(Random random, int unitIndex, DemoUnit unit, Past past) {
    return posting(random, unitIndex, unit, past);
  }

  private static PostingStatus postingStatus(Random random, boolean partner) {
    int p = random.nextInt(100);
    if (!partner) {
      // without a valid agreement a unit's postings cannot be brokered
      return p < 70 ? PostingStatus.CLOSED : PostingStatus.PAUSED;
    }
    if (p < 80) {
      return PostingStatus.OPEN;
    }
    if (p < 85) {
      return PostingStatus.DRAFT;
    }
    if (p < 90) {
      return PostingStatus.PAUSED;
    }
    return p < 95 ? PostingStatus.FILLED : PostingStatus.CLOSED;
  }

  private LocalDate validThrough(
      Random random, PostingStatus status, Optional<LocalDate> partnerUntil) {
    if (status == PostingStatus.FILLED || status == PostingStatus.CLOSED) {
      return today.minusDays(120).plusDays(random.nextInt(150));
    }
    LocalDate through = today.plusDays(14 + random.nextInt(107));
    if (status == PostingStatus.OPEN && partnerUntil.isPresent()) {
      return partnerUntil.get().isBefore(through) ? partnerUntil.get() : through;
    }
    return through;
  }

  private static String description(
      PostingKind kind, boolean welfare, boolean accommodation, String community, String city) {
    StringBuilder text = new StringBuilder(kind.duty).append("。工作地点：");
    text.append(community == null ? city : community + "社区附近").append("。");
    if (welfare) {
      text.append("本岗位为政府出资开发的公益性岗位，仅面向登记在册的就业困难人员。");
    }
    if (accommodation) {
      text.append("提供住宿。");
    }
    return text.toString();
  }

  // ---- jobseekers

  /**
   * Residents looking for work. A fresh set (offset 0) begins with the demo's resident persona; the
   * pool keeps ID numbers unique, also against numbers marked taken in it.
   */
  Stream<DemoJobseeker> jobseekers(long offset, IdNumberPool pool) {
    Random random = random("jobseekers", offset);
    return IntStream.range(0, plan.jobseekers())
        .mapToObj(i -> offset == 0 && i == 0 ? persona(random, pool) : jobseeker(random, pool));
  }

  private DemoJobseeker persona(Random random, IdNumberPool pool) {
    String id = pool.issue(random, "350403", LocalDate.of(1976, 5, 12), Gender.FEMALE);
    LocalDate birthDate = CheckDigits.birthDate(id).orElseThrow();
    LocalDate unemployedSince = today.minusYears(2).minusMonths(3);
    WorkHistories.History history = WorkHistories.persona();
    List<DifficultyCategory> categories = new ArrayList<>();
    if (qualifiesAs4050(Gender.FEMALE, birthDate, today)) {
      categories.add(DifficultyCategory.AGE_4050);
    }
    categories.add(DifficultyCategory.LOW_INCOME);
    categories.add(DifficultyCategory.LONG_TERM_UNEMPLOYED);
    return new DemoJobseeker(
        PERSONA_NAME,
        Gender.FEMALE,
        id,
        birthDate,
        mobile(random),
        community("下洋"),
        history.education(),
        history.skills(),
        history.experience(),
        List.of("保洁员", "家政服务员", "养老护理员"),
        2000,
        List.of(Schedule.FULL_TIME, Schedule.PART_TIME),
        false,
        history.licences(),
        categories,
        lowIncomeNote(today.getYear() - 3),
        null,
        unemployedSince,
        Status.SEEKING,
        unemployedSince.plusDays(12).atTime(9, 40),
        unemployedSince.plusDays(12).atTime(9, 40),
        0);
  }

  private DemoJobseeker jobseeker(Random random, IdNumberPool pool) {
    Gender gender = random.nextInt(100) < 58 ? Gender.FEMALE : Gender.MALE;
    int age = age(random, gender);
    LocalDate drawnBirth = today.minusYears(age).minusDays(random.nextInt(365));
    String region = IdNumberPool.REGIONS.get(random.nextInt(IdNumberPool.REGIONS.size()));
    String id = pool.issue(random, region, drawnBirth, gender);
    // the pool may register someone a day later when their birthday is full
    LocalDate birthDate = CheckDigits.birthDate(id).orElseThrow();
    WorkHistories.History history =
        WorkHistories.draw(random, gender, birthDate.getYear(), today.getYear());
    boolean older = age >= (gender == Gender.FEMALE ? 40 : 45);
    // work on the coast (外出务工) draws the younger half of the register
    boolean willingOutside = random.nextInt(100) < (age < 45 ? 45 : 10);
    List<PostingKind> kinds = desiredKinds(random, gender, older, willingOutside, history.kind());
    Status status = random.nextInt(100) < 95 ? Status.SEEKING : Status.INACTIVE;
    LocalDate unemployedSince = today.minusDays(unemployedDays(random));
    // they registered within weeks of losing work, never after today
    LocalDate registered = unemployedSince.plusDays(random.nextInt(21));
    if (registered.isAfter(today)) {
      registered = today;
    }
    LocalDateTime registeredAt = registered.atTime(8, 30).plusMinutes(random.nextInt(540));

    List<DifficultyCategory> categories = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (qualifiesAs4050(gender, birthDate, today)) {
      categories.add(DifficultyCategory.AGE_4050);
    }
    if (random.nextInt(100) < (older ? 12 : 8)) {
      categories.add(DifficultyCategory.LOW_INCOME);
      notes.add(lowIncomeNote(today.getYear() - 1 - random.nextInt(8)));
    }
    if (random.nextInt(100) < 5) {
      categories.add(DifficultyCategory.ZERO_EMPLOYMENT_FAMILY);
      notes.add(
          "家庭"
              + (2 + random.nextInt(2))
              + "名劳动年龄成员均未就业，"
              + (today.getYear() - random.nextInt(4))
              + "年认定为零就业家庭");
    }
    String disabilityNote = null;
    if (random.nextInt(100) < 6) {
      categories.add(DifficultyCategory.DISABLED);
      disabilityNote = DISABILITY_NOTES.get(random.nextInt(DISABILITY_NOTES.size()));
    }
    if (isLongTerm(unemployedSince, today)) {
      categories.add(DifficultyCategory.LONG_TERM_UNEMPLOYED);
    }

    return new DemoJobseeker(
        ChineseNames.fullName(random, gender, birthDate.getYear()),
        gender,
        id,
        birthDate,
        mobile(random),
        random.nextInt(communities.size() + 1) == 0 ? community("下洋") : anyCommunity(random),
        history.education(),
        skills(random, history, kinds),
        history.experience(),
        kinds.stream()
            .map(k -> k.occupations().get(random.nextInt(k.occupations().size())))
            .distinct()
            .toList(),
        minWage(random, kinds),
        schedules(random, gender),
        willingOutside,
        licences(random, gender, history, kinds),
        categories,
        notes.isEmpty() ? null : String.join("；", notes),
        disabilityNote,
        unemployedSince,
        status,
        registeredAt,
        registeredAt,
        0);
  }

  private static String lowIncomeNote(int since) {
    return since + "年起享受城市低保，家庭人均月收入低于当地低保标准";
  }

  /** Ages as registered jobseekers in an old industrial district are: many in their forties. */
  private static int age(Random random, Gender gender) {
    int band = random.nextInt(100);
    int age;
    if (band < 10) {
      age = 19 + random.nextInt(6);
    } else if (band < 25) {
      age = 25 + random.nextInt(10);
    } else if (band < 45) {
      age = 35 + random.nextInt(10);
    } else if (band < 83) {
      age = 45 + random.nextInt(10);
    } else {
      age = 55 + random.nextInt(8);
    }
    // women retire at 50 or 55; few over 57 still register as seeking work
    return gender == Gender.FEMALE && age > 57 ? 40 + random.nextInt(16) : age;
  }

  private static List<PostingKind> desiredKinds(
      Random random,
      Gender gender,
      boolean older,
      boolean willingOutside,
      PostingKind fromHistory) {
    int[] weights =
        (gender == Gender.FEMALE
                ? (older ? OLDER_WOMEN : YOUNGER_WOMEN)
                : (older ? OLDER_MEN : YOUNGER_MEN))
            .clone();
    if (willingOutside) {
      weights[PostingKind.OUTSIDE.ordinal()] += 3;
    }
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    Set<PostingKind> kinds = new LinkedHashSet<>();
    if (fromHistory != null) {
      kinds.add(fromHistory);
    }
    int wanted = 1 + random.nextInt(3);
    for (int attempt = 0; attempt < 8 && kinds.size() < wanted; attempt++) {
      int pick = random.nextInt(total);
      for (PostingKind kind : PostingKind.values()) {
        pick -= weights[kind.ordinal()];
        if (pick < 0) {
          kinds.add(kind);
          break;
        }
      }
    }
    return List.copyOf(kinds);
  }

  /** Days out of work: about half of the unemployed have been so for a year or more. */
  private static int unemployedDays(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 30 + random.nextInt(151);
      case 1 -> 181 + random.nextInt(184);
      default -> 365 + random.nextInt(1826);
    };
  }

  private static List<String> skills(
      Random random, WorkHistories.History history, List<PostingKind> kinds) {
    Set<String> skills = new LinkedHashSet<>(history.skills());
    skills.addAll(pickDistinct(random, kinds.get(0).skills(), 1 + random.nextInt(2)));
    return List.copyOf(skills);
  }

  private static Integer minWage(Random random, List<PostingKind> kinds) {
    if (random.nextInt(10) == 0) {
      return null;
    }
    int lowest = kinds.stream().mapToInt(k -> k.pay.low()).min().orElse(2000);
    return Math.max(1800, lowest - 200 + 100 * random.nextInt(8));
  }

  private static List<Schedule> schedules(Random random, Gender gender) {
    Set<Schedule> schedules = EnumSet.noneOf(Schedule.class);
    if (random.nextInt(10) < 7) {
      schedules.add(Schedule.FULL_TIME);
    }
    if (random.nextInt(100) < 35) {
      schedules.add(Schedule.PART_TIME);
    }
    if (random.nextInt(100) < 35) {
      schedules.add(Schedule.FLEXIBLE);
    }
    if (random.nextInt(100) < (gender == Gender.MALE ? 40 : 20)) {
      schedules.add(Schedule.SHIFT);
    }
    return schedules.isEmpty() ? List.of(Schedule.FULL_TIME) : List.copyOf(schedules);
  }

  private static List<String> licences(
      Random random, Gender gender, WorkHistories.History history, List<PostingKind> kinds) {
    Set<String> licences = new LinkedHashSet<>(history.licences());
    if (random.nextInt(100) < (gender == Gender.MALE ? 30 : 8)) {
      licences.add("C1驾驶证");
    }
    boolean food =
        kinds.contains(PostingKind.HOUSEHOLD)
            || kinds.contains(PostingKind.ELDERLY_CARE)
            || kinds.contains(PostingKind.CATERING);
    if (food && random.nextBoolean()) {
      licences.add("健康证");
    }
    if (kinds.contains(PostingKind.SECURITY) && random.nextInt(10) < 4) {
      licences.add("保安员证");
    }
    if (kinds.contains(PostingKind.ELDERLY_CARE) && random.nextInt(4) == 0) {
      licences.add("养老护理员证");
    }
    return List.copyOf(licences);
  }

  private static List<String> pickDistinct(Random random, List<String> from, int count) {
    List<String> pool = new ArrayList<>(from);
    List<String> picked = new ArrayList<>(count);
    while (picked.size() < count && !pool.isEmpty()) {
      picked.add(pool.remove(random.nextInt(pool.size())));
    }
    return picked;
  }

  private static String mobile(Random random) {
    return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
        + Integer.toString(100_000_000 + random.nextInt(100_000_000)).substring(1);
  }

  private static String landline(Random random) {
    return "0598-" + (8_000_000 + random.nextInt(2_000_000));
  }
}
