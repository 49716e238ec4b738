package hongniang.placements;

import hongniang.common.PageResponse;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The placement and follow-up tables, in SQL: rows written in the caller's transaction, and views
 * read with the names beside the ids (resident, community, posting, unit) in one join. Every method
 * runs in the transaction {@link PlacementService} opened.
 */
@Singleton
class PlacementStore {

  /** The follow-ups every placement schedules, in months after its start. */
  static final List<Integer> FOLLOW_UP_MONTHS = List.of(1, 3, 6);

  /** A placement that is neither ended nor cancelled. */
  private static final String OPEN = "p.ended_on IS NULL AND p.cancelled_at IS NULL";

  private static final String PLACEMENTS =
      "SELECT p.id, p.jobseeker_id, j.name, p.community_id, c.name, p.referral_id, p.posting_id,"
          + " po.title, p.partner_unit_id, u.name, p.employer_name, p.type, p.start_date,"
          + " p.monthly_wage, p.contract_months, p.note, p.ended_on, p.end_reason, p.cancelled_at,"
          + " p.cancelled_by, p.cancel_reason, p.recorded_by, p.created_at"
          + " FROM placement p JOIN jobseeker j ON j.id = p.jobseeker_id"
          + " JOIN community c ON c.id = p.community_id"
          + " LEFT JOIN posting po ON po.id = p.posting_id"
          + " LEFT JOIN partner_unit u ON u.id = p.partner_unit_id";

  private static final String FOLLOW_UP_JOINS =
      " FROM follow_up f JOIN placement p ON p.id = f.placement_id"
          + " JOIN jobseeker j ON j.id = p.jobseeker_id"
          + " JOIN community c ON c.id = p.community_id"
          + " LEFT JOIN partner_unit u ON u.id = p.partner_unit_id";

  private static final String FOLLOW_UPS =
      "SELECT f.id, f.placement_id, f.months, f.due_on, f.outcome, f.reason, f.note,"
          + " f.recorded_by, f.recorded_at, p.jobseeker_id, j.name, p.community_id, c.name, p.type,"
          + " p.start_date, coalesce(u.name, p.employer_name), "
          + OPEN
          + FOLLOW_UP_JOINS;

  private final JdbcOperations jdbc;

  PlacementStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Filters of a placement list; null means any. */
  record Filter(
      Long communityId, Long jobseekerId, PlacementType type, LocalDate from, LocalDate to) {}

  /** A placement as inserted: its id, when, and its follow-ups. */
  record Inserted(long id, Instant createdAt, List<Scheduled> followUps) {}

  /** A follow-up as scheduled. */
  record Scheduled(long id, int months, LocalDate dueOn) {}

