package hongniang.postings;

import hongniang.common.Education;
import hongniang.common.Schedule;
import hongniang.partners.PartnerService;
import hongniang.screening.Finding;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A posting as the API shows it. It holds no personal data. Staff and employers also see what
 * screening finds in its texts ({@code findings}: where, which category, how weighty, the legal
 * basis and a rewording) and where it stands ({@code review}); residents see neither. Names stand
 * beside ids ({@code unitName}, {@code workCommunityName}); {@code contact} says how to reach the
 * work: for a resident, through their community's matchmaker; for staff and the employer, the
 * unit's contact. An open posting past {@code validThrough} reads {@code EXPIRED}. {@code
 * filledCount} counts placements; {@code version} is raised by every write, and is the ETag that
 * {@code If-Match} names.
 */
@Serdeable
public record PostingView(
    Long id,
    Long partnerUnitId,
    String unitName,
    String title,
    String description,
    String occupation,
    List<String> skills,
    int headcount,
    int filledCount,
    int remaining,
    int wageMin,
    int wageMax,
    String wageNote,
    Schedule schedule,
    Long workCommunityId,
    String workCommunityName,
    boolean outsideDistrict,
    String city,
    Integer minAge,
    Integer maxAge,
    Education minEducation,
    List<String> requiredLicences,
    boolean publicWelfare,
    boolean accommodation,
    boolean disabilityFriendly,
    LocalDate validThrough,
    PostingStatus status,
    long version,
    List<Finding> findings,
    ReviewView review,
    Contact contact,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * How to reach the work: a contact (staff and employers only) and a sentence in both languages.
   */
  @Serdeable
  public record Contact(String person, String phone, String address, String zh, String en) {

    /** What a resident does: ask their matchmaker, who refers them. */
    static final Contact THROUGH_MATCHMAKER =
        new Contact(
            null,
            null,
            null,
            "请联系您所在社区的就业服务专员（红娘）推荐；登录后也可以在岗位页点“我感兴趣”",
            "Ask your community's matchmaker to refer you; signed in, you can also say you are"
                + " interested on the posting's page");

    static Contact of(PartnerService.UnitCard unit) {
      if (unit == null) {
        return null;
      }
      String person = unit.contactPerson() == null ? "" : unit.contactPerson();
      String phone = unit.contactPhone() == null ? "" : unit.contactPhone();
      return new Contact(
          unit.contactPerson(),
          unit.contactPhone(),
          unit.address(),
          ("联系人 " + person + " " + phone).strip(),
          ("Contact " + person + " " + phone).strip());
    }
  }

  /** What a view shows beside ids, read once for a page: units, communities, today, the viewer. */
  record Shown(
      Map<Long, PartnerService.UnitCard> units,
      Map<Long, String> communities,
      LocalDate today,
      boolean resident) {}

  /** The view of a posting with its review, or without one (null) for a resident. */
  static PostingView of(Posting p, PostingScreening.Review review, Shown shown) {
    PartnerService.UnitCard unit = shown.units().get(p.partnerUnitId());
    boolean expired = p.status() == PostingStatus.OPEN && p.validThrough().isBefore(shown.today());
    return new PostingView(
        p.id(),
        p.partnerUnitId(),
        unit == null ? null : unit.name(),
        p.title(),
        p.description(),
        p.occupation(),
        List.of(p.skills()),
        p.headcount(),
        p.filledCount(),
        p.headcount() - p.filledCount(),
        p.wageMin(),
        p.wageMax(),
        p.wageNote(),
        p.schedule(),
        p.workCommunityId(),
        p.workCommunityId() == null ? null : shown.communities().get(p.workCommunityId()),
        p.workCommunityId() == null,
        p.city(),
        p.minAge(),
        p.maxAge(),
        p.minEducation(),
        List.of(p.requiredLicences()),
        p.publicWelfare(),
        p.accommodation(),
        p.disabilityFriendly(),
        p.validThrough(),
        expired ? PostingStatus.EXPIRED : p.status(),
        p.version(),
        review == null ? List.of() : review.screening().findings(),
        review == null ? null : review.view(),
        shown.resident() ? Contact.THROUGH_MATCHMAKER : Contact.of(unit),
        p.createdAt(),
        p.updatedAt());
  }
}
