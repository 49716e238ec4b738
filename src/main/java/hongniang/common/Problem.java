package hongniang.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The RFC 7807 body of every error response; {@code errors} names each field and rule. {@code
 * detailText}, never sent, is what the detail says apart from its language; the web layer renders
 * title, detail and messages in the caller's language before the body leaves. {@code candidates},
 * an extension member, lists what a conflict is about for the client to act on (the possible
 * duplicates of a resident being registered); absent otherwise.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    @JsonIgnore @Nullable MessageKey detailText,
    @Nullable List<?> candidates) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      List<FieldError> errors) {
    this(type, title, status, detail, instance, errors, null, null);
  }

  /** This problem listing what its conflict is about (none when the list is empty). */
  public Problem withCandidates(List<?> list) {
    return new Problem(
        type, title, status, detail, instance, errors, detailText, list.isEmpty() ? null : list);
  }
}