  /**
   * Inserts the placement of a request the service checked, with what it decided (the resident's
   * community, the referral, the employer unit, the type), and schedules its follow-ups {@link
   * #FOLLOW_UP_MONTHS} months after its start, in one statement; a start on the 31st is followed up
   * on the last day of a shorter month (Jan 31: Feb 28 or 29, Apr 30), as PostgreSQL adds months.
   * Empty when the resident has an open placement: the partial unique index decides, so two racing
   * hires of one resident cannot both land.
   */
  Optional<Inserted> insert(
      PlacementRequest r,
      long communityId,
      Long referralId,
      Long partnerUnitId,
      PlacementType type,
      String recordedBy) {
    String months = String.join(", ", FOLLOW_UP_MONTHS.stream().map(String::valueOf).toList());
    return Optional.ofNullable(
        jdbc.prepareStatement(
            "WITH placed AS (INSERT INTO placement (jobseeker_id, community_id, referral_id,"
                + " posting_id, partner_unit_id, employer_name, type, start_date, monthly_wage,"
                + " contract_months, note, recorded_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (jobseeker_id) WHERE ended_on IS NULL AND cancelled_at IS NULL"
                + " DO NOTHING RETURNING id, start_date, created_at),"
                + " scheduled AS (INSERT INTO follow_up (placement_id, months, due_on)"
                + " SELECT placed.id, m, CAST(placed.start_date + make_interval(months => m) AS DATE)"
                + " FROM placed, unnest(ARRAY["
                + months
                + "]) AS m RETURNING id, months, due_on)"
                + " SELECT placed.id, placed.created_at, s.id, s.months, s.due_on"
                + " FROM placed, scheduled s ORDER BY s.months",
            ps -> {
              ps.setLong(1, r.jobseekerId());
              ps.setLong(2, communityId);
              setLong(ps, 3, referralId);
              setLong(ps, 4, r.postingId());
              setLong(ps, 5, partnerUnitId);
              setText(ps, 6, r.postingId() == null ? trimmed(r.employerName()) : null);
              ps.setString(7, type.name());
              ps.setObject(8, r.startDate());
              ps.setInt(9, r.monthlyWage());
              if (r.contractMonths() == null) {
                ps.setNull(10, Types.INTEGER);
              } else {
                ps.setInt(10, r.contractMonths());
              }
              setText(ps, 11, trimmed(r.note()));
              ps.setString(12, recordedBy);
              List<Scheduled> followUps = new ArrayList<>();
              long id = 0;
              Instant created = null;
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  id = rs.getLong(1);
                  created = instant(rs, 2);
                  followUps.add(
                      new Scheduled(rs.getLong(3), rs.getInt(4), rs.getObject(5, LocalDate.class)));
                }
              }
              return followUps.isEmpty() ? null : new Inserted(id, created, List.copyOf(followUps));
            }));
  }

  /** True when a placement already came of this referral. */
  boolean referralHired(long referralId) {
    return jdbc.prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM placement WHERE referral_id = ?)",
        ps -> {
          ps.setLong(1, referralId);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
          }
        });
  }

  /** One placement with its follow-ups as they stand {@code today}. */
  Optional<PlacementView> placement(long id, LocalDate today) {
    Where where = new Where().and("p.id = ?", id);
    List<PlacementView> found = placements(where, "", today);
    return found.stream().findFirst();
  }

  /** A page of placements, the latest start first. */
  PageResponse<PlacementView> placements(Filter f, Pageable page, LocalDate today) {
    Where where =
        new Where()
            .andIf(f.communityId(), "p.community_id = ?")
            .andIf(f.jobseekerId(), "p.jobseeker_id = ?")
            .andIf(f.type(), "p.type = ?")
            .andIf(f.from(), "p.start_date >= ?")
            .andIf(f.to(), "p.start_date <= ?");
    long total = count("SELECT count(*) FROM placement p", where);
    List<PlacementView> items =
        placements(
            where,
            " ORDER BY p.start_date DESC, p.id DESC LIMIT "
                + page.getSize()
                + " OFFSET "
                + page.getOffset(),
            today);
    return page(items, page, total);
  }

  private List<PlacementView> placements(Where where, String tail, LocalDate today) {
    List<PlacementView> rows =
        rows(PLACEMENTS + where.sql() + tail, where, PlacementStore::placement);
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, List<FollowUpView>> followUps = new LinkedHashMap<>();
    rows.forEach(r -> followUps.put(r.id(), new ArrayList<>()));
    Where ofThese = new Where().and("f.placement_id = ANY (?)", followUps.keySet());
    for (FollowUpView f : followUps(ofThese, " ORDER BY f.placement_id, f.months", today)) {
      followUps.get(f.placementId()).add(f);
    }
    return rows.stream().map(r -> r.withFollowUps(followUps.get(r.id()))).toList();
  }

  private static PlacementView placement(ResultSet rs) throws SQLException {
    LocalDate ended = rs.getObject(17, LocalDate.class);
    Instant cancelled = instant(rs, 19);
    return new PlacementView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getObject(6, Long.class),
        rs.getObject(7, Long.class),
        rs.getString(8),
        rs.getObject(9, Long.class),
        rs.getString(10),
        rs.getString(11),
        PlacementType.valueOf(rs.getString(12)),
        rs.getObject(13, LocalDate.class),
        rs.getInt(14),
        rs.getObject(15, Integer.class),
        rs.getString(16),
        cancelled != null
            ? PlacementStatus.CANCELLED
            : ended != null ? PlacementStatus.ENDED : PlacementStatus.OPEN,
        ended,
        rs.getString(18) == null ? null : LeaveReason.valueOf(rs.getString(18)),
        cancelled,
        rs.getString(20),
        rs.getString(21),
        rs.getString(22),
        instant(rs, 23),
        List.of());
  }

  /** One follow-up as it stands {@code today}. */
  Optional<FollowUpView> followUp(long id, LocalDate today) {
    return followUps(new Where().and("f.id = ?", id), "", today).stream().findFirst();
  }

  /**
   * A page of follow-ups in the states given (any when empty), in a community or all, the earliest
   * due first.
   */
  PageResponse<FollowUpView> followUps(
      Long communityId, Collection<FollowUpState> states, LocalDate today, Pageable page) {
    Where where = followUpFilter(communityId, states, today);
    long total = count("SELECT count(*)" + FOLLOW_UP_JOINS, where);
    List<FollowUpView> items =
        followUps(
            where,
            " ORDER BY f.due_on, f.id LIMIT " + page.getSize() + " OFFSET " + page.getOffset(),
            today);
    return page(items, page, total);
  }

  /** The first {@code limit} follow-ups in the states given, the earliest due first. */
  List<FollowUpView> followUps(
      Long communityId, Collection<FollowUpState> states, LocalDate today, int limit) {
    return followUps(
        followUpFilter(communityId, states, today),
        " ORDER BY f.due_on, f.id LIMIT " + limit,
        today);
  }

  private static Where followUpFilter(
      Long communityId, Collection<FollowUpState> states, LocalDate today) {
    Where where = new Where().andIf(communityId, "p.community_id = ?");
    if (!states.isEmpty()) {
      List<String> any = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (FollowUpState s : states) {
        any.add(
            switch (s) {
              case DONE -> "f.outcome IS NOT NULL";
              case SKIPPED -> "f.outcome IS NULL AND NOT (" + OPEN + ")";
              case OVERDUE -> "f.outcome IS NULL AND " + OPEN + " AND f.due_on < ?";
              case DUE -> "f.outcome IS NULL AND " + OPEN + " AND f.due_on BETWEEN ? AND ?";
              case UPCOMING -> "f.outcome IS NULL AND " + OPEN + " AND f.due_on > ?";
            });
        switch (s) {
          case OVERDUE -> values.add(today);
          case DUE -> {
            values.add(today);
            values.add(today.plusDays(FollowUpState.DUE_DAYS));
          }
          case UPCOMING -> values.add(today.plusDays(FollowUpState.DUE_DAYS));
          default -> {}
        }
      }
      where.and("((" + String.join(") OR (", any) + "))", values.toArray());
    }
    return where;
  }

  private List<FollowUpView> followUps(Where where, String tail, LocalDate today) {
    return rows(FOLLOW_UPS + where.sql() + tail, where, rs -> followUp(rs, today));
  }

  private static FollowUpView followUp(ResultSet rs, LocalDate today) throws SQLException {
    LocalDate due = rs.getObject(4, LocalDate.class);
    FollowUpOutcome outcome =
        rs.getString(5) == null ? null : FollowUpOutcome.valueOf(rs.getString(5));
    return new FollowUpView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getInt(3),
        due,
        FollowUpState.of(outcome, rs.getBoolean(17), due, today),
        outcome,
        rs.getString(6) == null ? null : LeaveReason.valueOf(rs.getString(6)),
        rs.getString(7),
        rs.getString(8),
        instant(rs, 9),
        rs.getLong(10),
        rs.getString(11),
        rs.getLong(12),
        rs.getString(13),
        PlacementType.valueOf(rs.getString(14)),
        rs.getObject(15, LocalDate.class),
        rs.getString(16));
  }

  /** Records a follow-up's outcome; false when it was recorded already. */
  boolean recordFollowUp(
      long id, FollowUpOutcome outcome, LeaveReason reason, String note, String actor, Instant at) {
    return 1
        == jdbc.prepareStatement(
            "UPDATE follow_up SET outcome = ?, reason = ?, note = ?, recorded_by = ?,"
                + " recorded_at = ? WHERE id = ? AND outcome IS NULL",
            ps -> {
              ps.setString(1, outcome.name());
              setText(ps, 2, reason == null ? null : reason.name());
              setText(ps, 3, note);
              ps.setString(4, actor);
              ps.setObject(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
              ps.setLong(6, id);
              return ps.executeUpdate();
            });
  }

  /** Ends an open placement: the resident left; false when it was not open. */
  boolean end(long placementId, LocalDate endedOn, LeaveReason reason) {
    return 1
        == jdbc.prepareStatement(
            "UPDATE placement p SET ended_on = ?, end_reason = ?, version = version + 1"
                + " WHERE id = ? AND "
                + OPEN,
            ps -> {
              ps.setObject(1, endedOn);
              ps.setString(2, reason.name());
              ps.setLong(3, placementId);
              return ps.executeUpdate();
            });
  }

  /** Cancels a placement recorded in error; false when it was cancelled already. */
  boolean cancel(long placementId, String actor, String reason, Instant at) {
    return 1
        == jdbc.prepareStatement(
            "UPDATE placement SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ?,"
                + " version = version + 1 WHERE id = ? AND cancelled_at IS NULL",
            ps -> {
              ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
              ps.setString(2, actor);
              ps.setString(3, reason);
              ps.setLong(4, placementId);
              return ps.executeUpdate();
            });
  }

  /** Counts of the placements that started between the days, cancelled ones left out. */
  PlacementSummary summary(LocalDate from, LocalDate to, Long communityId) {
    Where where =
        new Where()
            .and("p.cancelled_at IS NULL")
            .andIf(communityId, "p.community_id = ?")
            .andIf(from, "p.start_date >= ?")
            .andIf(to, "p.start_date <= ?");
    Map<PlacementType, Long> byType = new EnumMap<>(PlacementType.class);
    for (PlacementType t : PlacementType.values()) {
      byType.put(t, 0L);
    }
    long ended = 0;
    for (long[] typeRow :
        rows(
            "SELECT p.type, count(*), count(*) FILTER (WHERE p.ended_on IS NOT NULL)"
                + " FROM placement p"
                + where.sql()
                + " GROUP BY p.type",
            where,
            rs -> {
              byType.put(PlacementType.valueOf(rs.getString(1)), rs.getLong(2));
              return new long[] {rs.getLong(2), rs.getLong(3)};
            })) {
      ended += typeRow[1];
    }
    long total = byType.values().stream().mapToLong(Long::longValue).sum();
    long residents = count("SELECT count(DISTINCT p.jobseeker_id) FROM placement p", where);
    return new PlacementSummary(
        from,
        to,
        communityId,
        total,
        residents,
        total - ended,
        ended,
        byType.entrySet().stream()
            .map(e -> new PlacementSummary.TypeCount(e.getKey(), e.getValue()))
            .toList());
  }

  private static <T> PageResponse<T> page(List<T> items, Pageable page, long total) {
    return new PageResponse<>(
        items,
        page.getNumber(),
        page.getSize(),
        total,
        (int) ((total + page.getSize() - 1) / page.getSize()));
  }

  private long count(String select, Where where) {
    return rows(select + where.sql(), where, rs -> rs.getLong(1)).get(0);
  }

  /** A row of a result as a value. */
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Every row of the query, its parameters bound from the filter. */
  private <T> List<T> rows(String sql, Where where, Row<T> row) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          where.bind(ps);
          List<T> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(row.read(rs));
            }
          }
          return out;
        });
  }

  /** A text stripped, or null when there is none. */
  static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  /** A WHERE clause of the filters given and their values in order; none is null. */
  private static final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    Where and(String condition, Object... conditionValues) {
      conditions.add(condition);
      values.addAll(List.of(conditionValues));
      return this;
    }

    /** The condition when the value is given, with the value; nothing otherwise. */
    Where andIf(Object value, String condition) {
      return value == null ? this : and(condition, value);
    }

    String sql() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    void bind(PreparedStatement ps) throws SQLException {
      int at = 1;
      for (Object v : values) {
        if (v instanceof Enum<?> e) {
          ps.setString(at++, e.name());
        } else if (v instanceof Collection<?> ids) {
          ps.setArray(at++, ps.getConnection().createArrayOf("bigint", ids.toArray()));
        } else {
          ps.setObject(at++, v);
        }
      }
    }
  }
}
