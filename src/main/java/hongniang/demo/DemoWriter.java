package hongniang.demo;

import hongniang.communities.CommunityRequest;
import hongniang.communities.CommunityService;
import hongniang.communities.CommunityView;
import hongniang.postings.PostingStatus;
import hongniang.referrals.ReferralSettings;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Stores generated demo data: partner units and agreements by JDBC batches (their ids are needed
 * next), postings and jobseekers by COPY with ids reserved from their sequences, one transaction
 * per chunk, so that a million rows take under a minute and an interrupted run keeps whole chunks;
 * then, on a fresh write, the history of the first residents ({@link HistoryWriter}).
 */
@Singleton
class DemoWriter {

  private static final int BATCH = 1_000;

  /** Messages of the last days stay unread for the demo logins. */
  private static final int UNREAD_DAYS = 7;

  private static final String POSTING_COPY =
      "COPY posting (id, partner_unit_id, title, description, occupation, skills, headcount,"
          + " filled_count, wage_min, wage_max, wage_note, schedule, work_community_id, city,"
          + " min_age, max_age, min_education, required_licences, public_welfare, accommodation,"
          + " disability_friendly, valid_through, status, created_at, updated_at, version)"
          + " FROM STDIN";
  private static final String JOBSEEKER_COPY =
      "COPY jobseeker (id, name, gender, id_number, birth_date, birth_year, phone, community_id,"
          + " education, skills, experience, desired_occupations, min_wage, acceptable_schedules,"
          + " willing_outside, licences, difficulty_categories, difficulty_note, disability_note,"
          + " unemployed_since, status, created_at, updated_at, version) FROM STDIN";

  private final DataSource dataSource;
  private final Copier copier;
  private final CommunityService communities;
  private final DemoLogins logins;
  private final Clock clock;
  private final List<String> communityNames;
  private final ReferralSettings referralSettings;

  DemoWriter(
      DataSource dataSource,
      CommunityService communities,
      DemoLogins logins,
      Clock clock,
      ReferralSettings referralSettings,
      @Property(name = "hongniang.communities") List<String> communityNames) {
    // COPY and manual commits per chunk need a plain pooled connection, not the contextual
    // proxy that Micronaut Data hands out inside its own transactions.
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    this.copier = new Copier(this.dataSource);
    this.communities = communities;
    this.logins = logins;
    this.clock = clock;
    this.referralSettings = referralSettings;
    this.communityNames = communityNames;
  }

  /** How many rows the demo's tables hold. */
  record Counts(long units, long postings, long jobseekers) {}

  /** What one write stored, and how long it took. */
  record Report(
      LocalDate today,
      int unitsAdded,
      int unitsReused,
      int agreements,
      long postings,
      long pastPostings,
      long jobseekers,
      HistoryWriter.Written history,
      int logins,
      Duration unitsTime,
      Duration historyTime,
      Duration postingsTime,
      Duration jobseekersTime,
      Duration historyWriteTime,
      Duration loginsTime) {

    Duration total() {
      return unitsTime
          .plus(historyTime)
          .plus(postingsTime)
          .plus(jobseekersTime)
          .plus(historyWriteTime)
          .plus(loginsTime);
    }
  }

