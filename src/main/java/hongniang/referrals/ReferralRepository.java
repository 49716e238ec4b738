package hongniang.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReferralRepository extends PageableRepository<Referral, Long> {

  /**
   * The row, locked until the transaction ends: two moves of one referral run one after another.
   */
  @Query("SELECT * FROM referral WHERE id = :id FOR UPDATE")
  Optional<Referral> lockById(long id);

  /** A referral's posting, which never changes. */
  @Query("SELECT posting_id FROM referral WHERE id = :id")
  Optional<Long> findPostingIdById(long id);

  /**
   * Whether a live referral (not withdrawn, expired or obsolete) joins the resident and posting.
   */
  @Query(
      "SELECT EXISTS (SELECT 1 FROM referral WHERE jobseeker_id = :jobseekerId"
          + " AND posting_id = :postingId AND state NOT IN ('WITHDRAWN', 'EXPIRED', 'OBSOLETE'))")
  boolean liveExists(long jobseekerId, long postingId);

  /** The resident's open referrals other than one, locked. */
  @Query(
      "SELECT * FROM referral WHERE jobseeker_id = :jobseekerId AND id <> :except"
          + " AND state IN ('REQUESTED', 'PROPOSED', 'CONSENTED', 'SENT', 'INTERVIEW')"
          + " ORDER BY id FOR UPDATE")
  List<Referral> openOfResidentExcept(long jobseekerId, long except);

  /**
   * Filters; null means any. {@code employerView} keeps what a unit may see: sent on, with a
   * consent that has not been withdrawn.
   */
  String FILTER =
      " FROM referral referral_ WHERE (CAST(:jobseekerId AS BIGINT) IS NULL OR referral_.jobseeker_id = :jobseekerId)"
          + " AND (CAST(:postingId AS BIGINT) IS NULL OR referral_.posting_id = :postingId)"
          + " AND (CAST(:unitId AS BIGINT) IS NULL OR referral_.partner_unit_id = :unitId)"
          + " AND (CAST(:communityId AS BIGINT) IS NULL OR referral_.community_id = :communityId)"
          + " AND (CAST(:states AS TEXT[]) IS NULL OR referral_.state = ANY (CAST(:states AS TEXT[])))"
          + " AND (:employerView = FALSE OR (referral_.state IN ('SENT', 'INTERVIEW', 'HIRED', 'NOT_HIRED')"
          + "  AND EXISTS (SELECT 1 FROM referral_consent c WHERE c.referral_id = referral_.id"
          + "  AND c.withdrawn_at IS NULL)))";

  @Query(value = "SELECT referral_.*" + FILTER, countQuery = "SELECT count(*)" + FILTER)
  Page<Referral> search(
      @Nullable Long jobseekerId,
      @Nullable Long postingId,
      @Nullable Long unitId,
      @Nullable Long communityId,
      @Nullable String[] states,
      boolean employerView,
      Pageable pageable);

  /** Open referrals last touched before the cutoff (an interview still ahead keeps one alive). */
  @Query(
      "SELECT * FROM referral WHERE state IN ('REQUESTED', 'PROPOSED', 'CONSENTED', 'SENT',"
          + " 'INTERVIEW') AND touched_at < :cutoff AND (interview_at IS NULL OR interview_at <"
          + " CAST(:cutoffLocal AS TIMESTAMP)) ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
  List<Referral> untouchedSince(Instant cutoff, java.time.LocalDateTime cutoffLocal, int limit);

  /** Sent referrals with no answer since before the cutoff whose unit has not been told yet. */
  @Query(
      "SELECT * FROM referral WHERE state = 'SENT' AND sent_at < :cutoff"
          + " AND reply_reminded_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
  List<Referral> unansweredSince(Instant cutoff, int limit);

  @Query("UPDATE referral SET reply_reminded_at = :at WHERE id IN (:ids)")
  void markReminded(Collection<Long> ids, Instant at);

  /** Each unit's reply figures (see {@link ReplyRate}); {@code days} is the reply days. */
  @Query(
      "SELECT partner_unit_id AS unit_id, count(*) AS sent, count(answered_at) AS answered,"
          + " count(*) FILTER (WHERE answered_at <= sent_at + make_interval(days => :days))"
          + " AS answered_in_time,"
          + " count(*) FILTER (WHERE answered_at IS NOT NULL OR (state IN ('SENT', 'EXPIRED')"
          + "  AND sent_at + make_interval(days => :days) < :now)) AS due,"
          + " count(*) FILTER (WHERE state = 'SENT' AND sent_at + make_interval(days => :days)"
          + "  < :now) AS overdue,"
          + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - sent_at)"
          + "  / 3600.0) AS median_hours"
          + " FROM referral WHERE sent_at IS NOT NULL"
          + " AND (CAST(:unitId AS BIGINT) IS NULL OR partner_unit_id = :unitId)"
          + " GROUP BY partner_unit_id ORDER BY partner_unit_id")
  List<ReplyRateRow> replyRates(@Nullable Long unitId, int days, Instant now);
}
