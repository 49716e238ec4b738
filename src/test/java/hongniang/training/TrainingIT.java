package hongniang.training;

import static hongniang.support.Fixtures.aCourse;
import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.communities.CommunityRequest;
import hongniang.jobseekers.JobseekerRequest;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import hongniang.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Training: courses and their rules, who may enrol whom, seats under concurrency, a certificate
 * that makes a licence-gated posting feasible for matching, and the figures of a period.
 */
@MicronautTest(transactional = false)
class TrainingIT extends ApiTest {

  @Inject TestClock clock;

  /** The service's today (Asia/Shanghai), which the periods and completions go by. */
  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private long course(CourseRequest body) {
    Reply created = api().post("/api/v1/courses", body, admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private long resident(long community) {
    return resident(aJobseeker(community));
  }

  private long resident(JobseekerRequest body) {
    Reply created = api().post("/api/v1/jobseekers", body, admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private Reply enrol(long course, long jobseeker, String token) {
    return api()
        .post("/api/v1/courses/" + course + "/enrolments", Map.of("jobseekerId", jobseeker), token);
  }

  private long enrolled(long course, long jobseeker) {
    Reply enrolled = enrol(course, jobseeker, admin());
    assertEquals(201, enrolled.status(), enrolled.toString());
    return enrolled.num("id");
  }

  private Reply complete(long enrolment, Map<String, Object> body) {
    return api().post("/api/v1/enrolments/" + enrolment + "/complete", body, admin());
  }

  /** A licence name no other test uses, to find one test's courses in the shared list. */
  private static String aLicence() {
    return "测试证" + System.nanoTime() % 1_000_000_000L;
  }

  @Test
  void coursesAreCreatedReadByEveryoneAndChangedByTheirStaff() {
    String licence = aLicence();
    Reply created =
        api().post("/api/v1/courses", edit(aCourse()).licence(licence).build(), admin());
    assertEquals(201, created.status(), created.toString());
    assertEquals("\"0\"", created.header("ETag"));
    assertEquals(20, created.num("seatsLeft"));
    assertEquals(null, created.at("communityId"));
    long id = created.num("id");

    String resident = userToken(Role.RESIDENT, resident(2));
    Reply read = api().get("/api/v1/courses/" + id, resident);
    assertEquals(200, read.status(), read.toString());
    assertEquals("VOCATIONAL", read.str("kind"));
    assertEquals(
        List.of(id),
        ids(
            api()
                .get(
                    "/api/v1/courses?licence=" + encode(licence),
                    userToken(Role.EMPLOYER, aUnit()))));
    assertEquals(403, api().post("/api/v1/courses", aCourse(), resident).status());

    Reply changed =
        api()
            .send(
                HttpRequest.PUT(
                        "/api/v1/courses/" + id, edit(aCourse()).licence(licence).seats(25).build())
                    .header("If-Match", "\"0\""),
                admin());
    assertEquals(200, changed.status(), changed.toString());
    assertEquals(25, changed.num("seats"));
    assertEquals("\"1\"", changed.header("ETag"));
    Reply stale =
        api()
            .send(
                HttpRequest.PUT("/api/v1/courses/" + id, aCourse()).header("If-Match", "\"0\""),
                admin());
    assertEquals(412, stale.status(), stale.toString());

    // a matchmaker runs their own community's courses, and changes no other's
    String matchmaker = userToken(Role.MATCHMAKER, 3L);
    Reply own = api().post("/api/v1/courses", edit(aCourse()).licence(licence).build(), matchmaker);
    assertEquals(201, own.status(), own.toString());
    assertEquals(3, own.num("communityId"));
    Reply elsewhere =
        api().post("/api/v1/courses", edit(aCourse()).communityId(4L).build(), matchmaker);
    assertEquals(400, elsewhere.status(), elsewhere.toString());
    assertEquals(List.of("communityId:OwnCommunity"), elsewhere.fieldRules());
    assertEquals(403, api().put("/api/v1/courses/" + id, aCourse(), matchmaker).status());
    assertEquals(
        403,
        api()
            .put("/api/v1/courses/" + own.num("id"), aCourse(), userToken(Role.MATCHMAKER, 4L))
            .status());
    Reply mine =
        api().put("/api/v1/courses/" + own.num("id"), edit(aCourse()).seats(5).build(), matchmaker);
    assertEquals(200, mine.status(), mine.toString());
    assertEquals(3, mine.num("communityId"));
    assertEquals(404, api().get("/api/v1/courses/999999999", admin()).status());
  }

  @Test
  void aCourseBreakingTheRulesIsRefusedByField() {
    Reply reversed =
        api()
            .post(
                "/api/v1/courses",
                edit(aCourse()).startsOn(today().plusDays(10)).endsOn(today().plusDays(9)).build(),
                admin());
    assertEquals(400, reversed.status(), reversed.toString());
    assertEquals(List.of("endsOn:DateOrder"), reversed.fieldRules());
    assertEquals("结课日期不能早于开课日期", reversed.str("errors[0].message"));

    Reply noSeats = api().post("/api/v1/courses", edit(aCourse()).seats(0).build(), admin());
    assertEquals(400, noSeats.status(), noSeats.toString());
    assertEquals(List.of("seats:Min"), noSeats.fieldRules());

    Reply several =
        api()
            .post(
                "/api/v1/courses",
                edit(aCourse()).title(" ").place(null).communityId(424242L).build(),
                admin());
    assertEquals(
        List.of("communityId:Exists", "place:NotBlank", "title:NotBlank"),
        several.fieldRules().stream().sorted().toList());

    String json =
        "{\"title\":\"烹饪\",\"kind\":\"COOKING\",\"provider\":\"中心\",\"startsOn\":\""
            + today()
            + "\",\"endsOn\":\""
            + today()
            + "\",\"place\":\"中心\",\"seats\":5}";
    Reply kind = api().postJson("/api/v1/courses", json, admin(), null);
    assertEquals(400, kind.status(), kind.toString());
    assertEquals(List.of("kind:OneOf"), kind.fieldRules());
    assertTrue(kind.str("errors[0].message").contains("职业培训 VOCATIONAL"), kind.toString());

    Reply unknownField =
        api()
            .postJson(
                "/api/v1/courses",
                json.replace("COOKING", "VOCATIONAL").replace("}", ",\"price\":1}"),
                admin(),
                null);
    assertEquals(List.of("price:UnknownField"), unknownField.fieldRules());

    // the seats never below those taken
    long id = course(edit(aCourse()).seats(2).build());
    enrolled(id, resident(2));
    enrolled(id, resident(2));
    Reply fewer = api().put("/api/v1/courses/" + id, edit(aCourse()).seats(1).build(), admin());
    assertEquals(422, fewer.status(), fewer.toString());
    assertEquals(List.of("seats:SeatsTaken"), fewer.fieldRules());
    assertEquals(2, api().get("/api/v1/courses/" + id, admin()).num("seats"));
  }

  @Test
  void endedCoursesLeaveTheListUnlessAskedFor() {
    String licence = aLicence();
    long running = course(edit(aCourse()).licence(licence).build());
    long ended =
        course(
            edit(aCourse())
                .licence(licence)
                .startsOn(today().minusDays(30))
                .endsOn(today().minusDays(2))
                .build());
    String path = "/api/v1/courses?licence=" + encode(licence);
    assertEquals(List.of(running), ids(api().get(path, admin())));
    assertEquals(List.of(ended, running), ids(api().get(path + "&includeEnded=true", admin())));
    Reply late = enrol(ended, resident(2), admin());
    assertEquals(409, late.status(), late.toString());
    assertEquals(List.of("endsOn:CourseEnded"), late.fieldRules());
  }

  @Test
  void staffEnrolTheResidentsTheySeeAndNobodyElse() {
    long course = course(aCourse());
    long mine = resident(5);
    long theirs = resident(6);
    String matchmaker = userToken(Role.MATCHMAKER, 5L);
    String otherMatchmaker = userToken(Role.MATCHMAKER, 6L);
    String residentToken = userToken(Role.RESIDENT, mine);

    Reply enrolled = enrol(course, mine, matchmaker);
    assertEquals(201, enrolled.status(), enrolled.toString());
    assertEquals("ENROLLED", enrolled.str("status"));
    assertEquals("李秀英", enrolled.str("jobseekerName"));
    long enrolment = enrolled.num("id");
    Reply other = enrol(course, theirs, matchmaker);
    assertEquals(404, other.status(), other.toString());
    assertEquals(403, enrol(course, theirs, residentToken).status());
    assertEquals(403, enrol(course, mine, residentToken).status());
    Reply again = enrol(course, mine, admin());
    assertEquals(409, again.status(), again.toString());
    assertEquals(List.of("jobseekerId:AlreadyEnrolled"), again.fieldRules());
    enrolled(course, theirs);

    String list = "/api/v1/courses/" + course + "/enrolments";
    assertEquals(List.of(enrolment), ids(api().get(list, matchmaker)));
    assertEquals(2, api().get(list, admin()).num("totalItems"));
    assertEquals(403, api().get(list, residentToken).status());

    // another community's resident's enrolment does not exist for a matchmaker
    assertEquals(404, api().get("/api/v1/enrolments/" + enrolment, otherMatchmaker).status());
    assertEquals(
        404,
        api()
            .post(
                "/api/v1/enrolments/" + enrolment + "/complete",
                Map.of("passed", true),
                otherMatchmaker)
            .status());
    assertEquals(
        404,
        api()
            .post("/api/v1/enrolments/" + enrolment + "/withdraw", Map.of(), otherMatchmaker)
            .status());
    assertEquals(200, api().get("/api/v1/enrolments/" + enrolment, residentToken).status());

    // a resident's training: themself and the staff who see them
    String training = "/api/v1/jobseekers/" + mine + "/training";
    assertEquals(List.of(enrolment), ids(api().get(training, residentToken), ""));
    assertEquals(
        404, api().get("/api/v1/jobseekers/" + theirs + "/training", residentToken).status());
    assertEquals(404, api().get(training, otherMatchmaker).status());
    assertEquals(200, api().get(training, matchmaker).status());
    Reply audit = api().get("/api/v1/jobseekers/" + mine + "/audit", admin());
    assertTrue(
        audit.list("").stream().anyMatch(e -> "training".equals(((Map<?, ?>) e).get("detail"))),
        audit.toString());

    // a withdrawal frees the seat; the resident may come back to the same enrolment
    Reply withdrawn =
        api().post("/api/v1/enrolments/" + enrolment + "/withdraw", Map.of(), matchmaker);
    assertEquals("WITHDRAWN", withdrawn.str("status"), withdrawn.toString());
    assertEquals(1, api().get("/api/v1/courses/" + course, admin()).num("seatsTaken"));
    Reply completing = complete(enrolment, Map.of("passed", true));
    assertEquals(409, completing.status(), completing.toString());
    assertEquals(List.of("status:Transition"), completing.fieldRules());
    Reply back = enrol(course, mine, matchmaker);
    assertEquals(201, back.status(), back.toString());
    assertEquals(enrolment, back.num("id"));
    assertEquals(2, api().get("/api/v1/courses/" + course, admin()).num("seatsTaken"));
  }

  @Test
  void twentyConcurrentEnrolmentsForThreeSeatsTakeExactlyThree() throws Exception {
    long course = course(edit(aCourse()).seats(3).build());
    List<Long> residents = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      residents.add(resident(7));
    }
    String token = admin();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Reply> replies = new ArrayList<>();
    try {
      List<Future<Reply>> futures = new ArrayList<>();
      for (long r : residents) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return enrol(course, r, token);
                }));
      }
      start.countDown();
      for (Future<Reply> f : futures) {
        replies.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(3, replies.stream().filter(r -> r.status() == 201).count(), replies.toString());
    for (Reply r : replies) {
      if (r.status() != 201) {
        assertEquals(409, r.status(), r.toString());
        assertEquals(List.of("seats:CourseFull"), r.fieldRules());
      }
    }
    Reply after = api().get("/api/v1/courses/" + course, admin());
    assertEquals(3, after.num("seatsTaken"));
    assertEquals(0, after.num("seatsLeft"));
    assertEquals(
        3, api().get("/api/v1/courses/" + course + "/enrolments", admin()).num("totalItems"));
  }

  @Test
  void aCertificateEarnedMakesALicenceGatedPostingFeasible() {
    long unit = aPartner();
    Reply posting =
        api()
            .post(
                "/api/v1/postings",
                edit(aPosting(unit))
                    .title("维修电工")
                    .occupation("电工")
                    .skills(List.of("电工"))
                    .workCommunityId(8L)
                    .requiredLicences(List.of("电工证"))
                    .build(),
                admin());
    assertEquals(201, posting.status(), posting.toString());
    long job = posting.num("id");
    JobseekerRequest electrician =
        edit(aJobseeker(8)).desiredOccupations(List.of("电工")).skills(List.of("电工")).build();
    long resident = resident(electrician);
    String matches = "/api/v1/jobseekers/" + resident + "/matches?size=100&explain=excluded";

    Reply before =
        eventually(
            () -> api().get(matches, admin()), r -> ids(r, "excluded", "postingId").contains(job));
    assertFalse(ids(before, "matches", "postingId").contains(job), before.toString());
    assertTrue(before.text().contains("LicenceMissing"), before.toString());
    long versionBefore = api().get("/api/v1/jobseekers/" + resident, admin()).num("version");

    long enrolment = enrolled(course(aCourse()), resident);
    Reply failedWithCertificate =
        complete(enrolment, Map.of("passed", false, "certificateNumber", "DG-1"));
    assertEquals(400, failedWithCertificate.status(), failedWithCertificate.toString());
    assertEquals(List.of("certificateNumber:PassedOnly"), failedWithCertificate.fieldRules());
    Reply future =
        complete(enrolment, Map.of("passed", true, "completedOn", today().plusDays(3).toString()));
    assertEquals(List.of("completedOn:PastOrPresent"), future.fieldRules(), future.toString());

    Reply passed = complete(enrolment, Map.of("passed", true, "certificateNumber", "DG-2024-0117"));
    assertEquals(200, passed.status(), passed.toString());
    assertEquals("COMPLETED", passed.str("status"));
    assertEquals(true, passed.at("licenceAdded"));
    assertEquals("DG-2024-0117", passed.str("certificateNumber"));
    Reply profile = api().get("/api/v1/jobseekers/" + resident, admin());
    assertTrue(profile.list("licences").contains("电工证"), profile.toString());
    assertEquals(versionBefore + 1, profile.num("version"));

    Reply after =
        eventually(
            () -> api().get(matches, admin()), r -> ids(r, "matches", "postingId").contains(job));
    assertFalse(ids(after, "excluded", "postingId").contains(job), after.toString());

    // an edit of the profile read before the certificate cannot write it away
    Reply stale =
        api()
            .send(
                HttpRequest.PUT("/api/v1/jobseekers/" + resident, electrician)
                    .header("If-Match", "\"" + versionBefore + "\""),
                admin());
    assertEquals(412, stale.status(), stale.toString());
    assertTrue(
        api().get("/api/v1/jobseekers/" + resident, admin()).list("licences").contains("电工证"));
    Reply twice = complete(enrolment, Map.of("passed", true));
    assertEquals(409, twice.status(), twice.toString());
  }

  @Test
  void theSummaryCountsResidentsTrainedInThePeriod() {
    String name = "培训测试社区" + System.nanoTime() % 1_000_000;
    Reply community = api().post("/api/v1/communities", new CommunityRequest(name, null), admin());
    assertEquals(201, community.status(), community.toString());
    long place = community.num("id");
    long vocational =
        course(
            edit(aCourse()).title("育婴员培训").licence("育婴员证").startsOn(today().minusDays(60)).build());
    long business =
        course(
            edit(aCourse())
                .title("创业培训（SYB）")
                .kind(CourseKind.ENTREPRENEURSHIP)
                .licence(null)
                .startsOn(today().minusDays(10))
                .build());
    long r1 = resident(place);
    long r2 = resident(place);
    long r3 = resident(place);
    long r4 = resident(place);
    long elsewhere = resident(2);
    assertEquals(
        200,
        complete(enrolled(vocational, r1), Map.of("passed", true, "certificateNumber", "YY-1"))
            .status());
    assertEquals(200, complete(enrolled(business, r1), Map.of("passed", true)).status());
    assertEquals(200, complete(enrolled(vocational, r2), Map.of("passed", false)).status());
    assertEquals(
        200,
        complete(
                enrolled(vocational, r3),
                Map.of("passed", true, "completedOn", today().minusDays(40).toString()))
            .status());
    enrolled(business, r4);
    assertEquals(200, complete(enrolled(vocational, elsewhere), Map.of("passed", true)).status());

    String period = "/api/v1/training/summary?from=" + today().minusDays(30) + "&to=" + today();
    Reply summary = api().get(period + "&communityId=" + place, admin());
    assertEquals(200, summary.status(), summary.toString());
    assertEquals(2, summary.num("residentsTrained"), summary.toString());
    assertEquals(3, summary.num("completions"));
    assertEquals(2, summary.num("passed"));
    assertEquals(1, summary.num("certificatesEarned"));
    assertEquals(4, summary.num("residentsEnrolled"));
    assertEquals("VOCATIONAL", summary.str("byKind[0].kind"));
    assertEquals(2, summary.num("byKind[0].residentsTrained"));
    assertEquals(1, summary.num("byKind[0].certificatesEarned"));
    assertEquals(3, summary.num("byKind[0].residentsEnrolled"));
    assertEquals("ENTREPRENEURSHIP", summary.str("byKind[1].kind"));
    assertEquals(1, summary.num("byKind[1].residentsTrained"));
    assertEquals(0, summary.num("byKind[1].certificatesEarned"));
    assertEquals(2, summary.num("byKind[1].residentsEnrolled"));

    Reply longer =
        api()
            .get(
                "/api/v1/training/summary?from=" + today().minusDays(60) + "&communityId=" + place,
                admin());
    assertEquals(3, longer.num("residentsTrained"), longer.toString());
    assertEquals(2, longer.num("certificatesEarned"));

    // a matchmaker counts their own community, and no other
    String matchmaker = userToken(Role.MATCHMAKER, place);
    assertEquals(2, api().get(period, matchmaker).num("residentsTrained"));
    assertEquals(
        404, api().get(period + "&communityId=" + place, userToken(Role.MATCHMAKER, 2L)).status());
    assertEquals(403, api().get(period, userToken(Role.RESIDENT, r1)).status());
    Reply reversed =
        api()
            .get(
                "/api/v1/training/summary?from=" + today() + "&to=" + today().minusDays(1),
                admin());
    assertEquals(400, reversed.status(), reversed.toString());
    assertEquals(List.of("to:DateOrder"), reversed.fieldRules());
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<Long> ids(Reply r) {
    return ids(r, "items", "id");
  }

  private static List<Long> ids(Reply r, String list) {
    return ids(r, list, "id");
  }

  private static List<Long> ids(Reply r, String list, String field) {
    List<Long> out = new ArrayList<>();
    Object items = r.at(list);
    if (items instanceof List<?> l) {
      for (Object item : l) {
        out.add(((Number) ((Map<?, ?>) item).get(field)).longValue());
      }
    }
    return out;
  }

  @Test
  void aRetriedEnrolmentWithItsIdempotencyKeyIsTheFirstOne() {
    long course = course(edit(aCourse()).seats(1).build());
    long jobseeker = resident(1);
    List<Reply> replies = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      replies.add(
          api()
              .send(
                  HttpRequest.POST(
                          "/api/v1/courses/" + course + "/enrolments",
                          Map.of("jobseekerId", jobseeker))
                      .header("Idempotency-Key", "enrol-" + course),
                  admin()));
    }
    assertEquals(201, replies.get(0).status(), replies.get(0).toString());
    assertEquals(201, replies.get(1).status(), "the retry is the first answer, not a 409");
    assertEquals(replies.get(0).num("id"), replies.get(1).num("id"));
    assertEquals(1L, api().get("/api/v1/courses/" + course, admin()).num("seatsTaken"));
  }
}
