package hongniang.support;

import hongniang.accounts.NewUser;
import hongniang.accounts.UserUpdate;
import hongniang.common.CheckDigits;
import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Gender;
import hongniang.common.Schedule;
import hongniang.communities.CommunityRequest;
import hongniang.jobseekers.JobseekerRequest;
import hongniang.matches.BoardRequest;
import hongniang.partners.AgreementRequest;
import hongniang.partners.PartnerUnitRequest;
import hongniang.postings.PostingRequest;
import hongniang.postings.PostingStatus;
import hongniang.training.CourseKind;
import hongniang.training.CourseRequest;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Intent-revealing request bodies for tests; every call gives unique codes and numbers. */
@RecordBuilder.Include({
  PostingRequest.class,
  JobseekerRequest.class,
  PartnerUnitRequest.class,
  AgreementRequest.class,
  CommunityRequest.class,
  NewUser.class,
  UserUpdate.class,
  BoardRequest.class,
  CourseRequest.class
})
public final class Fixtures {

  private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

  private Fixtures() {}

  /** A unified social credit code with a correct check character, unique per call. */
  public static String aCreditCode() {
    String first17 = String.format("913504%011d", SEQ.incrementAndGet());
    return first17 + CheckDigits.creditCodeCheckChar(first17);
  }

  /** The same code with its check character changed: the format is right, the check is not. */
  public static String aCreditCodeWithWrongCheck() {
    String good = aCreditCode();
    char wrong = good.charAt(17) == '0' ? '1' : '0';
    return good.substring(0, 17) + wrong;
  }

  /** A valid ID number for a resident born on that day; odd sequence digit means male. */
  public static String anIdNumber(LocalDate born, boolean male) {
    long seq = SEQ.incrementAndGet() % 500;
    int order = (int) (seq * 2 + (male ? 1 : 0)) % 1000;
    String first17 = "350402" + born.toString().replace("-", "") + String.format("%03d", order);
    return first17 + CheckDigits.idNumberCheckChar(first17);
  }

  public static PartnerUnitRequest aPartnerUnit() {
    return new PartnerUnitRequest(
        "测试单位" + SEQ.incrementAndGet(), aCreditCode(), "三明市三元区城关街道", "王经理", "0598-8221234", "物业管理");
  }

  public static AgreementRequest anAgreement(
      long communityId, LocalDate signedOn, LocalDate validUntil) {
    return AgreementRequestBuilder.builder()
        .number("XY-" + SEQ.incrementAndGet())
        .signingCommunityId(communityId)
        .signedOn(signedOn)
        .validUntil(validUntil)
        .build();
  }

  /** An open cleaning posting in community 1, valid for a month. */
  public static PostingRequest aPosting(long unitId) {
    return PostingRequestBuilder.builder()
        .partnerUnitId(unitId)
        .title("小区保洁员")
        .description("负责小区公共区域清洁")
        .occupation("保洁员")
        .skills(List.of("清洁", "垃圾分类"))
        .headcount(3)
        .wageMin(2200)
        .wageMax(2800)
        .schedule(Schedule.FULL_TIME)
        .workCommunityId(1L)
        .validThrough(LocalDate.now().plusMonths(1))
        .status(PostingStatus.OPEN)
        .build();
  }

  /** The same posting as a draft: not searchable, not matched, open to edits. */
  public static PostingRequest aDraftPosting(long unitId) {
    return edit(aPosting(unitId)).status(PostingStatus.DRAFT).build();
  }

  /**
   * A seeking resident of the community, 52 years old, with an ID number. Every call is the same
   * 李秀英 with the same phone and birth date, a possible duplicate of the one before; each says it is
   * not ({@code confirmedNotDuplicate}), so tests of other things pass the duplicate guard. Tests
   * of the guard set it to null.
   */
  public static JobseekerRequest aJobseeker(long communityId) {
    // 500 sequence numbers per birth day, a new day (early in the year, so the age stays 52) per
    // 500 calls: the suite makes thousands of residents, and an ID number is unique
    long seq = SEQ.get();
    LocalDate born = LocalDate.now().minusYears(52).withDayOfYear(1 + (int) (seq / 500 % 40));
    return JobseekerRequestBuilder.builder()
        .name("李秀英")
        .idNumber(anIdNumber(born, false))
        .phone("13805981234")
        .communityId(communityId)
        .education(Education.JUNIOR_HIGH)
        .skills(List.of("保洁", "做饭"))
        .experience("曾在三明纺织厂做挡车工12年")
        .desiredOccupations(List.of("保洁员", "家政服务员"))
        .minWage(2000)
        .acceptableSchedules(List.of(Schedule.FULL_TIME, Schedule.PART_TIME))
        .willingOutside(false)
        .confirmedNotDuplicate(true)
        .build();
  }

  /** A low-income (低保) 4050 resident: the people public-welfare posts are for. */
  public static JobseekerRequest aLowIncomeJobseeker(long communityId) {
    return edit(aJobseeker(communityId))
        .difficultyCategories(List.of(DifficultyCategory.LOW_INCOME, DifficultyCategory.AGE_4050))
        .difficultyNote("低保户，丈夫重病")
        .build();
  }

  /**
   * A street-run electricians' course (维修电工培训) for 20, from yesterday for a month, that leads to
   * 电工证.
   */
  public static CourseRequest aCourse() {
    return CourseRequestBuilder.builder()
        .title("维修电工培训")
        .kind(CourseKind.VOCATIONAL)
        .provider("三明市职业技能培训中心")
        .startsOn(LocalDate.now().minusDays(1))
        .endsOn(LocalDate.now().plusMonths(1))
        .place("城关街道社区服务中心三楼")
        .seats(20)
        .licence("电工证")
        .build();
  }

  /** A seeking 52-year-old woman with a disability note and no ID number (a test may make many). */
  public static JobseekerRequest anOlderJobseeker(long communityId) {
    return edit(aJobseeker(communityId))
        .idNumber(null)
        .gender(Gender.FEMALE)
        .birthYear(LocalDate.now().getYear() - 52)
        .disabilityNote("左腿轻度残疾")
        .build();
  }

  /** A builder from the request, to change some fields. */
  public static CourseRequestBuilder edit(CourseRequest request) {
    return CourseRequestBuilder.builder(request);
  }

  /** A builder from the request, to change some fields. */
  public static PostingRequestBuilder edit(PostingRequest request) {
    return PostingRequestBuilder.builder(request);
  }

  /** A builder from the request, to change some fields. */
  public static JobseekerRequestBuilder edit(JobseekerRequest request) {
    return JobseekerRequestBuilder.builder(request);
  }

  /** A builder from the request, to change some fields. */
  public static PartnerUnitRequestBuilder edit(PartnerUnitRequest request) {
    return PartnerUnitRequestBuilder.builder(request);
  }

  /** A builder from the request, to change some fields. */
  public static AgreementRequestBuilder edit(AgreementRequest request) {
    return AgreementRequestBuilder.builder(request);
  }
}
