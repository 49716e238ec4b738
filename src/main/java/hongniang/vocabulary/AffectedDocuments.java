package hongniang.vocabulary;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The job names postings and residents use, and the search outbox rows that re-index those a new
 * reading of a name changes. The outbox's contract is that every change to what is searchable
 * writes a row; the indexer then rebuilds each document as the vocabulary now reads it.
 */
@Singleton
class AffectedDocuments {

  /** How many documents were queued for re-indexing. */
  record Queued(int postings, int jobseekers) {}

  private final JdbcOperations jdbc;

  AffectedDocuments(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Every distinct occupation name of a posting and every name a resident asks for. */
  @Transactional
  List<String> names() {
    return jdbc.prepareStatement(
        "SELECT occupation FROM posting UNION SELECT unnest(desired_occupations) FROM jobseeker",
        ps -> {
          List<String> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  /**
   * Queues the postings and residents that use one of {@code names}, and the residents whose work
   * history mentions {@code mentioned} (a local name read in histories too).
   */
  @Transactional
  Queued enqueue(Collection<String> names, String mentioned) {
    int postings =
        jdbc.prepareStatement(
            "INSERT INTO search_outbox (entity, entity_id)"
                + " SELECT 'posting', id FROM posting WHERE occupation = ANY (?)",
            ps -> {
              ps.setArray(1, array(ps, names));
              return ps.executeUpdate();
            });
    int jobseekers =
        jdbc.prepareStatement(
            "INSERT INTO search_outbox (entity, entity_id)"
                + " SELECT 'jobseeker', id FROM jobseeker"
                + " WHERE desired_occupations && ? OR strpos(experience, ?) > 0",
            ps -> {
              ps.setArray(1, array(ps, names));
              ps.setString(2, mentioned);
              return ps.executeUpdate();
            });
    return new Queued(postings, jobseekers);
  }

  private static Array array(PreparedStatement ps, Collection<String> names)
      throws java.sql.SQLException {
    return ps.getConnection().createArrayOf("text", names.toArray(String[]::new));
  }
}