  /** Counts the stored partner units, postings and jobseekers. */
  Counts counts() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM partner_unit), (SELECT count(*) FROM posting),"
                    + " (SELECT count(*) FROM jobseeker)")) {
      rs.next();
      return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
    }
  }

  /**
   * Generates and stores the plan. A fresh write (not {@code append}) generates exactly what {@link
   * DemoGenerator#generate()} does, history included; an append continues after the rows already
   * stored, without history. Units whose name or credit code is stored already are reused with
   * their agreements.
   *
   * @param progress receives a line after each stored chunk
   */
  Report write(DemoPlan plan, boolean append, Consumer<String> progress) throws SQLException {
    return write(plan, append, !append, progress);
  }

  /**
   * Generates and stores the plan, with the history of a fresh set when {@code withHistory} (an
   * append has none).
   */
  Report write(DemoPlan plan, boolean append, boolean withHistory, Consumer<String> progress)
      throws SQLException {
    communities.seed(communityNames);
    Map<String, Long> communityIds = new HashMap<>();
    int n = 0;
    for (CommunityView community : communities.all()) {
      communityIds.put(community.name(), community.id());
      if (community.officeHours() == null) {
        // where and when each demo community's matchmakers sit (made up, as the whole demo is)
        communities.update(
            community.id(),
            new CommunityRequest(
                community.name(),
                community.description(),
                "周一至周五 8:30–12:00，14:30–17:30（节假日除外）",
                community.name() + "社区党群服务中心一楼 就业服务窗口",
                String.format("0598-82%05d", 31_000 + 17 * n++)));
      }
    }
    LocalDate today = LocalDate.now(clock);
    Counts offsets = append ? counts() : new Counts(0, 0, 0);
    DemoGenerator generator =
        new DemoGenerator(
            plan,
            today,
            communityNames,
            referralSettings.getReplyDays(),
            referralSettings.getExpireAfterDays());

    long start = System.nanoTime();
    List<DemoUnit> units = generator.units(offsets.units());
    StoredUnits stored = storeUnits(units, communityIds);
    long unitsDone = System.nanoTime();

    // the history needs the postings and its residents in memory; the rest are streamed
    List<DemoPosting> planned = generator.postings(units, offsets.postings()).toList();
    IdNumberPool pool = new IdNumberPool();
    if (append) {
      markStoredIdNumbers(pool);
    }
    Iterator<DemoJobseeker> drafts = generator.jobseekers(offsets.jobseekers(), pool).iterator();
    boolean lived = withHistory && !append;
    DemoHistory history;
    if (!lived) {
      history = DemoHistory.none(planned);
    } else {
      List<DemoJobseeker> first = new ArrayList<>();
      while (first.size() < generator.historySize() && drafts.hasNext()) {
        first.add(drafts.next());
      }
      history = generator.history(units, planned, first);
    }
    long historyDone = System.nanoTime();

    Set<Long> partners = partnersOn(today);
    List<DemoHistory.Posted> postings = history.postings();
    long[] postingIds = copier.reserveIds("posting", postings.size());
    int[] postingAt = {0};
    long postingCount =
        copier.copy(
            POSTING_COPY,
            postings.iterator(),
            (p, row) ->
                postingRow(
                    p, postingIds[postingAt[0]++], row, stored.ids(), partners, communityIds),
            "postings",
            postings.size(),
            progress);
    long postingsDone = System.nanoTime();

    long[] jobseekerIds = copier.reserveIds("jobseeker", plan.jobseekers());
    Iterator<DemoJobseeker> residents = concat(history.residents().iterator(), drafts);
    int[] jobseekerAt = {0};
    long jobseekers =
        copier.copy(
            JOBSEEKER_COPY,
            residents,
            (j, row) -> jobseekerRow(j, jobseekerIds[jobseekerAt[0]++], row, communityIds),
            "jobseekers",
            plan.jobseekers(),
            progress);
    long jobseekersDone = System.nanoTime();

    HistoryWriter historyWriter =
        new HistoryWriter(dataSource, copier, clock.getZone(), clock.instant());
    HistoryWriter.Written written =
        !lived
            ? HistoryWriter.Written.NONE
            : historyWriter.write(
                history,
                units,
                new HistoryWriter.Ids(stored.ids(), postingIds, jobseekerIds, communityIds),
                logins.passwordHash(),
                progress);
    long historyWritten = System.nanoTime();

    Map<String, Long> unitIds = new HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      unitIds.putIfAbsent(units.get(i).name(), stored.ids()[i]);
    }
    Long personaId = offsets.jobseekers() == 0 && jobseekers > 0 ? jobseekerIds[0] : null;
    int created = logins.create(communityIds, unitIds, personaId);
    historyWriter.markOlderRead(written, UNREAD_DAYS);
    long loginsDone = System.nanoTime();

    return new Report(
        today,
        stored.added(),
        units.size() - stored.added(),
        stored.agreements(),
        postingCount - (postings.size() - planned.size()),
        postings.size() - planned.size(),
        jobseekers,
        written,
        created,
        Duration.ofNanos(unitsDone - start),
        Duration.ofNanos(historyDone - unitsDone),
        Duration.ofNanos(postingsDone - historyDone),
        Duration.ofNanos(jobseekersDone - postingsDone),
        Duration.ofNanos(historyWritten - jobseekersDone),
        Duration.ofNanos(loginsDone - historyWritten));
  }

  private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> then) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return first.hasNext() || then.hasNext();
      }

      @Override
      public T next() {
        return first.hasNext() ? first.next() : then.next();
      }
    };
  }

  /** The database ids of the generated units, by position, and what was added. */
  private record StoredUnits(long[] ids, int added, int agreements) {}

  private StoredUnits storeUnits(List<DemoUnit> units, Map<String, Long> communityIds)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      Map<String, Long> byName = new HashMap<>();
      Map<String, Long> byCode = new HashMap<>();
      Set<String> numbers = new HashSet<>();
      try (Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT id, name, credit_code FROM partner_unit")) {
          while (rs.next()) {
            byName.putIfAbsent(rs.getString(2), rs.getLong(1));
            byCode.put(rs.getString(3), rs.getLong(1));
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT number FROM agreement")) {
          while (rs.next()) {
            numbers.add(rs.getString(1));
          }
        }
      }
      long[] ids = new long[units.size()];
      List<Integer> fresh = new ArrayList<>();
      for (int i = 0; i < units.size(); i++) {
        DemoUnit unit = units.get(i);
        Long known = byName.getOrDefault(unit.name(), byCode.get(unit.creditCode()));
        if (known != null) {
          ids[i] = known;
        } else {
          fresh.add(i);
        }
      }
      insertUnits(c, units, fresh, ids);
      int agreements = insertAgreements(c, units, fresh, ids, numbers, communityIds);
      c.commit();
      return new StoredUnits(ids, fresh.size(), agreements);
    }
  }

  private static void insertUnits(
      Connection c, List<DemoUnit> units, List<Integer> fresh, long[] ids) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO partner_unit (name, credit_code, address, contact_person, contact_phone,"
                + " industry) VALUES (?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      for (int from = 0; from < fresh.size(); from += BATCH) {
        List<Integer> chunk = fresh.subList(from, Math.min(fresh.size(), from + BATCH));
        for (int i : chunk) {
          DemoUnit u = units.get(i);
          insert.setString(1, u.name());
          insert.setString(2, u.creditCode());
          insert.setString(3, u.address());
          insert.setString(4, u.contactPerson());
          insert.setString(5, u.contactPhone());
          insert.setString(6, u.industry());
          insert.addBatch();
        }
        insert.executeBatch();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          for (int i : chunk) {
            keys.next();
            ids[i] = keys.getLong(1);
          }
        }
      }
    }
  }

  private static int insertAgreements(
      Connection c,
      List<DemoUnit> units,
      List<Integer> fresh,
      long[] ids,
      Set<String> numbers,
      Map<String, Long> communityIds)
      throws SQLException {
    int count = 0;
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO agreement (partner_unit_id, number, signing_community_id, signed_on,"
                + " valid_until, status, notes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int i : fresh) {
        for (DemoAgreement a : units.get(i).agreements()) {
          // an earlier run with another seed may have used the number
          String number = a.number();
          for (int n = 2; !numbers.add(number); n++) {
            number = a.number() + "-" + n;
          }
          insert.setLong(1, ids[i]);
          insert.setString(2, number);
          insert.setLong(3, communityIds.get(a.signingCommunity()));
          insert.setDate(4, Date.valueOf(a.signedOn()));
          insert.setDate(5, Date.valueOf(a.validUntil()));
          insert.setString(6, a.status().name());
          insert.setString(7, a.notes());
          insert.addBatch();
          if (++count % BATCH == 0) {
            insert.executeBatch();
          }
        }
      }
      insert.executeBatch();
    }
    return count;
  }

  /** Units with an agreement valid on the day, as stored (reused units included). */
  private Set<Long> partnersOn(LocalDate day) throws SQLException {
    Set<Long> partners = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT DISTINCT partner_unit_id FROM agreement WHERE status = 'ACTIVE'"
                    + " AND signed_on <= ? AND valid_until >= ?")) {
      s.setDate(1, Date.valueOf(day));
      s.setDate(2, Date.valueOf(day));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          partners.add(rs.getLong(1));
        }
      }
    }
    return partners;
  }

  private void postingRow(
      DemoHistory.Posted posted,
      long id,
      CopyText row,
      long[] unitIds,
      Set<Long> partners,
      Map<String, Long> communityIds) {
    DemoPosting p = posted.posting();
    long unitId = unitIds[p.unitIndex()];
    // a reused unit may have lost its partnership since it was generated: then nothing is open
    PostingStatus status =
        posted.status() == PostingStatus.OPEN && !partners.contains(unitId)
            ? PostingStatus.PAUSED
            : posted.status();
    row.add(id)
        .add(unitId)
        .add(p.title())
        .add(p.description())
        .add(p.occupation())
        .addArray(p.skills())
        .add(p.headcount())
        .add(posted.filled())
        .add(p.wageMin())
        .add(p.wageMax())
        .add(p.wageNote())
        .add(p.schedule())
        .add(p.workCommunity() == null ? null : communityIds.get(p.workCommunity()))
        .add(p.city())
        .add(p.minAge())
        .add(p.maxAge())
        .add(p.minEducation())
        .addArray(p.requiredLicences())
        .add(p.publicWelfare())
        .add(p.accommodation())
        .add(p.disabilityFriendly())
        .add(p.validThrough())
        .add(status)
        .add(instant(p.openedOn().atTime(9, 0).plusMinutes(id % 480)))
        .add(instant(posted.changedOn().atTime(17, 0).plusMinutes(id % 60)))
        // every place taken raised the version, as PostingPlaces does
        .add(posted.filled());
  }

  private void jobseekerRow(
      DemoJobseeker j, long id, CopyText row, Map<String, Long> communityIds) {
    row.add(id)
        .add(j.name())
        .add(j.gender())
        .add(j.idNumber())
        .add(j.birthDate())
        .add(j.birthDate().getYear())
        .add(j.phone())
        .add(communityIds.get(j.community()))
        .add(j.education())
        .addArray(j.skills())
        .add(j.experience())
        .addArray(j.desiredOccupations())
        .add(j.minWage())
        .addArray(j.acceptableSchedules())
        .add(j.willingOutside())
        .addArray(j.licences())
        .addArray(j.difficultyCategories())
        .add(j.difficultyNote())
        .add(j.disabilityNote())
        .add(j.unemployedSince())
        .add(j.status())
        .add(instant(j.registeredAt()))
        .add(instant(j.updatedAt()))
        .add(j.version());
  }

  /** A local time as an instant of the service's zone, never after now. */
  private OffsetDateTime instant(LocalDateTime local) {
    Instant at = local.atZone(clock.getZone()).toInstant();
    Instant now = clock.instant();
    return (at.isAfter(now) ? now : at).atZone(clock.getZone()).toOffsetDateTime();
  }

  private void markStoredIdNumbers(IdNumberPool pool) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      // a cursor instead of a million rows in memory; PostgreSQL needs a transaction for it
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(10_000);
        try (ResultSet rs =
            s.executeQuery("SELECT id_number FROM jobseeker WHERE id_number IS NOT NULL")) {
          while (rs.next()) {
            pool.markTaken(rs.getString(1));
          }
        }
      }
      c.commit();
    }
  }
}
