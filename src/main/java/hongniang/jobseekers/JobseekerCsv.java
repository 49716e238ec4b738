package hongniang.jobseekers;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Gender;
import hongniang.common.ImportSheet;
import hongniang.common.ImportTemplate;
import hongniang.common.RowReader;
import hongniang.common.Schedule;
import hongniang.communities.CommunityService;
import java.time.LocalDate;
import java.util.Map;

/**
 * The spreadsheet shape of a profile (CSV or XLSX): the JSON field names, or the Chinese headers
 * offices use; and its template.
 */
public final class JobseekerCsv {

  static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("姓名", "name"),
          Map.entry("性别", "gender"),
          Map.entry("身份证号", "idNumber"),
          Map.entry("出生年份", "birthYear"),
          Map.entry("电话", "phone"),
          Map.entry("联系电话", "phone"),
          Map.entry("社区编号", "communityId"),
          Map.entry("社区", "community"),
          Map.entry("学历", "education"),
          Map.entry("技能", "skills"),
          Map.entry("工作经历", "experience"),
          Map.entry("期望工种", "desiredOccupations"),
          Map.entry("最低期望月薪", "minWage"),
          Map.entry("可接受工作时间", "acceptableSchedules"),
          Map.entry("愿意外出务工", "willingOutside"),
          Map.entry("持有证书", "licences"),
          Map.entry("困难类别", "difficultyCategories"),
          Map.entry("困难说明", "difficultyNote"),
          Map.entry("残疾说明", "disabilityNote"),
          Map.entry("登记失业日期", "unemployedSince"),
          Map.entry("状态", "status"),
          Map.entry("确认非重复", "confirmedNotDuplicate"));

  private static final Map<String, JobseekerStatus> STATUS_LABELS =
      Map.of(
          "求职中", JobseekerStatus.SEEKING,
          "已推荐", JobseekerStatus.REFERRED,
          "已就业", JobseekerStatus.EMPLOYED,
          "暂停", JobseekerStatus.INACTIVE);

  private JobseekerCsv() {}

  /** How an import reads profiles. */
  public static ImportSheet<JobseekerRequest> sheet(CommunityService communities) {
    return new ImportSheet<>(JobseekerRequest.class, ALIASES, row -> read(row, communities));
  }

  /**
   * The template. Its example resident lives in the caller's community and has no ID number (gender
   * and birth year instead), and confirms it is no duplicate (确认非重复: 是), so the example imports as
   * it stands, as often as asked; a real row leaves that cell empty until the duplicate guard has
   * named the residents it may repeat.
   */
  public static ImportTemplate template(String community, LocalDate today) {
    return new ImportTemplate(
        "求职居民导入模板",
        "jobseekers-template",
        "求职居民",
        ImportTemplate.example(
            "姓名", "张三",
            "性别", "男",
            "身份证号", "",
            "出生年份", today.getYear() - 52,
            "联系电话", "13800000000",
            "社区", community,
            "学历", "初中",
            "技能", "电工;驾驶",
            "工作经历", "在钢厂做过十年电工",
            "期望工种", "电工",
            "最低期望月薪", 3000,
            "可接受工作时间", "全职;倒班",
            "愿意外出务工", "否",
            "持有证书", "电工证",
            "困难类别", "4050",
            "困难说明", "",
            "残疾说明", "",
            "登记失业日期", today.minusMonths(2),
            "状态", "求职中",
            "确认非重复", "是"));
  }

  /** Reads one row; the community may be given by id or by name. */
  static JobseekerRequest read(RowReader row, CommunityService communities) {
    return new JobseekerRequest(
        row.text("name"),
        row.choice("gender", Gender.class, Gender.LABELS),
        row.text("idNumber") == null ? null : row.text("idNumber").toUpperCase(),
        row.integer("birthYear"),
        row.text("phone"),
        communities.idFromRow(row, "communityId", "community"),
        row.choice("education", Education.class, Education.LABELS),
        row.list("skills"),
        row.text("experience"),
        row.list("desiredOccupations"),
        row.integer("minWage"),
        row.choices("acceptableSchedules", Schedule.class, Schedule.LABELS),
        row.bool("willingOutside"),
        row.list("licences"),
        row.choices("difficultyCategories", DifficultyCategory.class, DifficultyCategory.LABELS),
        row.text("difficultyNote"),
        row.text("disabilityNote"),
        row.date("unemployedSince"),
        row.choice("status", JobseekerStatus.class, STATUS_LABELS),
        row.bool("confirmedNotDuplicate"),
        null);
  }
}
