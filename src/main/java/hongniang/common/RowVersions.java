package hongniang.common;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row versions as HTTP entity tags: a row's {@code version} is its ETag, and a write that names a
 * version in {@code If-Match} is refused (412) when the row has moved on since. The database keeps
 * the version ({@code version = version + 1} on every write, the write conditional on the version
 * read); this class only speaks HTTP about it.
 */
public final class RowVersions {

  /** One entity tag of a list: optionally weak, then a quoted text without quotes or spaces. */
  private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"([\\x21\\x23-\\x7e]*)\"\\s*");

  private RowVersions() {}

  /** The ETag header value of a row version: the version in double quotes. */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /**
   * Throws a 412 ApiProblem (field "If-Match", rule "IfMatch", naming the current version) when
   * ifMatch is present and names another version; null or blank passes; "*" passes. Weak tags W/"3"
   * compare as "3". A malformed value is a 400 with rule "IfMatch".
   */
  public static void check(@Nullable String ifMatch, long current) {
    ApiProblem stale = stale(ifMatch, current);
    if (stale != null) {
      throw stale;
    }
  }

  /**
   * What a write that lost a race answers, having stored nothing: the row's version moved between
   * its read and its conditional write. With an {@code If-Match} naming a version, the 412 of
   * {@link #check} naming the version now current; without one, a 409 with rule {@code
   * ConcurrentChange}. {@code what} is a thing the bundles name, as for {@link
   * ApiProblem#notFound}; {@code current} reads the row's version again.
   */
  public static ApiProblem lostRace(String what, @Nullable String ifMatch, LongSupplier current) {
    if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
      ApiProblem stale = stale(ifMatch, current.getAsLong());
      if (stale != null) {
        return stale;
      }
    }
    return ApiProblem.conflict(
        new FieldError(
                "version",
                "ConcurrentChange",
                "the " + what + " changed while you were saving; read it again")
            .with("what", MessageKey.of("thing." + what.replace(' ', '-'))));
  }

  /** The 412 (or the 400 of a malformed value) that {@link #check} throws, or null. */
  private static ApiProblem stale(@Nullable String ifMatch, long current) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String wanted = String.valueOf(current);
    boolean matches = false;
    // If-Match may list several tags ("2", "3"): any one of them passes
    for (String tag : ifMatch.split(",", -1)) {
      Matcher m = TAG.matcher(tag);
      if (!m.matches()) {
        return ApiProblem.invalid(
            new FieldError(
                    "If-Match",
                    "IfMatch",
                    "If-Match must be the ETag of the row as read, a version in double quotes")
                .saying("rule.IfMatch.malformed"));
      }
      matches |= m.group(1).equals(wanted);
    }
    if (matches) {
      return null;
    }
    FieldError error =
        new FieldError(
                "If-Match",
                "IfMatch",
                "the record has changed since it was read: it is now version "
                    + current
                    + "; read it again")
            .with("current", current);
    return new ApiProblem(412, "Precondition failed", error.message(), List.of(error));
  }
}
