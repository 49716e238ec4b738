package hongniang.bench;

import hongniang.search.query.JobseekerQuery;
import hongniang.search.query.PostingQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same searches answered by PostgreSQL alone: {@code ILIKE '%term%'} over the same text
 * columns, backed by pg_trgm GIN indexes, plus B-tree (and GIN for arrays) indexes on the filter
 * columns; a page of 20 (newest first, as PostgreSQL has no relevance) and {@code count(*)}.
 */
final class PostgresBaseline {

  /** Index definitions; names start with bench_ so that they are plainly not the product's. */
  static final List<String> SETUP =
      List.of(
          "CREATE EXTENSION IF NOT EXISTS pg_trgm",
          // array_to_string is only STABLE; an index expression must be IMMUTABLE, and for text[]
          // it is in fact immutable
          "CREATE OR REPLACE FUNCTION bench_join(text[]) RETURNS text LANGUAGE sql IMMUTABLE"
              + " PARALLEL SAFE AS $$ SELECT array_to_string($1, ' ') $$",
          "CREATE INDEX IF NOT EXISTS bench_posting_title_trgm ON posting USING gin (title"
              + " gin_trgm_ops)",
          "CREATE INDEX IF NOT EXISTS bench_posting_occupation_trgm ON posting USING gin"
              + " (occupation gin_trgm_ops)",
          "CREATE INDEX IF NOT EXISTS bench_posting_description_trgm ON posting USING gin"
              + " (description gin_trgm_ops)",
          "CREATE INDEX IF NOT EXISTS bench_posting_skills_trgm ON posting USING gin"
              + " (bench_join(skills) gin_trgm_ops)",
          "CREATE INDEX IF NOT EXISTS bench_posting_community ON posting (work_community_id)",
          "CREATE INDEX IF NOT EXISTS bench_posting_schedule ON posting (schedule)",
          "CREATE INDEX IF NOT EXISTS bench_posting_wage_min ON posting (wage_min)",
          "CREATE INDEX IF NOT EXISTS bench_posting_wage_max ON posting (wage_max)",
          "CREATE INDEX IF NOT EXISTS bench_posting_public_welfare ON posting (public_welfare)",
          "CREATE INDEX IF NOT EXISTS bench_posting_occupation ON posting (occupation)",
          "CREATE INDEX IF NOT EXISTS bench_posting_valid_through ON posting (valid_through)",
          "CREATE INDEX IF NOT EXISTS bench_posting_created ON posting (created_at)",
          "CREATE INDEX IF NOT EXISTS bench_jobseeker_skills_trgm ON jobseeker USING gin"
              + " (bench_join(skills) gin_trgm_ops)",
          "CREATE INDEX IF NOT EXISTS bench_jobseeker_desired_trgm ON jobseeker USING gin"
              + " (bench_join(desired_occupations) gin_trgm_ops)",
          "CREATE INDEX IF NOT EXISTS bench_jobseeker_status ON jobseeker (status)",
          "CREATE INDEX IF NOT EXISTS bench_jobseeker_birth_year ON jobseeker (birth_year)",
          "CREATE INDEX IF NOT EXISTS bench_jobseeker_min_wage ON jobseeker ((coalesce(min_wage,"
              + " 0)))",
          "CREATE INDEX IF NOT EXISTS bench_jobseeker_willing_outside ON jobseeker"
              + " (willing_outside)",
          "CREATE INDEX IF NOT EXISTS bench_jobseeker_categories ON jobseeker USING gin"
              + " (difficulty_categories)",
          "CREATE INDEX IF NOT EXISTS bench_jobseeker_schedules ON jobseeker USING gin"
              + " (acceptable_schedules)",
          "CREATE INDEX IF NOT EXISTS bench_jobseeker_updated ON jobseeker (updated_at)",
          "ANALYZE posting",
          "ANALYZE jobseeker",
          "ANALYZE agreement");

