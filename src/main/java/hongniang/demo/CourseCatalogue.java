package hongniang.demo;

import hongniang.common.Gender;
import hongniang.training.CourseKind;
import java.util.List;
import java.util.Set;

/**
 * The courses the street office sends residents to, in the order a year runs them: trades that lead
 * to a licence employers ask for (育婴员证, 养老护理员证, 电工 and 保安员证 among them, named as postings require
 * them) and the entrepreneurship courses (创业培训 SYB).
 */
final class CourseCatalogue {

  /**
   * A course to schedule: who it suits (a gender or anyone, an age range, the kinds of work they
   * want; none: anyone) and how many days it runs.
   */
  record Template(
      String title,
      CourseKind kind,
      String licence,
      String provider,
      String place,
      int days,
      Gender gender,
      int minAge,
      int maxAge,
      Set<PostingKind> suits,
      String description) {

    /**
     * Whether it suits someone: gender and age always; the work they want unless {@code curious}
     * (some take a course to change trades).
     */
    boolean suits(Gender g, int age, Set<PostingKind> wanted, boolean curious) {
      return (gender == null || gender == g)
          && age >= minAge
          && age <= maxAge
          && (curious || suits.isEmpty() || wanted.stream().anyMatch(suits::contains));
    }
  }

  private static final String STREET_ROOM = "三元区城关街道办事处三楼培训室";
  private static final String SKILLS_CENTRE = "三明市职业技能培训中心（新市北路）";
  private static final String BUSINESS_CENTRE = "三明市创业指导服务中心（工业中路）";

  static final List<Template> YEAR =
      List.of(
          new Template(
              "家政服务员培训班",
              CourseKind.VOCATIONAL,
              "家政服务员证",
              "三元区就业培训中心",
              STREET_ROOM,
              10,
              Gender.FEMALE,
              28,
              57,
              Set.of(PostingKind.HOUSEHOLD, PostingKind.CLEANING),
              "家庭保洁、衣物洗熨、烹饪和照护基础，结业考核合格颁发家政服务员证书"),
          new Template(
              "创业培训（SYB）班",
              CourseKind.ENTREPRENEURSHIP,
              "创业培训合格证",
              "三明市创业指导服务中心",
              BUSINESS_CENTRE,
              10,
              null,
              24,
              52,
              Set.of(),
              "SYB“创办你的企业”：评估创业想法、市场调查、资金和风险，合格者可申请创业担保贷款"),
          new Template(
              "养老护理员培训班",
              CourseKind.VOCATIONAL,
              "养老护理员证",
              "三明市职业技能培训中心",
              SKILLS_CENTRE,
              20,
              null,
              30,
              57,
              Set.of(PostingKind.ELDERLY_CARE, PostingKind.HOUSEHOLD),
              "生活照料、基础护理和康复服务，理论与实操考核合格颁发养老护理员职业技能等级证书"),
          new Template(
              "低压电工作业培训班",
              CourseKind.VOCATIONAL,
              "电工特种作业操作证",
              "三明市安全生产培训中心",
              SKILLS_CENTRE,
              20,
              Gender.MALE,
              20,
              55,
              Set.of(PostingKind.MACHINERY, PostingKind.FACTORY),
              "低压电工作业安全技术，考试合格取得特种作业操作证"),
          new Template(
              "育婴员培训班",
              CourseKind.VOCATIONAL,
              "育婴员证",
              "三元区就业培训中心",
              STREET_ROOM,
              15,
              Gender.FEMALE,
              22,
              52,
              Set.of(PostingKind.HOUSEHOLD, PostingKind.ELDERLY_CARE),
              "婴幼儿生活照料、保健和早期教育，考核合格颁发育婴员证书"),
          new Template(
              "保安员培训班",
              CourseKind.VOCATIONAL,
              "保安员证",
              "三明市保安培训学校",
              "三明市保安培训学校（列东街）",
              10,
              Gender.MALE,
              20,
              57,
              Set.of(PostingKind.SECURITY),
              "保安服务基本知识和技能，考试合格取得保安员证"),
          new Template(
              "中式面点师培训班",
              CourseKind.VOCATIONAL,
              "面点师证",
              "三明工贸学校",
              "三明工贸学校实训楼",
              15,
              null,
              22,
              52,
              Set.of(PostingKind.CATERING),
              "包子、馒头、饺子等中式面点制作，考核合格颁发中式面点师职业技能等级证书"),
          new Template(
              "网络创业培训班",
              CourseKind.ENTREPRENEURSHIP,
              "网络创业培训合格证",
              "三明市创业指导服务中心",
              BUSINESS_CENTRE,
              7,
              null,
              20,
              45,
              Set.of(),
              "网店开设、直播带货和线上营销，合格者可申请创业担保贷款"));

  private CourseCatalogue() {}
}
