package hongniang.search.query;

import java.util.List;

/**
 * A posting search: text, filters (null means any), sort and page. {@code heldLicences}, when
 * given, keeps only postings whose every required licence is among them.
 */
public record PostingQuery(
    String q,
    Long communityId,
    Boolean outsideDistrict,
    String city,
    String schedule,
    Integer wageFrom,
    Integer wageTo,
    Boolean publicWelfare,
    Boolean accommodation,
    Boolean disabilityFriendly,
    List<String> heldLicences,
    String group,
    Long partnerUnitId,
    String sort,
    Integer page,
    Integer size) {}
