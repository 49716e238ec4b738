package hongniang.security;

import io.micronaut.security.authentication.Authentication;
import java.util.Map;

/** The authenticated caller and what they are bound to. */
public record Caller(
    String username, Role role, Long communityId, Long partnerUnitId, Long jobseekerId) {

  public static final String COMMUNITY = "communityId";
  public static final String PARTNER_UNIT = "partnerUnitId";
  public static final String JOBSEEKER = "jobseekerId";

  /** Reads the caller from a validated token's roles and claims. */
  public static Caller of(Authentication authentication) {
    Role role =
        authentication.getRoles().stream()
            .map(Role::valueOf)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("a token without a role"));
    Map<String, Object> attributes = authentication.getAttributes();
    return new Caller(
        authentication.getName(),
        role,
        asLong(attributes.get(COMMUNITY)),
        asLong(attributes.get(PARTNER_UNIT)),
        asLong(attributes.get(JOBSEEKER)));
  }

  private static Long asLong(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s && !s.isBlank()) {
      return Long.valueOf(s);
    }
    return null;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  public boolean isMatchmaker() {
    return role == Role.MATCHMAKER;
  }

  public boolean isEmployer() {
    return role == Role.EMPLOYER;
  }

  public boolean isResident() {
    return role == Role.RESIDENT;
  }

  /** Admins see every community; a matchmaker sees their own. */
  public boolean seesCommunity(Long id) {
    return isAdmin() || (isMatchmaker() && communityId != null && communityId.equals(id));
  }

  /** Staff are admins and matchmakers. */
  public boolean isStaff() {
    return isAdmin() || isMatchmaker();
  }
}
