package hongniang.support;

import hongniang.accounts.NewUser;
import hongniang.jobseekers.JobseekerRequest;
import hongniang.security.Role;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * Base of HTTP integration tests: a real server on the shared test PostgreSQL, an admin token, and
 * helpers that create what a test stands on through the API itself.
 */
public abstract class ApiTest implements DatabaseTest {

  public static final String ADMIN_PASSWORD = "admin-test-password";

  @Inject
  @Client("/")
  HttpClient http;

  @Inject JsonMapper json;

  private Api api;
  private String admin;

  protected Api api() {
    if (api == null) {
      api = new Api(http, json);
    }
    return api;
  }

  protected String admin() {
    if (admin == null) {
      admin = api().login("admin", ADMIN_PASSWORD);
    }
    return admin;
  }

  /** GETs a path with one query parameter, encoded (Chinese names, spaces). */
  protected Reply getWith(String path, String parameter, String value) {
    return api()
        .get(
            path
                + "?"
                + parameter
                + "="
                + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8),
            admin());
  }

  /** Repeats the request until the reply passes the check: the indexer works in the background. */
  protected Reply eventually(
      java.util.function.Supplier<Reply> request, java.util.function.Predicate<Reply> check) {
    long deadline = System.currentTimeMillis() + 5000;
    Reply reply = request.get();
    while (!check.test(reply) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      reply = request.get();
    }
    if (!check.test(reply)) {
      throw new AssertionError("never happened; last reply: " + reply);
    }
    return reply;
  }

  /** Signs an agreement for the unit, in community 4, between the dates. */
  protected Reply sign(long unitId, long communityId, LocalDate from, LocalDate until) {
    return api()
        .post(
            "/api/v1/partners/" + unitId + "/agreements",
            Fixtures.anAgreement(communityId, from, until),
            admin());
  }

  /** The password of every user the tests create. */
  public static final String USER_PASSWORD = "password-123";

  /** Creates a user with the role and binding, and returns their token. */
  protected String userToken(Role role, Long bindingId) {
    return api().login(aUser(role, bindingId), USER_PASSWORD);
  }

  /** Creates a user with the role and binding ({@link #USER_PASSWORD}); returns the user name. */
  protected String aUser(Role role, Long bindingId) {
    String username = (role + "-" + System.nanoTime()).toLowerCase();
    NewUser body =
        new NewUser(
            username,
            USER_PASSWORD,
            role,
            null,
            role == Role.MATCHMAKER ? bindingId : null,
            role == Role.EMPLOYER ? bindingId : null,
            role == Role.RESIDENT ? bindingId : null);
    Reply created = api().post("/api/v1/users", body, admin());
    if (created.status() != 201) {
      throw new AssertionError("user not created: " + created);
    }
    return username;
  }

  /** A resident made of the request by the admin; returns their id. */
  protected long aResidentOf(JobseekerRequest request) {
    Reply created = api().post("/api/v1/jobseekers", request, admin());
    if (created.status() != 201) {
      throw new AssertionError("jobseeker not created: " + created);
    }
    return created.num("id");
  }

  /** A partner unit with an agreement valid from last month to next year; returns its id. */
  protected long aPartner() {
    long id = aUnit();
    Reply signed = sign(id, 4, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1));
    if (signed.status() != 201) {
      throw new AssertionError("agreement not signed: " + signed);
    }
    return id;
  }

  /** A unit with no agreement at all; returns its id. */
  protected long aUnit() {
    Reply unit = api().post("/api/v1/partners", Fixtures.aPartnerUnit(), admin());
    if (unit.status() != 201) {
      throw new AssertionError("unit not created: " + unit);
    }
    return unit.num("id");
  }

  /** A draft posting of the unit (any unit may keep drafts); returns its id. */
  protected long aDraft(long unitId) {
    Reply posting = api().post("/api/v1/postings", Fixtures.aDraftPosting(unitId), admin());
    if (posting.status() != 201) {
      throw new AssertionError("draft not created: " + posting);
    }
    return posting.num("id");
  }

  /** An open posting of the unit; returns its id. */
  protected long anOpenPosting(long unitId) {
    Reply posting = api().post("/api/v1/postings", Fixtures.aPosting(unitId), admin());
    if (posting.status() != 201) {
      throw new AssertionError("posting not created: " + posting);
    }
    return posting.num("id");
  }
}
