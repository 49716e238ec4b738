package hongniang.support;

import hongniang.common.CheckDigits;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Intent-revealing request bodies for tests; every call gives unique codes and numbers. */
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

  public static Map<String, Object> aPartnerUnit() {
    Map<String, Object> m = new HashMap<>();
    m.put("name", "测试单位" + SEQ.incrementAndGet());
    m.put("creditCode", aCreditCode());
    m.put("address", "三明市三元区城关街道");
    m.put("contactPerson", "王经理");
    m.put("contactPhone", "0598-8221234");
    m.put("industry", "物业管理");
    return m;
  }

  public static Map<String, Object> anAgreement(
      long communityId, LocalDate signedOn, LocalDate validUntil) {
    Map<String, Object> m = new HashMap<>();
    m.put("number", "XY-" + SEQ.incrementAndGet());
    m.put("signingCommunityId", communityId);
    m.put("signedOn", signedOn.toString());
    m.put("validUntil", validUntil.toString());
    return m;
  }

  /** An open cleaning posting in community 1, valid for a month. */
  public static Map<String, Object> aPosting(long unitId) {
    Map<String, Object> m = new HashMap<>();
    m.put("partnerUnitId", unitId);
    m.put("title", "小区保洁员");
    m.put("description", "负责小区公共区域清洁");
    m.put("occupation", "保洁员");
    m.put("skills", List.of("清洁", "垃圾分类"));
    m.put("headcount", 3);
    m.put("wageMin", 2200);
    m.put("wageMax", 2800);
    m.put("schedule", "FULL_TIME");
    m.put("workCommunityId", 1);
    m.put("validThrough", LocalDate.now().plusMonths(1).toString());
    m.put("status", "OPEN");
    return m;
  }

  /** A seeking resident of the community, 52 years old, with an ID number. */
  public static Map<String, Object> aJobseeker(long communityId) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", "李秀英");
    m.put("idNumber", anIdNumber(LocalDate.now().minusYears(52).withDayOfYear(40), false));
    m.put("phone", "13805981234");
    m.put("communityId", communityId);
    m.put("education", "JUNIOR_HIGH");
    m.put("skills", List.of("保洁", "做饭"));
    m.put("experience", "曾在三明纺织厂做挡车工12年");
    m.put("desiredOccupations", List.of("保洁员", "家政服务员"));
    m.put("minWage", 2000);
    m.put("acceptableSchedules", List.of("FULL_TIME", "PART_TIME"));
    m.put("willingOutside", false);
    return m;
  }

  /** A low-income (低保) 4050 resident: the people public-welfare posts are for. */
  public static Map<String, Object> aLowIncomeJobseeker(long communityId) {
    Map<String, Object> m = aJobseeker(communityId);
    m.put("difficultyCategories", List.of("LOW_INCOME", "AGE_4050"));
    m.put("difficultyNote", "低保户，丈夫重病");
    return m;
  }

  /** A copy of the body with one field changed. */
  public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> m = new HashMap<>(body);
    m.put(field, value);
    return m;
  }
}