  /** Open postings that search may show: valid today, of a unit with an agreement valid today. */
  static final String VISIBLE =
      "p.status = 'OPEN' AND p.valid_through >= ? AND EXISTS (SELECT 1 FROM agreement a"
          + " WHERE a.partner_unit_id = p.partner_unit_id AND a.status = 'ACTIVE'"
          + " AND a.signed_on <= ? AND a.valid_until >= ?)";

  private static final String POSTING_TEXT =
      " AND (p.title ILIKE ? OR p.occupation ILIKE ? OR bench_join(p.skills) ILIKE ?"
          + " OR p.description ILIKE ?)";

  private static final String JOBSEEKER_TEXT =
      " AND (bench_join(j.skills) ILIKE ? OR bench_join(j.desired_occupations) ILIKE ?)";

  /** A page of ids and the total. */
  record Answer(long total, List<Long> ids) {}

  private final Connection connection;
  private final LocalDate today;
  private final Map<String, List<String>> occupationsByGroup;

  PostgresBaseline(
      Connection connection, LocalDate today, Map<String, List<String>> occupationsByGroup)
      throws SQLException {
    this.connection = connection;
    this.today = today;
    this.occupationsByGroup = occupationsByGroup;
    try (Statement s = connection.createStatement()) {
      // plan each query for its own values, as an ad-hoc search would be; a generic plan cached
      // after five executions could pick an index that suits one term and not the next
      s.execute("SET plan_cache_mode = force_custom_plan");
    }
  }

