package hongniang.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bodies and parameters a careless or hostile client sends: each is a 4xx problem+json that names
 * the field where there is one, in either language, and no Java internals reach the body.
 */
@MicronautTest(transactional = false)
class HostileBodiesIT extends ApiTest {

  private static final Pattern INTERNALS =
      Pattern.compile(
          "hongniang\\.|java\\.|Cannot deserialize|No enum constant|\\[class |Exception");

  /** A body for a path, and the field its problem must name. */
  private record Hostile(String path, String json, String field) {

    /** The valid body {@code json} with {@code from} replaced by {@code to}. */
    static Hostile spoiled(String path, String json, String from, String to, String field) {
      if (!json.contains(from)) {
        throw new IllegalArgumentException(from + " is not in " + json);
      }
      return new Hostile(path, json.replace(from, to), field);
    }
  }

  @Test
  void hostileBodiesAreRefusedByFieldWithoutInternals() {
    long unit = aPartner();
    String postings = "/api/v1/postings";
    String posting = ErrorLanguageIT.postingJson(unit);
    String jobseekers = "/api/v1/jobseekers";
    String resident =
        "{\"name\":\"王芳\",\"gender\":\"FEMALE\",\"birthYear\":1980,\"communityId\":4,"
            + "\"education\":\"SENIOR_HIGH\"}";
    String agreements = "/api/v1/partners/" + unit + "/agreements";
    String agreement =
        "{\"number\":\"H-1\",\"signingCommunityId\":4,\"signedOn\":\"2024-01-01\","
            + "\"validUntil\":\"2030-01-01\"}";
    String board = "/api/v1/match-board";
    List<Hostile> cases =
        List.of(
            // a wrong enum, a word, a huge number, a fraction, a bad date, a date as a number
            Hostile.spoiled(postings, posting, "\"FULL_TIME\"", "\"FULLTIME\"", "schedule"),
            Hostile.spoiled(postings, posting, "t\":3", "t\":\"three\"", "headcount"),
            Hostile.spoiled(postings, posting, "t\":3", "t\":99999999999999999999", "headcount"),
            Hostile.spoiled(postings, posting, "2200", "2200.5e400", "wageMin"),
            Hostile.spoiled(postings, posting, "\"2099-12-31\"", "\"next month\"", "validThrough"),
            Hostile.spoiled(postings, posting, "\"2099-12-31\"", "99999999999999", "validThrough"),
            // the wrong shape: an array or a string for the object, an object in a list of words
            new Hostile(postings, "[" + posting + "]", "body"),
            new Hostile(postings, "\"posting\"", "body"),
            Hostile.spoiled(
                postings, posting, "\"title\"", "\"skills\":[{\"x\":1}],\"title\"", "skills[0]"),
            // an unknown field holding an object, truncated JSON, no body at all
            Hostile.spoiled(
                postings, posting, "\"title\"", "\"bogus\":{\"a\":true},\"title\"", "bogus"),
            new Hostile(postings, posting.substring(0, posting.length() / 2), "body"),
            new Hostile(postings, "", "body"),
            Hostile.spoiled(jobseekers, resident, "\"SENIOR_HIGH\"", "\"大学\"", "education"),
            Hostile.spoiled(
                jobseekers,
                resident,
                "\"gender\"",
                "\"difficultyCategories\":[\"POOR\"],\"gender\"",
                "difficultyCategories[0]"),
            Hostile.spoiled(jobseekers, resident, "1980", "1e30", "birthYear"),
            Hostile.spoiled(jobseekers, resident, ":4,", ":\"下洋\",", "communityId"),
            new Hostile("/api/v1/partners", "[{\"name\":\"x\"}]", "body"),
            new Hostile("/api/v1/partners", "{\"name\":\"x\",", "body"),
            new Hostile("/api/v1/partners", "{\"name\":\"x\",\"boss\":\"y\"}", "boss"),
            Hostile.spoiled(agreements, agreement, "\"2024-01-01\"", "\"yesterday\"", "signedOn"),
            Hostile.spoiled(agreements, agreement, "{", "{\"status\":\"VOID\",", "status"),
            new Hostile(board, "{\"perResident\":\"two\"}", "perResident"),
            new Hostile(board, "{\"postingIds\":[1,{\"id\":2}]}", "postingIds[1]"),
            new Hostile(board, "{\"communityId\":123456789012345678901234567890}", "communityId"),
            new Hostile(board, "[1,2]", "body"));
    List<String> failures = new ArrayList<>();
    for (Hostile h : cases) {
      for (String language : new String[] {null, "en"}) {
        Reply reply = api().postJson(h.path(), h.json(), admin(), language);
        String problem = check(reply, h.field());
        if (problem != null) {
          failures.add(h + " (" + language + "): " + problem + " — " + reply);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  /** A referral ready to be sent, of a new resident of community 4 to a new open posting. */
  private long aConsentedReferral(long unit) {
    long posting = anOpenPosting(unit);
    Reply resident =
        api()
            .postJson(
                "/api/v1/jobseekers",
                "{\"name\":\"王芳\",\"gender\":\"FEMALE\",\"birthYear\":1975,"
                    + "\"communityId\":1,\"confirmedNotDuplicate\":true}",
                admin(),
                null);
    Reply referral =
        api()
            .postJson(
                "/api/v1/referrals",
                "{\"jobseekerId\":" + resident.num("id") + ",\"postingId\":" + posting + "}",
                admin(),
                null);
    long id = referral.num("id");
    api()
        .postJson(
            "/api/v1/referrals/" + id + "/consent",
            "{\"method\":\"PAPER_FORM\",\"reference\":\"A-1\"}",
            admin(),
            null);
    api().postJson("/api/v1/referrals/" + id + "/transitions", "{\"to\":\"SENT\"}", admin(), null);
    api().post("/api/v1/postings/" + posting + "/close", java.util.Map.of(), admin());
    return id;
  }

  @Test
  void hostileBodiesOfTheWorkflowAreRefusedByFieldWithoutInternals() {
    long unit = aPartner();
    long referral = aConsentedReferral(unit);
    String move = "/api/v1/referrals/" + referral + "/transitions";
    String interview =
        "{\"to\":\"INTERVIEW\",\"interview\":{\"date\":\"2099-01-02\",\"time\":\"09:00\","
            + "\"place\":\"x\",\"contact\":\"y\"}}";
    String hire =
        "{\"to\":\"HIRED\",\"placement\":{\"startDate\":\"2099-01-02\",\"monthlyWage\":2000}}";
    String placement =
        "{\"jobseekerId\":1,\"type\":\"FLEXIBLE\",\"startDate\":\"2026-01-01\","
            + "\"monthlyWage\":2000,\"employerName\":\"x\"}";
    String course =
        "{\"title\":\"育婴员\",\"kind\":\"VOCATIONAL\",\"provider\":\"x\",\"startsOn\":\"2099-01-01\","
            + "\"endsOn\":\"2099-02-01\",\"place\":\"y\",\"seats\":10}";
    long courseId = api().postJson("/api/v1/courses", course, admin(), null).num("id");
    List<Hostile> cases =
        List.of(
            new Hostile(
                "/api/v1/referrals", "{\"jobseekerId\":\"me\",\"postingId\":1}", "jobseekerId"),
            new Hostile("/api/v1/referrals", "{\"jobseekerId\":1,\"postingId\":1e40}", "postingId"),
            new Hostile(
                "/api/v1/referrals",
                "{\"jobseekerId\":1,\"postingId\":1,\"note\":\"a\\u0000b\"}",
                "note"),
            new Hostile(move, "{\"to\":\"MARRIED\"}", "to"),
            new Hostile(move, "{\"to\":null}", "to"),
            new Hostile(move, "{\"to\":\"NOT_HIRED\",\"reason\":\"BAD_LUCK\"}", "reason"),
            Hostile.spoiled(move, interview, "\"2099-01-02\"", "20990102", "interview.date"),
            Hostile.spoiled(move, interview, "\"09:00\"", "\"25:61\"", "interview.time"),
            Hostile.spoiled(move, interview, "\"x\"", "\"a\\u0000b\"", "interview.place"),
            Hostile.spoiled(move, hire, "2000", "1e99", "placement.monthlyWage"),
            Hostile.spoiled(move, hire, "\"HIRED\"", "\"HIRED\",\"salary\":3", "salary"),
            new Hostile(move, "[]", "body"),
            new Hostile(
                "/api/v1/referrals/" + referral + "/consent",
                "{\"method\":\"TELEPATHY\"}",
                "method"),
            new Hostile("/api/v1/match-board/1/accept", "{\"proposals\":[null]}", "proposals[0]"),
            new Hostile("/api/v1/match-board", "{\"jobseekerIds\":[1,null]}", "jobseekerIds[1]"),
            new Hostile("/api/v1/match-board", "{\"postingIds\":[null]}", "postingIds[0]"),
            new Hostile(
                "/api/v1/match-board/1/accept",
                "{\"proposals\":[{\"postingId\":\"x\"}]}",
                "proposals[0].postingId"),
            Hostile.spoiled("/api/v1/placements", placement, "\"FLEXIBLE\"", "\"GIG\"", "type"),
            Hostile.spoiled("/api/v1/placements", placement, "2000", "-5", "monthlyWage"),
            Hostile.spoiled("/api/v1/placements", placement, "\"2026-01-01\"", "1e12", "startDate"),
            Hostile.spoiled("/api/v1/courses", course, "10", "\"ten\"", "seats"),
            Hostile.spoiled("/api/v1/courses", course, "\"VOCATIONAL\"", "\"MAGIC\"", "kind"),
            new Hostile(
                "/api/v1/courses/" + courseId + "/enrolments",
                "{\"jobseekerId\":[1,2]}",
                "jobseekerId"),
            new Hostile("/api/v1/follow-ups/1", "{\"outcome\":\"VANISHED\"}", "outcome"));
    List<String> failures = new ArrayList<>();
    for (Hostile h : cases) {
      for (String language : new String[] {null, "en"}) {
        Reply reply = api().postJson(h.path(), h.json(), admin(), language);
        String problem = check(reply, h.field());
        if (problem != null) {
          failures.add(h + " (" + language + "): " + problem + " — " + reply);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void hostileParametersAreRefusedByNameWithoutInternals() {
    List<String[]> cases =
        List.of(
            new String[] {"/api/v1/postings?schedule=x", "schedule"},
            new String[] {"/api/v1/postings?status=LIVE", "status"},
            new String[] {"/api/v1/postings?page=99999999999999", "page"},
            new String[] {"/api/v1/postings?size=ten", "size"},
            new String[] {"/api/v1/postings/abc", "id"},
            new String[] {"/api/v1/jobseekers/search?minEducation=大学", "minEducation"},
            new String[] {"/api/v1/jobseekers?category=POOR", "category"},
            new String[] {"/api/v1/jobseekers/search?wageAtMost=1e99", "wageAtMost"},
            new String[] {"/api/v1/partners/x/agreements", "id"},
            new String[] {"/api/v1/referrals?state=LOST", "state"},
            new String[] {"/api/v1/referrals?page=2147483648", "page"},
            new String[] {"/api/v1/referrals?jobseekerId=x", "jobseekerId"},
            new String[] {"/api/v1/worklist?size=1000", "size"},
            new String[] {"/api/v1/worklist?communityId=abc", "communityId"},
            new String[] {"/api/v1/inbox?page=-1", "page"},
            new String[] {"/api/v1/placements?type=GIG", "type"},
            new String[] {"/api/v1/follow-ups?state=SOON", "state"},
            new String[] {"/api/v1/training/summary?from=yesterday", "from"});
    List<String> failures = new ArrayList<>();
    for (String[] c : cases) {
      for (String language : new String[] {null, "en"}) {
        Reply reply =
            language == null
                ? api().get(c[0], admin())
                : api().send(HttpRequest.GET(c[0]), admin(), language);
        String problem = check(reply, c[1]);
        if (problem != null) {
          failures.add(c[0] + " (" + language + "): " + problem + " — " + reply);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  /** What is wrong with the reply to a hostile request, or null. */
  private static String check(Reply reply, String field) {
    if (reply.status() < 400 || reply.status() >= 500) {
      return "status " + reply.status();
    }
    if (!reply.contentType().startsWith("application/problem+json")) {
      return "content type " + reply.contentType();
    }
    if (INTERNALS.matcher(reply.text()).find()) {
      return "internals in the body";
    }
    if (field != null && !reply.fieldRules().stream().anyMatch(r -> r.startsWith(field + ":"))) {
      return "no error on " + field;
    }
    return reply.text().matches("(?s).*\\{\\w+\\}.*") ? "an unfilled placeholder" : null;
  }
}
