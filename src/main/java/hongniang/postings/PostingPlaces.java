package hongniang.postings;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A posting's places, taken by hires and given back by cancelled placements. The database decides:
 * one conditional UPDATE takes a place only while one is left and the posting takes hires, so 200
 * hires racing for the last place are one success and 199 refusals, whatever the threads do.
 * Postgres' row lock orders the racers; each one re-reads the row as the winner left it. Every
 * method joins the caller's transaction, so a hire that fails later gives its place back by rolling
 * back.
 */
@Singleton
public class PostingPlaces {

  /** The statuses that take hires: a paused posting still hires those it interviewed. */
  private static final String TAKES_HIRES = "('OPEN', 'PAUSED')";

  private static final String COLUMNS = "id, partner_unit_id, filled_count, headcount, status";

  private final JdbcOperations jdbc;

  PostingPlaces(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** A posting's places after a place was taken or given back. */
  public record Taken(
      long postingId, long partnerUnitId, int filledCount, int headcount, PostingStatus status) {}

  /** What a hire needs to know of a posting before it takes a place: read without a lock. */
  public record Opening(
      long id,
      long partnerUnitId,
      String unitName,
      String title,
      boolean publicWelfare,
      PostingStatus status,
      int filledCount,
      int headcount) {

    boolean takesHires() {
      return (status == PostingStatus.OPEN || status == PostingStatus.PAUSED)
          && filledCount < headcount;
    }
  }

  /**
   * The posting as a hire sees it now; 404 when there is none, 409 when it takes no hire now (as
   * {@link #take} would say). Only a look: {@link #take} decides.
   */
  @Transactional
  public Opening opening(long postingId) {
    Opening o =
        jdbc.prepareStatement(
            "SELECT p.id, p.partner_unit_id, u.name, p.title, p.public_welfare, p.status,"
                + " p.filled_count, p.headcount"
                + " FROM posting p JOIN partner_unit u ON u.id = p.partner_unit_id WHERE p.id = ?",
            ps -> {
              ps.setLong(1, postingId);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                    ? new Opening(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        PostingStatus.valueOf(rs.getString(6)),
                        rs.getInt(7),
                        rs.getInt(8))
                    : null;
              }
            });
    if (o == null) {
      throw ApiProblem.notFound("posting", postingId);
    }
    if (!o.takesHires()) {
      throw refusal(postingId, o.status(), o.filledCount(), o.headcount());
    }
    return o;
  }

  /**
   * Takes one place of an open or paused posting in one statement: the count rises by one and the
   * last place sets the posting FILLED (so it leaves search and matching), its version rises. 409
   * {@code NoPlaceLeft} when the posting is full or FILLED, 409 {@code PostingNotOpen} when it is a
   * draft, in review or closed, 404 when there is no such posting.
   */
  @Transactional
  public Taken take(long postingId) {
    Optional<Taken> taken =
        update(
            "UPDATE posting SET filled_count = filled_count + 1,"
                + " status = CASE WHEN filled_count + 1 >= headcount THEN 'FILLED' ELSE status END,"
                + " version = version + 1, updated_at = now()"
                + " WHERE id = ? AND filled_count < headcount AND status IN "
                + TAKES_HIRES
                + " RETURNING "
                + COLUMNS,
            postingId);
    return taken.orElseThrow(() -> whyNoPlace(postingId));
  }

  /**
   * Gives one place back (a placement recorded in error was cancelled): the count falls by one. A
   * posting FILLED by its count (every place taken) opens again, since it was full only because of
   * the place now free; one FILLED with places left was marked so by its fill action ("no more
   * wanted") and stays FILLED, as a paused or closed one keeps its status. Empty when the posting
   * has no place taken (its count was set to 0 by hand): the count never goes below zero.
   */
  @Transactional
  public Optional<Taken> release(long postingId) {
    return update(
        "UPDATE posting SET filled_count = filled_count - 1,"
            + " status = CASE WHEN status = 'FILLED' AND filled_count >= headcount THEN 'OPEN'"
            + " ELSE status END,"
            + " version = version + 1, updated_at = now()"
            + " WHERE id = ? AND filled_count > 0"
            + " RETURNING "
            + COLUMNS,
        postingId);
  }

  private Optional<Taken> update(String sql, long postingId) {
    return Optional.ofNullable(
        jdbc.prepareStatement(
            sql,
            ps -> {
              ps.setLong(1, postingId);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? taken(rs) : null;
              }
            }));
  }

  private static Taken taken(ResultSet rs) throws SQLException {
    return new Taken(
        rs.getLong(1),
        rs.getLong(2),
        rs.getInt(3),
        rs.getInt(4),
        PostingStatus.valueOf(rs.getString(5)));
  }

  /** Why no place was taken, read after the refusal: the posting as the winner left it. */
  private ApiProblem whyNoPlace(long postingId) {
    return jdbc.prepareStatement(
        "SELECT status, filled_count, headcount FROM posting WHERE id = ?",
        ps -> {
          ps.setLong(1, postingId);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? refusal(
                    postingId, PostingStatus.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3))
                : ApiProblem.notFound("posting", postingId);
          }
        });
  }

  private static ApiProblem refusal(
      long postingId, PostingStatus status, int filled, int headcount) {
    boolean hiring = status == PostingStatus.OPEN || status == PostingStatus.PAUSED;
    if (status == PostingStatus.FILLED || (hiring && filled >= headcount)) {
      return ApiProblem.conflict(
          new FieldError(
                  "postingId",
                  "NoPlaceLeft",
                  "posting " + postingId + " has no place left: " + filled + " of " + headcount)
              .with("filled", filled)
              .with("headcount", headcount));
    }
    return ApiProblem.conflict(
        new FieldError(
                "postingId",
                "PostingNotOpen",
                "posting " + postingId + " is " + status + ": no hires")
            .with("status", status));
  }
}
