package hongniang.jobseekers;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.anIdNumber;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.common.Gender;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The duplicate guard of intake and the merge: the same phone, or the same name and birth, is a 409
 * listing the residents the caller may see (and only that one exists elsewhere) until the request
 * confirms; a merged duplicate leaves matching and the guard.
 */
@MicronautTest(transactional = false)
class DuplicatesIT extends ApiTest {

  private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 90_000_000L);

  /** A phone no other test uses. */
  private static String aPhone() {
    return "139" + String.format("%08d", SEQ.incrementAndGet() % 100_000_000L);
  }

  /** A name no other test uses: two Han characters and a number's worth of them. */
  private static String aName() {
    long n = SEQ.incrementAndGet();
    StringBuilder name = new StringBuilder("周");
    for (int i = 0; i < 4; i++) {
      name.append((char) ('一' + (int) (n % 200)));
      n /= 200;
    }
    return name.toString();
  }

  /** A new resident of the community, no duplicate of anyone: the request as sent. */
  private static JobseekerRequest someone(long community, LocalDate born) {
    return edit(aJobseeker(community))
        .name(aName())
        .phone(aPhone())
        .idNumber(anIdNumber(born, false))
        .confirmedNotDuplicate(null)
        .build();
  }

  private long create(JobseekerRequest body, String token) {
    Reply created = api().post("/api/v1/jobseekers", body, token);
    assertEquals(201, created.status(), created::toString);
    return created.num("id");
  }

  private static final LocalDate BORN = LocalDate.of(1975, 6, 15);

  @Test
  void theSamePhoneIsAPossibleDuplicateListedForTheMatchmakerUntilConfirmed() {
    String matchmaker = userToken(Role.MATCHMAKER, 4L);
    JobseekerRequest first = someone(4, BORN);
    long firstId = create(first, matchmaker);
    JobseekerRequest second =
        edit(someone(4, LocalDate.of(1980, 1, 2))).phone(first.phone()).build();

    Reply refused = api().post("/api/v1/jobseekers", second, matchmaker);
    assertEquals(409, refused.status(), refused::toString);
    assertEquals(List.of("confirmedNotDuplicate:PossibleDuplicate"), refused.fieldRules());
    assertEquals(1, refused.list("candidates").size(), refused::toString);
    assertEquals(firstId, refused.num("candidates[0].id"));
    assertEquals(first.name(), refused.str("candidates[0].name"));
    assertEquals("下洋", refused.str("candidates[0].communityName"));
    assertEquals(4L, refused.num("candidates[0].communityId"));
    assertEquals(
        first.phone().substring(0, 3) + "****" + first.phone().substring(7),
        refused.str("candidates[0].phone"));
    assertEquals(1975L, refused.num("candidates[0].birthYear"));
    assertEquals(List.of("phone"), refused.list("candidates[0].matchedOn"));
    assertEquals(false, refused.at("candidates[0].otherCommunity"));
    assertTrue(
        refused.str("errors[0].message").contains(first.name() + "（编号 " + firstId + "，下洋社区"),
        refused::toString);
    assertEquals(
        0L, getWith("/api/v1/jobseekers", "name", second.name()).num("totalItems"), "not stored");

    Reply confirmed =
        api()
            .post(
                "/api/v1/jobseekers", edit(second).confirmedNotDuplicate(true).build(), matchmaker);
    assertEquals(201, confirmed.status(), confirmed::toString);
    List<?> trail =
        api().get("/api/v1/jobseekers/" + confirmed.num("id") + "/audit", admin()).list("");
    Map<?, ?> create = (Map<?, ?>) trail.get(0);
    assertEquals("create", create.get("action"));
    assertEquals("confirmedNotDuplicate: #" + firstId, create.get("detail"));
  }

  @Test
  void aLandlineMatchesWithOrWithoutItsDash() {
    JobseekerRequest first = edit(someone(2, BORN)).phone("0598-7" + aPhone().substring(5)).build();
    long firstId = create(first, admin());
    JobseekerRequest second =
        edit(someone(2, BORN.plusDays(1))).phone(first.phone().replace("-", "")).build();
    Reply refused = api().post("/api/v1/jobseekers", second, admin());
    assertEquals(409, refused.status(), refused::toString);
    assertEquals(firstId, refused.num("candidates[0].id"));
  }

  @Test
  void theSameNameAndBirthDateIsAPossibleDuplicateAndAnotherDateIsNot() {
    JobseekerRequest first = someone(3, BORN);
    long firstId = create(first, admin());
    JobseekerRequest twin = edit(someone(3, BORN)).name(first.name()).build();
    Reply refused = api().post("/api/v1/jobseekers", twin, admin());
    assertEquals(409, refused.status(), refused::toString);
    assertEquals(firstId, refused.num("candidates[0].id"));
    assertEquals(List.of("nameAndBirthDate"), refused.list("candidates[0].matchedOn"));

    // without an ID number only the birth year is known: the same name and year may be them
    JobseekerRequest noId =
        edit(someone(3, BORN))
            .name(first.name())
            .idNumber(null)
            .gender(Gender.FEMALE)
            .birthYear(BORN.getYear())
            .build();
    assertEquals(409, api().post("/api/v1/jobseekers", noId, admin()).status());

    JobseekerRequest namesake = edit(someone(3, BORN.plusDays(3))).name(first.name()).build();
    create(namesake, admin());
  }

  @Test
  void anotherCommunitysDuplicateIsOnlySaidToExist() {
    JobseekerRequest first = someone(5, BORN);
    long firstId = create(first, admin());
    String matchmaker = userToken(Role.MATCHMAKER, 6L);
    JobseekerRequest second =
        edit(someone(6, BORN)).name(first.name()).phone(first.phone()).build();

    Reply refused = api().post("/api/v1/jobseekers", second, matchmaker);
    assertEquals(409, refused.status(), refused::toString);
    assertEquals(List.of(Map.of("otherCommunity", true)), refused.list("candidates"));
    assertFalse(refused.text().contains(first.name()), refused::toString);
    assertFalse(refused.text().contains("\"id\":" + firstId), refused::toString);
    assertFalse(refused.text().contains("编号 " + firstId), refused::toString);
    assertFalse(refused.text().contains(first.phone().substring(7)), refused::toString);
    assertTrue(refused.str("errors[0].message").contains("另一社区的一位居民"), refused::toString);

    // an admin sees every community, so sees who it is
    Reply forAdmin = api().post("/api/v1/jobseekers", edit(second).build(), admin());
    assertEquals(firstId, forAdmin.num("candidates[0].id"));
    assertEquals(List.of("phone", "nameAndBirthDate"), forAdmin.list("candidates[0].matchedOn"));

    long secondId = create(edit(second).confirmedNotDuplicate(true).build(), matchmaker);
    Map<?, ?> create =
        (Map<?, ?>) api().get("/api/v1/jobseekers/" + secondId + "/audit", admin()).list("").get(0);
    assertEquals("confirmedNotDuplicate: another community", create.get("detail"));
  }

  @Test
  void twoConcurrentIntakesOfOnePersonStoreOne() throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      String token = admin();
      // a few rounds: a race that the lock did not close would show in one of them
      for (int round = 0; round < 5; round++) {
        JobseekerRequest first = someone(7, BORN);
        JobseekerRequest second = edit(someone(7, BORN.plusDays(9))).phone(first.phone()).build();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> replies = new java.util.ArrayList<>();
        for (JobseekerRequest body : List.of(first, second)) {
          replies.add(
              pool.submit(
                  () -> {
                    start.await();
                    return api().post("/api/v1/jobseekers", body, token).status();
                  }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> reply : replies) {
          statuses.add(reply.get());
        }
        assertEquals(List.of(201, 409), statuses.stream().sorted().toList(), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSameIdNumberIsStillUniqueBeforeItIsADuplicate() {
    JobseekerRequest first = someone(2, BORN);
    create(first, admin());
    Reply twin =
        api().post("/api/v1/jobseekers", edit(first).confirmedNotDuplicate(true).build(), admin());
    assertEquals(409, twin.status());
    assertEquals(List.of("idNumber:Unique"), twin.fieldRules());
  }

  @Test
  void aMergedDuplicateIsInactiveNamesTheKeptProfileAndLeavesTheGuard() {
    String matchmaker = userToken(Role.MATCHMAKER, 6L);
    JobseekerRequest kept = someone(6, BORN);
    long keptId = create(kept, matchmaker);
    JobseekerRequest dup = someone(6, BORN.plusDays(40));
    long dupId = create(dup, matchmaker);

    String path = "/api/v1/jobseekers/" + keptId + "/merge";
    assertEquals(
        404,
        api().post(path, Map.of("duplicateId", dupId), userToken(Role.MATCHMAKER, 5L)).status());
    assertEquals(
        403,
        api()
            .post(path, Map.of("duplicateId", dupId), userToken(Role.EMPLOYER, aPartner()))
            .status());
    assertEquals(
        403,
        api().post(path, Map.of("duplicateId", dupId), userToken(Role.RESIDENT, keptId)).status());
    long elsewhere = create(someone(5, BORN), admin());
    assertEquals(404, api().post(path, Map.of("duplicateId", elsewhere), matchmaker).status());
    Reply self = api().post(path, Map.of("duplicateId", keptId), matchmaker);
    assertEquals(422, self.status());
    assertEquals(List.of("duplicateId:NotSame"), self.fieldRules());

    Reply merged = api().post(path, Map.of("duplicateId", dupId), matchmaker);
    assertEquals(200, merged.status(), merged::toString);
    assertEquals(dupId, merged.num("id"));
    assertEquals("INACTIVE", merged.str("status"));
    assertEquals("MERGED", merged.str("inactiveReason"));
    assertEquals(keptId, merged.num("mergedInto"));
    assertEquals("SEEKING", api().get("/api/v1/jobseekers/" + keptId, matchmaker).str("status"));

    Reply again = api().post(path, Map.of("duplicateId", dupId), matchmaker);
    assertEquals(409, again.status());
    assertEquals(List.of("duplicateId:Merged"), again.fieldRules());
    Reply into =
        api()
            .post(
                "/api/v1/jobseekers/" + dupId + "/merge",
                Map.of("duplicateId", create(someone(6, BORN.plusDays(80)), matchmaker)),
                matchmaker);
    assertEquals(409, into.status());
    assertEquals(List.of("id:Merged"), into.fieldRules());
    Reply revive = api().post("/api/v1/jobseekers/" + dupId + "/reactivate", Map.of(), matchmaker);
    assertEquals(409, revive.status());
    assertEquals(List.of("status:Merged"), revive.fieldRules());

    // the merged profile's phone no longer stops an intake
    create(edit(someone(6, BORN.plusDays(120))).phone(dup.phone()).build(), matchmaker);
    List<String> actions =
        api().get("/api/v1/jobseekers/" + keptId + "/audit", admin()).list("").stream()
            .map(e -> ((Map<?, ?>) e).get("action") + ":" + ((Map<?, ?>) e).get("detail"))
            .toList();
    assertTrue(actions.contains("merge:merged: #" + dupId), actions::toString);
  }

  @Test
  void anImportRowThatMayBeADuplicateIsRejectedUnlessItConfirms() {
    String matchmaker = userToken(Role.MATCHMAKER, 4L);
    JobseekerRequest stored = someone(4, BORN);
    long storedId = create(stored, matchmaker);
    String newPhone = aPhone();
    String csv =
        "姓名,性别,出生年份,联系电话,社区,确认非重复\n"
            + aName()
            + ",女,1980,"
            + newPhone
            + ",下洋,\n"
            + aName()
            + ",男,1981,"
            + newPhone
            + ",下洋,\n"
            + aName()
            + ",女,1982,"
            + stored.phone()
            + ",下洋,\n"
            + aName()
            + ",女,1983,"
            + stored.phone()
            + ",下洋,是\n";
    Reply report =
        api().postRaw("/api/v1/jobseekers/import", csv, MediaType.of("text/csv"), matchmaker);
    assertEquals(200, report.status(), report::toString);
    assertEquals(2, report.num("accepted"), report::toString);
    assertEquals("accepted", report.str("rows[0].outcome"));
    assertEquals(List.of("[2].confirmedNotDuplicate:PossibleDuplicate"), report.rowFieldRules(1));
    assertTrue(report.str("rows[1].errors[0].message").contains("本文件中前面的一行"), report::toString);
    assertEquals(List.of("[3].confirmedNotDuplicate:PossibleDuplicate"), report.rowFieldRules(2));
    assertTrue(
        report.str("rows[2].errors[0].message").contains(stored.name() + "（编号 " + storedId),
        report::toString);
    assertEquals("accepted", report.str("rows[3].outcome"));
    Map<?, ?> imported =
        (Map<?, ?>)
            api()
                .get("/api/v1/jobseekers/" + report.num("rows[3].id") + "/audit", admin())
                .list("")
                .get(0);
    assertEquals("import", imported.get("action"));
    assertEquals("confirmedNotDuplicate: #" + storedId, imported.get("detail"));
    assertNull(
        ((Map<?, ?>)
                api()
                    .get("/api/v1/jobseekers/" + report.num("rows[0].id") + "/audit", admin())
                    .list("")
                    .get(0))
            .get("detail"));
  }
}
