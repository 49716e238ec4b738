package hongniang.postings;

import hongniang.common.Education;
import hongniang.common.ImportSheet;
import hongniang.common.ImportTemplate;
import hongniang.common.RowReader;
import hongniang.common.Schedule;
import hongniang.communities.CommunityService;
import java.time.LocalDate;
import java.util.Map;

/**
 * The spreadsheet shape of a posting (CSV or XLSX): the JSON field names, or the Chinese headers
 * offices use; and its template.
 */
final class PostingCsv {

  static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("用工单位编号", "partnerUnitId"),
          Map.entry("岗位名称", "title"),
          Map.entry("岗位描述", "description"),
          Map.entry("工种", "occupation"),
          Map.entry("技能", "skills"),
          Map.entry("招聘人数", "headcount"),
          Map.entry("已招人数", "filledCount"),
          Map.entry("最低月薪", "wageMin"),
          Map.entry("最高月薪", "wageMax"),
          Map.entry("薪资说明", "wageNote"),
          Map.entry("工作时间", "schedule"),
          Map.entry("工作社区编号", "workCommunityId"),
          Map.entry("工作社区", "workCommunity"),
          Map.entry("区外工作", "outsideDistrict"),
          Map.entry("城市", "city"),
          Map.entry("最低年龄", "minAge"),
          Map.entry("最高年龄", "maxAge"),
          Map.entry("最低学历", "minEducation"),
          Map.entry("所需证书", "requiredLicences"),
          Map.entry("公益性岗位", "publicWelfare"),
          Map.entry("提供住宿", "accommodation"),
          Map.entry("残疾人友好", "disabilityFriendly"),
          Map.entry("有效期至", "validThrough"),
          Map.entry("状态", "status"));

  private PostingCsv() {}

  /** How an import reads postings. */
  static ImportSheet<PostingRequest> sheet(CommunityService communities) {
    return new ImportSheet<>(PostingRequest.class, ALIASES, row -> read(row, communities));
  }

  /**
   * The template. Its example row names a unit the caller may post for (a partner today if there is
   * one) and the caller's community, and imports as it stands: as a draft, so that an example left
   * in the file publishes nothing.
   */
  static ImportTemplate template(Long unitId, String community, LocalDate today) {
    return new ImportTemplate(
        "岗位导入模板",
        "postings-template",
        "岗位",
        ImportTemplate.example(
            "用工单位编号", unitId,
            "岗位名称", "社区保洁员",
            "岗位描述", "负责小区公共区域清扫，引导居民垃圾分类",
            "工种", "保洁员",
            "技能", "清扫;垃圾分类",
            "招聘人数", 2,
            "最低月薪", 2200,
            "最高月薪", 2600,
            "薪资说明", "包午餐",
            "工作时间", "全职",
            "工作社区", community,
            "城市", "",
            "最低年龄", 18,
            "最高年龄", 55,
            "最低学历", "初中",
            "所需证书", "",
            "公益性岗位", "否",
            "提供住宿", "否",
            "残疾人友好", "是",
            "有效期至", today.plusMonths(3),
            "状态", "草稿"));
  }

  /** Reads one row; a community may be given by id or by name. */
  static PostingRequest read(RowReader row, CommunityService communities) {
    Long communityId = communities.idFromRow(row, "workCommunityId", "workCommunity");
    return new PostingRequest(
        row.id("partnerUnitId"),
        row.text("title"),
        row.text("description"),
        row.text("occupation"),
        row.list("skills"),
        row.integer("headcount"),
        row.integer("filledCount"),
        row.integer("wageMin"),
        row.integer("wageMax"),
        row.text("wageNote"),
        row.choice("schedule", Schedule.class, Schedule.LABELS),
        communityId,
        row.text("city"),
        row.integer("minAge"),
        row.integer("maxAge"),
        row.choice("minEducation", Education.class, Education.LABELS),
        row.list("requiredLicences"),
        row.bool("publicWelfare"),
        row.bool("accommodation"),
        row.bool("disabilityFriendly"),
        row.date("validThrough"),
        row.choice(
            "status",
            PostingStatus.class,
            Map.of("草稿", PostingStatus.DRAFT, "招聘中", PostingStatus.OPEN)),
        row.bool("outsideDistrict"));
  }
}
