package hongniang.common;

import java.util.List;

/**
 * A request the service refuses, carried to the edge and rendered as RFC 7807 problem+json. The
 * status is an HTTP status code; nothing has been stored when it is thrown inside a transaction.
 */
public class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final transient List<FieldError> errors;

  public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** 400: one field broke one rule. */
  public static ApiProblem invalid(String field, String rule, String message) {
    return invalid(List.of(new FieldError(field, rule, message)));
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

  /** 404: it does not exist, or the caller may not see it (the two are not told apart). */
  public static ApiProblem notFound(String what, Object id) {
    return new ApiProblem(404, "Not found", what + " " + id + " was not found", List.of());
  }

  /** 409: the request is valid but clashes with what is stored. */
  public static ApiProblem conflict(String field, String rule, String message) {
    return new ApiProblem(409, "Conflict", message, List.of(new FieldError(field, rule, message)));
  }

  /** 403: the caller is known but this action is not theirs to take. */
  public static ApiProblem forbidden(String message) {
    return new ApiProblem(403, "Forbidden", message, List.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
