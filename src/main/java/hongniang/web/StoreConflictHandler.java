package hongniang.web;

import hongniang.common.FieldError;
import hongniang.common.Problem;
import hongniang.common.RowVersions;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's own checks are the last line: a unique, foreign-key or check violation that
 * slipped past the services' validation becomes a 409/400, never a 500, and so does a versioned
 * write that lost a race (409 ConcurrentChange). Nothing was stored: the transaction rolled back.
 * The errors name no field (the database does not know the request's), so their messages are the
 * bundles' {@code rule.<rule>.record}.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
public class StoreConflictHandler
    implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

  private static final Logger LOG = LoggerFactory.getLogger(StoreConflictHandler.class);

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
    if (exception instanceof OptimisticLockException) {
      // a versioned write that lost a race, which its service did not name: nothing was stored
      var lost = RowVersions.lostRace("record", null, () -> 0);
      return Problems.response(
          request, lost.status(), lost.title(), lost.getMessage(), lost.errors());
    }
    String state = sqlState(exception);
    if (state == null) {
      LOG.error("Store failure on {} {}", request.getMethod(), request.getPath(), exception);
      return Problems.response(
          request, 500, "Internal Server Error", "The request could not be stored", List.of());
    }
    return switch (state) {
      case "23505" ->
          Problems.response(
              request,
              409,
              "Conflict",
              "A record with the same unique value exists",
              List.of(new FieldError("", "Unique", "already exists")));
      case "23503" ->
          Problems.response(
              request,
              409,
              "Conflict",
              "The record refers to, or is referred to by, another record",
              List.of(new FieldError("", "Reference", "referenced record missing or in use")));
      case "23514", "23502", "22001", "22003" ->
          Problems.response(
              request,
              400,
              "Invalid request",
              "A value breaks a storage rule",
              List.of(new FieldError("", "Check", "value out of range")));
      default -> {
        LOG.error("Store failure {} on {} {}", state, request.getMethod(), request.getPath());
        yield Problems.response(
            request, 500, "Internal Server Error", "The request could not be stored", List.of());
      }
    };
  }

  private static String sqlState(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
