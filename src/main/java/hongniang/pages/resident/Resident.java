package hongniang.pages.resident;

import hongniang.common.ApiProblem;
import hongniang.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

/** What every resident page needs first: the signed-in resident and their profile's id. */
final class Resident {

  private Resident() {}

  /** The caller's profile id; a resident account bound to no profile sees the 404 page. */
  static long profile(Caller caller) {
    if (caller.jobseekerId() == null) {
      throw ApiProblem.notFound("jobseeker", "-");
    }
    return caller.jobseekerId();
  }

  static Caller caller(Authentication auth) {
    return Caller.of(auth);
  }

  /** A number from a path or form, or null when it is not one (a friendly 404 follows). */
  static @Nullable Long id(@Nullable String text) {
    return text != null && text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
  }
}
