package hongniang.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creating requests: a client that retries a POST (a timeout, a lost
 * reply) with the same key gets the first result instead of a second record. Call {@link #once}
 * first thing in the {@code @Transactional} service method that creates, with the key of the
 * request's header; a controller reads it with {@code @Nullable @Header(Idempotency.HEADER)}.
 *
 * <p>The first request under a key inserts the key's row in table {@code idempotency_key}
 * (migration V10) before it creates, and stores the result as JSON beside it in the same
 * transaction. A concurrent request with the same key waits on the row's unique index until the
 * first commits, then reads the stored result: two requests never both create. If the first fails,
 * its transaction takes the row with it, so the key is free again and the next request under it is
 * a first request, whatever its body. Keys are remembered for {@link #RETENTION} (24 hours): an
 * older row is replaced by the next request under its key, and rows are pruned every hour.
 *
 * <p>A replayed result is marked on the current HTTP request; {@code web.IdempotencyReplayFilter}
 * then answers with the header {@code Idempotent-Replayed: true}, with the first response's status
 * and body as the controller builds them again from the result.
 */
@Singleton
public class Idempotency {

  /** The request header that carries the key. */
  public static final String HEADER = "Idempotency-Key";

  /** The response header of a replayed result. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  /** The request attribute that marks a replayed result for the response. */
  public static final String REPLAYED_ATTRIBUTE = "hongniang.idempotency.replayed";

  /** How long a key is remembered. */
  public static final Duration RETENTION = Duration.ofHours(24);

  private static final Pattern KEY = Pattern.compile("[!-~]{1,200}");

  private final JdbcOperations jdbc;
  private final JsonMapper json;
  private final Clock clock;

  Idempotency(JdbcOperations jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Runs {@code create} once per (username, key, scope). A retry with the same key and an equal
   * request returns the first result (deserialised as {@code resultType}); the same key with
   * another request is a 422 (field {@code Idempotency-Key}, rule {@code IdempotencyKey}). A null
   * key just runs create; a key that is not 1 to 200 visible ASCII characters is a 400 (same field
   * and rule). Joins the caller's transaction: if create fails, nothing is remembered.
   *
   * <p>{@code scope} names the operation, and the resource it acts on when the path has one ({@code
   * "referrals/12/transitions"}), so one key cannot replay another endpoint's result. {@code
   * request} is what makes two requests equal: the body, and whatever else of the request create
   * reads; it is compared by the SHA-256 of its JSON. Everything the request writes belongs inside
   * {@code create} (its audit rows and inbox messages too): on a replay only the result comes back,
   * and what the caller does after {@code once} would be done again.
   */
  @Transactional
  public <T> T once(
      @Nullable String key,
      String username,
      String scope,
      Object request,
      Class<T> resultType,
      Supplier<T> create) {
    if (key == null) {
      return create.get();
    }
    if (!KEY.matcher(key).matches()) {
      throw ApiProblem.invalid(
          new FieldError(HEADER, "IdempotencyKey", "must be 1 to 200 visible ASCII characters")
              .with("max", 200));
    }
    byte[] hash = sha256(write(request));
    Instant now = clock.instant();
    // a key older than the retention is free again: its row makes way for this request
    jdbc.prepareStatement(
        "DELETE FROM idempotency_key WHERE username = ? AND scope = ? AND key = ?"
            + " AND created_at < ?",
        ps -> {
          bindKey(ps, 1, username, scope, key);
          ps.setTimestamp(4, Timestamp.from(now.minus(RETENTION)));
          return ps.executeUpdate();
        });
    // waits here while another transaction holds the same key, until it commits or rolls back
    int inserted =
        jdbc.prepareStatement(
            "INSERT INTO idempotency_key (username, scope, key, request_hash, created_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            ps -> {
              bindKey(ps, 1, username, scope, key);
              ps.setBytes(4, hash);
              ps.setTimestamp(5, Timestamp.from(now));
              return ps.executeUpdate();
            });
    if (inserted == 1) {
      T result = create.get();
      jdbc.prepareStatement(
          "UPDATE idempotency_key SET result = CAST(? AS jsonb)"
              + " WHERE username = ? AND scope = ? AND key = ?",
          ps -> {
            ps.setString(1, new String(write(result), StandardCharsets.UTF_8));
            bindKey(ps, 2, username, scope, key);
            return ps.executeUpdate();
          });
      return result;
    }
    Stored stored = stored(username, scope, key);
    if (!Arrays.equals(stored.hash(), hash)) {
      throw new ApiProblem(
          422,
          "Unprocessable Content",
          "Idempotency-Key " + key + " was used for another request",
          List.of(
              new FieldError(HEADER, "IdempotencyKey", "the key was used for another request")
                  .saying("rule.IdempotencyKey.reused")));
    }
    ServerRequestContext.currentRequest()
        .ifPresent(r -> r.setAttribute(REPLAYED_ATTRIBUTE, Boolean.TRUE));
    return read(stored.result(), resultType);
  }

  /** Forgets keys older than the retention. */
  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  @Transactional
  public void prune() {
    jdbc.prepareStatement(
        "DELETE FROM idempotency_key WHERE created_at < ?",
        ps -> {
          ps.setTimestamp(1, Timestamp.from(clock.instant().minus(RETENTION)));
          return ps.executeUpdate();
        });
  }

  private record Stored(byte[] hash, String result) {}

  private Stored stored(String username, String scope, String key) {
    return jdbc.prepareStatement(
        "SELECT request_hash, result::text FROM idempotency_key"
            + " WHERE username = ? AND scope = ? AND key = ?",
        ps -> {
          bindKey(ps, 1, username, scope, key);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              // inserted by none and found by none: only a prune racing the insert can do this
              throw new IllegalStateException("idempotency key vanished: " + scope);
            }
            return new Stored(rs.getBytes(1), rs.getString(2));
          }
        });
  }

  /** Binds the key's three columns from parameter {@code first} on. */
  private static void bindKey(
      PreparedStatement ps, int first, String username, String scope, String key)
      throws SQLException {
    ps.setString(first, username);
    ps.setString(first + 1, scope);
    ps.setString(first + 2, key);
  }

  private byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return text == null ? null : json.readValue(text, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
