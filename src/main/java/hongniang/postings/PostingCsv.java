package hongniang.postings;

import hongniang.common.Education;
import hongniang.common.RowReader;
import hongniang.common.Schedule;
import hongniang.communities.CommunityService;
import java.util.Map;
import java.util.Set;

/** The CSV shape of a posting: the JSON field names, or the Chinese headers offices use. */
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

  static final Set<String> COLUMNS = Set.copyOf(ALIASES.values());

  private PostingCsv() {}

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
