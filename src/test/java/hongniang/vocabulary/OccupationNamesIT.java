package hongniang.vocabulary;

import static hongniang.support.Fixtures.aJobseeker;
import static hongniang.support.Fixtures.aLowIncomeJobseeker;
import static hongniang.support.Fixtures.aPosting;
import static hongniang.support.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.jobseekers.JobseekerRequest;
import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.JobseekerRequestBuilder;
import hongniang.support.PostingRequestBuilder;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Job names outside the list, over real HTTP, PostgreSQL and Lucene: the same name matches fully,
 * an unknown name is read as its nearest listed one, and admins' local names apply at once.
 */
@MicronautTest(transactional = false)
class OccupationNamesIT extends ApiTest {

  private static final long COMMUNITY = 6;

  private long posting(long unit, UnaryOperator<PostingRequestBuilder> changes) {
    Reply created =
        api()
            .post(
                "/api/v1/postings",
                changes.apply(edit(aPosting(unit)).workCommunityId(COMMUNITY)).build(),
                admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private long resident(UnaryOperator<JobseekerRequestBuilder> changes) {
    JobseekerRequest body = changes.apply(edit(aJobseeker(COMMUNITY))).build();
    Reply created = api().post("/api/v1/jobseekers", body, admin());
    assertEquals(201, created.status(), created.toString());
    return created.num("id");
  }

  private Reply resolve(String name, String token) {
    return api()
        .get(
            "/api/v1/occupations/resolve?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
            token);
  }

  /** The occupation part of a hit in a match list, or null when the hit is not there. */
  private static Map<?, ?> part(Reply list, String idField, long id, String name) {
    for (Object hit : (List<?>) list.at("matches")) {
      Map<?, ?> h = (Map<?, ?>) hit;
      if (((Number) h.get(idField)).longValue() == id) {
        for (Object p : (List<?>) h.get("parts")) {
          if (name.equals(((Map<?, ?>) p).get("name"))) {
            return (Map<?, ?>) p;
          }
        }
      }
    }
    return null;
  }

  private static double points(Map<?, ?> part) {
    return ((Number) part.get("points")).doubleValue();
  }

  private static double max(Map<?, ?> part) {
    return ((Number) part.get("max")).doubleValue();
  }

  private Map<?, ?> occupationForResident(long resident, long posting) {
    Reply r =
        eventually(
            () -> api().get("/api/v1/jobseekers/" + resident + "/matches?size=100", admin()),
            x -> part(x, "postingId", posting, "occupation") != null);
    return part(r, "postingId", posting, "occupation");
  }

  @Test
  void theSameNameOutsideTheListMatchesFullyBothWays() {
    String name = "元宇宙策展助理";
    assertNotEquals("LISTED", resolve(name, admin()).str("kind"));
    long unit = aPartner();
    long job = posting(unit, b -> b.title("数字展厅" + name).occupation(name));
    long resident = resident(b -> b.desiredOccupations(List.of(name)));

    Map<?, ?> part = occupationForResident(resident, job);
    assertEquals(max(part), points(part), 0.01, part.toString());
    assertTrue(((String) part.get("zh")).contains("正是本岗位"), part.toString());

    Reply forPosting =
        eventually(
            () -> api().get("/api/v1/postings/" + job + "/matches?size=100", admin()),
            x -> part(x, "jobseekerId", resident, "occupation") != null);
    Map<?, ?> other = part(forPosting, "jobseekerId", resident, "occupation");
    assertEquals(max(other), points(other), 0.01, other.toString());
  }

  @Test
  void anUnknownNameIsReadAsTheNearestListedNameAtTheSameGroupsTier() {
    Reply read = resolve("快递分拣打包员", userToken(Role.EMPLOYER, aPartner()));
    assertEquals(200, read.status(), read.toString());
    assertEquals("READ_AS", read.str("kind"), read.toString());
    String readAs = read.str("readAs");
    assertNotNull(readAs);
    assertTrue(read.str("zh").contains("读作“" + readAs + "”"), read.toString());
    assertTrue(read.str("code").startsWith("~"), read.toString());
    assertTrue(!read.list("sharedWords").isEmpty(), read.toString());

    long unit = aPartner();
    long job = posting(unit, b -> b.title("仓库" + readAs).occupation(readAs));
    long resident = resident(b -> b.desiredOccupations(List.of("快递分拣打包员")));
    Map<?, ?> part = occupationForResident(resident, job);
    // the group's tier: 0.6 of the occupation weight
    assertEquals(max(part) * 0.6, points(part), 0.06, part.toString());
    assertTrue(((String) part.get("zh")).contains("快递分拣打包员（按“" + readAs + "”理解）"), part.toString());
    assertTrue(((String) part.get("en")).contains("(read as " + readAs + ")"), part.toString());
  }

  @Test
  void resolveSaysHowANameReadsAndRefusesNonsense() {
    Reply listed = resolve("清洁工", admin());
    assertEquals("LISTED", listed.str("kind"));
    assertEquals("cleaning", listed.str("group"));
    assertEquals("保洁环卫", listed.str("groupLabel"));
    String cleaner =
        "/api/v1/occupations/resolve?name=" + URLEncoder.encode("清洁工", StandardCharsets.UTF_8);
    assertEquals(
        "Cleaning and sanitation",
        api().send(io.micronaut.http.HttpRequest.GET(cleaner), admin(), "en").str("groupLabel"));
    // any other language gets Chinese, as errors do
    assertEquals(
        "保洁环卫",
        api().send(io.micronaut.http.HttpRequest.GET(cleaner), admin(), "fr").str("groupLabel"));
    assertNotNull(listed.str("occupationCode"));
    // where 保洁员 stands in the 职业分类大典: major group 4 down to the occupation it belongs under
    List<?> path = listed.list("classification");
    assertEquals("4", ((Map<?, ?>) path.get(0)).get("code"), path.toString());
    assertTrue(path.toString().contains("4-09-08-01"), path.toString());

    Reply unknown = resolve("叽里呱啦员", admin());
    assertEquals("UNKNOWN", unknown.str("kind"), unknown.toString());
    assertTrue(unknown.str("zh").contains("只与同名"), unknown.toString());

    assertEquals(
        List.of("name:NotBlank"), api().get("/api/v1/occupations/resolve", admin()).fieldRules());
    assertEquals(List.of("name:NoControlCharacters"), resolve("保洁\u0000员", admin()).fieldRules());
    assertEquals(List.of("name:Size"), resolve("保".repeat(61), admin()).fieldRules());
    assertEquals(401, resolve("保洁员", null).status());
    assertEquals(200, resolve("保洁员", userToken(Role.RESIDENT, resident(b -> b))).status());
  }

  @Test
  void adminsAddLocalNamesThatApplyAtOnceAndCanBeTakenBack() {
    String postingName = "咕噜咕噜员";
    String residentName = "咕噜咕噜师";
    assertEquals("UNKNOWN", resolve(postingName, admin()).str("kind"));
    assertEquals("UNKNOWN", resolve(residentName, admin()).str("kind"));
    long unit = aPartner();
    long job = posting(unit, b -> b.title("社区" + postingName).occupation(postingName));
    long resident = resident(b -> b.desiredOccupations(List.of(residentName)));

    Reply own =
        api()
            .post(
                "/api/v1/occupations/local-names",
                new LocalNameRequest(postingName, null, null, "public-welfare", "社区自设岗位"),
                admin());
    assertEquals(201, own.status(), own.toString());
    assertEquals("LOCAL:" + postingName, own.str("code"));
    assertEquals("公益岗位", own.str("groupLabel"));
    assertTrue(own.num("reindexed.postings") >= 1, own.toString());
    Reply alias =
        api()
            .post(
                "/api/v1/occupations/local-names",
                new LocalNameRequest(residentName, postingName, null, null, null),
                admin());
    assertEquals(201, alias.status(), alias.toString());
    assertEquals("LOCAL:" + postingName, alias.str("code"));
    assertEquals(postingName, alias.str("occupation"));
    assertTrue(alias.num("reindexed.jobseekers") >= 1, alias.toString());
    assertEquals("LOCAL", resolve(residentName, admin()).str("kind"));

    // the index's candidates follow: the pair is now the same work
    Reply matches =
        eventually(
            () -> api().get("/api/v1/jobseekers/" + resident + "/matches?size=20", admin()),
            x -> {
              Map<?, ?> p = part(x, "postingId", job, "occupation");
              return p != null && points(p) == max(p);
            });
    assertNotNull(part(matches, "postingId", job, "occupation"));
    List<?> listed = api().get("/api/v1/occupations/local-names", admin()).list("");
    assertTrue(listed.toString().contains(residentName), listed.toString());

    // taking the alias back reads the name as before, at once
    Reply removed = api().delete("/api/v1/occupations/local-names/" + alias.num("id"), admin());
    assertEquals(200, removed.status(), removed.toString());
    // read as before, except that the local occupation is now a name to read by
    Reply after = resolve(residentName, admin());
    assertEquals("READ_AS", after.str("kind"), after.toString());
    assertEquals(postingName, after.str("readAs"));
    assertEquals(
        404, api().delete("/api/v1/occupations/local-names/" + alias.num("id"), admin()).status());
  }

  @Test
  void localNamesRefuseBadRequestsAndOtherRoles() {
    String path = "/api/v1/occupations/local-names";
    assertEquals(
        List.of("aliasOf:ExactlyOne"),
        api()
            .post(path, new LocalNameRequest("某某工", null, null, null, null), admin())
            .fieldRules());
    assertEquals(
        List.of("aliasOf:ExactlyOne"),
        api()
            .post(path, new LocalNameRequest("某某工", "保洁员", null, "cleaning", null), admin())
            .fieldRules());
    assertEquals(
        List.of("code:Exists"),
        api()
            .post(path, new LocalNameRequest("某某工", null, "9-99-99-99", null, null), admin())
            .fieldRules());
    assertEquals(
        List.of("group:OneOf"),
        api()
            .post(path, new LocalNameRequest("某某工", null, null, "nowhere", null), admin())
            .fieldRules());
    assertEquals(
        List.of("aliasOf:Listed"),
        api()
            .post(path, new LocalNameRequest("某某工", "咕噜咕噜员工", null, null, null), admin())
            .fieldRules());
    assertEquals(
        List.of("name:NotBlank"),
        api().post(path, new LocalNameRequest(" ", "保洁员", null, null, null), admin()).fieldRules());
    assertEquals(
        List.of("name:NoControlCharacters"),
        api()
            .post(path, new LocalNameRequest("某\u0000工", "保洁员", null, null, null), admin())
            .fieldRules());
    assertEquals(
        List.of("name:Unique"),
        api()
            .post(path, new LocalNameRequest("清洁工", "保洁员", null, null, null), admin())
            .fieldRules(),
        "already read as that occupation");
    Reply first = api().post(path, new LocalNameRequest("某某保洁工", "保洁员", null, null, null), admin());
    assertEquals(201, first.status(), first.toString());
    assertEquals(
        List.of("name:Unique"),
        api()
            .post(path, new LocalNameRequest(" 某某保洁工 ", "保安员", null, null, null), admin())
            .fieldRules());

    long unit = aPartner();
    String employer = userToken(Role.EMPLOYER, unit);
    String matchmaker = userToken(Role.MATCHMAKER, COMMUNITY);
    LocalNameRequest ok = new LocalNameRequest("某某门卫", "保安员", null, null, null);
    assertEquals(403, api().post(path, ok, employer).status());
    assertEquals(403, api().post(path, ok, matchmaker).status());
    assertEquals(200, api().get(path, matchmaker).status());
    assertEquals(403, api().get(path, employer).status());
    assertEquals(403, api().delete(path + "/" + first.num("id"), matchmaker).status());
    assertEquals(200, api().delete(path + "/" + first.num("id"), admin()).status());
  }

  @Test
  void aQualifyingResidentTakesAPublicWelfarePostUpToTenPercentBelowTheirWage() {
    long unit = aPartner();
    long welfare =
        posting(unit, b -> b.title("社区保洁（公益性岗位）").publicWelfare(true).wageMin(2500).wageMax(2700));
    long ordinary = posting(unit, b -> b.title("商场保洁").wageMin(2500).wageMax(2700));
    long resident = resident(b -> edit(aLowIncomeJobseeker(COMMUNITY)).name("王建国").minWage(3000));
    Reply r =
        eventually(
            () -> api().get("/api/v1/jobseekers/" + resident + "/matches?size=100", admin()),
            x ->
                part(x, "postingId", welfare, "wage") != null
                    && part(x, "postingId", ordinary, "wage") != null);
    Map<?, ?> w = part(r, "postingId", welfare, "wage");
    Map<?, ?> o = part(r, "postingId", ordinary, "wage");
    // 2700 is 10% below 3000: met on a public-welfare post (0.7 of the weight), short elsewhere
    assertEquals(max(w) * 0.7, points(w), 0.06, w.toString());
    assertTrue(points(o) < points(w), o + " vs " + w);
    assertTrue(((String) w.get("zh")).contains("公益性岗位含社保和补贴"), w.toString());
  }
}
