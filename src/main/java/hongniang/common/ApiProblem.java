package hongniang.common;

import java.util.List;

/**
 * A request the service refuses, carried to the edge and rendered as RFC 7807 problem+json in the
 * caller's language. The status is an HTTP status code; nothing has been stored when it is thrown
 * inside a transaction. The exception's message is English for the log; what the caller reads comes
 * from {@link #detailText()} or, when that is null, from the field errors.
 */
public class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final transient MessageKey detailText;
  private final transient List<FieldError> errors;
  private final transient List<?> candidates;

  public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
    this(status, title, null, detail, errors);
  }

  /** A problem whose detail the caller reads as {@code detailText} in their language. */
  public ApiProblem(
      int status, String title, MessageKey detailText, String detail, List<FieldError> errors) {
    this(status, title, detailText, detail, errors, List.of());
  }

  private ApiProblem(
      int status,
      String title,
      MessageKey detailText,
      String detail,
      List<FieldError> errors,
      List<?> candidates) {
    super(detail);
    this.status = status;
    this.title = title;
    this.detailText = detailText;
    this.errors = List.copyOf(errors);
    this.candidates = List.copyOf(candidates);
  }

  /** 400: one field broke one rule. */
  public static ApiProblem invalid(String field, String rule, String message) {
    return invalid(new FieldError(field, rule, message));
  }

  /** 400: one field broke one rule, told with the error's own arguments. */
  public static ApiProblem invalid(FieldError error) {
    return invalid(List.of(error));
  }

  /** 400: several fields broke rules. */
  public static ApiProblem invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return new ApiProblem(400, "Invalid request", detail, errors);
  }

  /** Throws a 400 naming every error, if there are any. */
  public static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
  }

  /**
   * 404: it does not exist, or the caller may not see it (the two are not told apart). {@code what}
   * is a thing the bundles name, {@code thing.<what>} with spaces as dashes ("partner unit").
   */
  public static ApiProblem notFound(String what, Object id) {
    MessageKey text =
        MessageKey.of("problem.notFound")
            .with("what", MessageKey.of("thing." + what.replace(' ', '-')))
            .with("id", String.valueOf(id));
    return new ApiProblem(404, "Not found", text, what + " " + id + " was not found", List.of());
  }

  /** 422: the request is well formed but asks for what the rules do not allow (each rule named). */
  public static ApiProblem unprocessable(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " rules are broken";
    return new ApiProblem(422, "Unprocessable", detail, errors);
  }

  /** 409: the request is valid but clashes with what is stored. */
  public static ApiProblem conflict(String field, String rule, String message) {
    return conflict(new FieldError(field, rule, message));
  }

  /** 409: the request is valid but clashes with what is stored, told with the error's arguments. */
  public static ApiProblem conflict(FieldError error) {
    return new ApiProblem(409, "Conflict", error.message(), List.of(error));
  }

  /**
   * 409: the request is valid but may repeat what is stored; {@code candidates} (records the caller
   * may be shown) go to the client beside the error, to choose among.
   */
  public static ApiProblem conflict(FieldError error, List<?> candidates) {
    return new ApiProblem(409, "Conflict", null, error.message(), List.of(error), candidates);
  }

  /**
   * 403: the caller is known but this action is not theirs to take; {@code key} names the reason in
   * the bundles, {@code message} is the English for the log.
   */
  public static ApiProblem forbidden(MessageKey reason, String message) {
    return new ApiProblem(403, "Forbidden", reason, message, List.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The detail as the caller reads it, or null when the field errors tell it. */
  public MessageKey detailText() {
    return detailText;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** What a conflict is about, for the client to act on; empty for most problems. */
  public List<?> candidates() {
    return candidates;
  }
}
