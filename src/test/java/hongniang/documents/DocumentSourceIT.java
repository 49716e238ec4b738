package hongniang.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.support.ApiTest;
import hongniang.support.Fixtures;
import hongniang.support.Reply;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The one source of rows of each index, on the migrated schema: the columns the reader reads are
 * exactly those the SQL source has (a renamed or dropped column fails here, and so does one added
 * to the source that nobody reads, such as an ID number), every read runs, and a posting read for
 * matching costs no join.
 */
@MicronautTest(transactional = false)
class DocumentSourceIT extends ApiTest {

  @Inject DocumentSource source;
  private DataSource dataSource;

  @Inject
  void pool(DataSource configured) {
    // the pool itself: these reads run outside any transaction, as the reader's do
    this.dataSource = DelegatingDataSource.unwrapDataSource(configured);
  }

  @Test
  void theSourcesHaveExactlyTheColumnsTheReaderReads() throws SQLException {
    assertEquals(
        new TreeSet<>(DocumentSource.POSTING_COLUMNS),
        columns("SELECT * FROM posting_document(current_date) LIMIT 0"));
    assertEquals(
        new TreeSet<>(DocumentSource.JOBSEEKER_COLUMNS),
        columns("SELECT * FROM jobseeker_document LIMIT 0"));
  }

  @Test
  void everyReadReturnsWhatWasStored() {
    long unit = aPartner();
    long posting = anOpenPosting(unit);
    Reply created = api().post("/api/v1/jobseekers", Fixtures.aJobseeker(4), admin());
    assertEquals(201, created.status(), created.toString());
    long jobseeker = created.num("id");

    PostingDocument full = source.postings(List.of(posting)).get(0);
    assertEquals("小区保洁员", full.title());
    assertEquals("负责小区公共区域清洁", full.description());
    assertEquals(List.of("清洁", "垃圾分类"), full.skills());
    assertEquals(LocalDate.now().plusYears(1), full.agreementUntil());
    assertFalse(full.unitName().isBlank());
    PostingDocument matched = source.matchedPosting(posting).orElseThrow();
    assertNull(matched.unitName());
    assertNull(matched.description());
    assertEquals(full.agreementUntil(), matched.agreementUntil());
    assertEquals(full.createdAt(), matched.createdAt());
    assertEquals(
        List.of(posting),
        source.matchedPostings(List.of(posting)).stream().map(PostingDocument::id).toList());
    assertEquals(List.of(posting), source.postingIdsOfUnits(List.of(unit)));
    assertTrue(source.openPostingIdsWithPlaces(10_000).contains(posting));
    List<Long> open = new ArrayList<>();
    source.eachOpenPosting(r -> open.add(r.id()));
    assertTrue(open.contains(posting));
    List<String> titles = new ArrayList<>();
    source.eachOpenTitle((title, occupation) -> titles.add(title + "/" + occupation));
    assertTrue(titles.contains("小区保洁员/保洁员"), titles.toString());

    JobseekerDocument resident = source.jobseeker(jobseeker).orElseThrow();
    assertEquals(List.of("保洁员", "家政服务员"), resident.desiredOccupations());
    assertEquals(4, resident.communityId());
    assertEquals(resident, source.jobseekers(List.of(jobseeker)).get(0));
    assertTrue(source.seekingJobseekerIds(4L, 100_000).contains(jobseeker));
    assertFalse(source.seekingJobseekerIds(5L, 100_000).contains(jobseeker));
    List<Long> all = new ArrayList<>();
    source.eachJobseeker(r -> all.add(r.id()));
    assertTrue(all.contains(jobseeker));
  }

  @Test
  void theAgreementIsTheLastActiveOneSignedByToday() {
    long unit = aUnit();
    LocalDate today = LocalDate.now();
    assertEquals(201, sign(unit, 4, today.minusYears(2), today.minusYears(1)).status());
    assertEquals(201, sign(unit, 4, today.minusMonths(1), today.plusMonths(6)).status());
    // signed for the future: not valid yet, so it does not count today
    assertEquals(201, sign(unit, 4, today.plusDays(3), today.plusYears(3)).status());
    long posting = anOpenPosting(unit);
    assertEquals(
        today.plusMonths(6), source.matchedPosting(posting).orElseThrow().agreementUntil());
    long draft = aDraft(aUnit());
    assertNull(source.matchedPosting(draft).orElseThrow().agreementUntil());
  }

  /** The function is inlined: read by id through the primary key, and no unit joined for it. */
  @Test
  void aPostingReadForMatchingUsesTheKeyAndSkipsTheUnit() throws SQLException {
    String plan = plan(DocumentSource.MATCHED_POSTINGS + " WHERE id = ?");
    assertTrue(plan.contains("using posting_pkey on posting"), plan);
    assertFalse(plan.contains(" on partner_unit "), plan);
    String many = plan(DocumentSource.MATCHED_POSTINGS + " WHERE id = ANY (?)");
    assertFalse(many.contains(" on partner_unit "), many);
    String shown = plan(DocumentSource.POSTINGS + " WHERE id = ?");
    assertTrue(shown.contains(" on partner_unit "), shown);
  }

  private Set<String> columns(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      Set<String> out = new TreeSet<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        out.add(meta.getColumnName(i));
      }
      return out;
    }
  }

  private String plan(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      ps.setObject(1, LocalDate.now());
      if (sql.contains("ANY")) {
        ps.setArray(2, c.createArrayOf("bigint", new Long[] {1L, 2L}));
      } else {
        ps.setLong(2, 1L);
      }
      StringBuilder out = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.append(rs.getString(1)).append('\n');
        }
      }
      return out.toString();
    }
  }
}