  /** The server's version and the settings that bear on the figures, for the report. */
  static String describe(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version(), current_setting('shared_buffers'),"
                    + " current_setting('work_mem'),"
                    + " current_setting('max_parallel_workers_per_gather'),"
                    + " current_setting('jit'), (SELECT datctype FROM pg_database WHERE datname = current_database())")) {
      rs.next();
      return String.format(
          "%s; shared_buffers %s, work_mem %s, max_parallel_workers_per_gather %s, jit %s,"
              + " lc_ctype %s (zonky defaults, fsync off)",
          rs.getString(1).replaceAll(" on .*", ""),
          rs.getString(2),
          rs.getString(3),
          rs.getString(4),
          rs.getString(5),
          rs.getString(6));
    }
  }

  /**
   * Creates the extension and indexes that are missing and analyses the tables; returns the
   * milliseconds it took, or -1 when every index was there already.
   */
  static long prepare(Connection c) throws SQLException {
    long start = System.nanoTime();
    long wanted = SETUP.stream().filter(sql -> sql.startsWith("CREATE INDEX")).count();
    long present;
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'bench\\_%'")) {
        rs.next();
        present = rs.getLong(1);
      }
      for (String sql : SETUP) {
        s.execute(sql);
      }
    }
    return present >= wanted ? -1 : (System.nanoTime() - start) / 1_000_000;
  }

  /** The posting search as SQL: the page of 20 and the count, one after the other. */
  Answer postings(PostingQuery q) throws SQLException {
    List<Object> params = new ArrayList<>(List.of(today, today, today));
    StringBuilder where = new StringBuilder(VISIBLE);
    if (q.q() != null && !q.q().isBlank()) {
      where.append(POSTING_TEXT);
      String like = "%" + q.q().trim() + "%";
      params.addAll(List.of(like, like, like, like));
    }
    if (q.communityId() != null) {
      where.append(" AND p.work_community_id = ?");
      params.add(q.communityId());
    }
    if (q.outsideDistrict() != null) {
      where.append(
          q.outsideDistrict()
              ? " AND p.work_community_id IS NULL"
              : " AND p.work_community_id IS NOT NULL");
    }
    if (q.schedule() != null) {
      where.append(" AND p.schedule = ?");
      params.add(q.schedule());
    }
    if (q.wageFrom() != null) {
      where.append(" AND p.wage_max >= ?");
      params.add(q.wageFrom());
    }
    if (q.wageTo() != null) {
      where.append(" AND p.wage_min <= ?");
      params.add(q.wageTo());
    }
    if (q.publicWelfare() != null) {
      where.append(" AND p.public_welfare = ?");
      params.add(q.publicWelfare());
    }
    if (q.group() != null) {
      // PostgreSQL knows occupations, not their groups: the names of the group's occupations
      where.append(" AND p.occupation = ANY (?)");
      params.add(occupationsByGroup.getOrDefault(q.group(), List.of()).toArray(new String[0]));
    }
    if (q.city() != null
        || q.accommodation() != null
        || q.disabilityFriendly() != null
        || q.heldLicences() != null
        || q.partnerUnitId() != null) {
      throw new IllegalArgumentException("not part of the workload: " + q);
    }
    return answer(
        "SELECT p.id, p.title, p.occupation, p.wage_min, p.wage_max, p.schedule, u.name"
            + " FROM posting p JOIN partner_unit u ON u.id = p.partner_unit_id WHERE "
            + where
            + " ORDER BY p.created_at DESC LIMIT 20",
        "SELECT count(*) FROM posting p WHERE " + where,
        params);
  }

  /** The jobseeker search as SQL. */
  Answer jobseekers(JobseekerQuery q) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder("TRUE");
    if (q.q() != null && !q.q().isBlank()) {
      where.append(JOBSEEKER_TEXT);
      String like = "%" + q.q().trim() + "%";
      params.addAll(List.of(like, like));
    }
    if (q.communityId() != null) {
      where.append(" AND j.community_id = ?");
      params.add(q.communityId());
    }
    if (q.status() != null) {
      where.append(" AND j.status = ?");
      params.add(q.status());
    }
    if (q.category() != null) {
      where.append(" AND j.difficulty_categories @> ARRAY[?]::text[]");
      params.add(q.category());
    }
    if (q.schedule() != null) {
      // no schedule given means any, as the index has it
      where.append(
          " AND (j.acceptable_schedules @> ARRAY[?]::text[] OR j.acceptable_schedules = '{}')");
      params.add(q.schedule());
    }
    if (q.wageAtMost() != null) {
      where.append(" AND coalesce(j.min_wage, 0) <= ?");
      params.add(q.wageAtMost());
    }
    if (q.willingOutside() != null) {
      where.append(" AND j.willing_outside = ?");
      params.add(q.willingOutside());
    }
    if (q.minAge() != null || q.maxAge() != null) {
      int year = today.getYear();
      where.append(" AND j.birth_year BETWEEN ? AND ?");
      params.add(q.maxAge() == null ? 1900 : year - q.maxAge());
      params.add(q.minAge() == null ? year : year - q.minAge());
    }
    if (q.minEducation() != null || q.licence() != null) {
      throw new IllegalArgumentException("not part of the workload: " + q);
    }
    return answer(
        "SELECT j.id, j.name, j.gender, j.birth_year, j.community_id, j.status, j.skills,"
            + " j.desired_occupations, j.min_wage FROM jobseeker j WHERE "
            + where
            + " ORDER BY j.updated_at DESC LIMIT 20",
        "SELECT count(*) FROM jobseeker j WHERE " + where,
        params);
  }

  /** Every visible posting whose text columns contain the term as typed, for recall. */
  Set<Long> allPostingIds(String term) throws SQLException {
    String like = "%" + term + "%";
    Set<Long> ids = new HashSet<>();
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT p.id FROM posting p WHERE " + VISIBLE + POSTING_TEXT)) {
      bind(ps, List.of(today, today, today, like, like, like, like));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private Answer answer(String pageSql, String countSql, List<Object> params) throws SQLException {
    List<Long> ids = new ArrayList<>(20);
    try (PreparedStatement ps = connection.prepareStatement(pageSql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(countSql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Answer(rs.getLong(1), ids);
      }
    }
  }

  private void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object v = params.get(i);
      if (v instanceof String[] array) {
        ps.setArray(i + 1, connection.createArrayOf("text", array));
      } else {
        ps.setObject(i + 1, v);
      }
    }
  }
}
