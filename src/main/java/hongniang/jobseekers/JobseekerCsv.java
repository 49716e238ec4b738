package hongniang.jobseekers;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Gender;
import hongniang.common.RowReader;
import hongniang.common.Schedule;
import hongniang.communities.CommunityService;
import java.util.Map;
import java.util.Set;

/** The CSV shape of a profile: the JSON field names, or the Chinese headers offices use. */
final class JobseekerCsv {

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
          Map.entry("状态", "status"));

  static final Set<String> COLUMNS = Set.copyOf(ALIASES.values());

  private static final Map<String, JobseekerStatus> STATUS_LABELS =
      Map.of(
          "求职中", JobseekerStatus.SEEKING,
          "已推荐", JobseekerStatus.REFERRED,
          "已就业", JobseekerStatus.EMPLOYED,
          "暂停", JobseekerStatus.INACTIVE);

  private JobseekerCsv() {}

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
        row.choice("status", JobseekerStatus.class, STATUS_LABELS));
  }
}
