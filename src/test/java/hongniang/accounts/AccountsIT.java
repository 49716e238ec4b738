package hongniang.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.security.Role;
import hongniang.support.Api;
import hongniang.support.DatabaseTest;
import hongniang.support.Login;
import hongniang.support.Reply;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AccountsIT implements DatabaseTest {

  @Inject
  @Client("/")
  HttpClient http;

  @Inject JsonMapper json;

  Api api;
  String admin;

  @BeforeEach
  void setUp() {
    if (api != null) {
      return;
    }
    api = new Api(http, json);
    admin = api.login("admin", "admin-test-password");
  }

  @Test
  void anonymousCallerGets401AsProblem() {
    Reply reply = api.get("/api/v1/me", null);
    assertEquals(401, reply.status(), reply.toString());
    assertEquals(401, api.get("/api/v1/users", null).status());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
  }

  @Test
  void malformedJsonIsA400Problem() {
    Reply reply =
        api.postRaw("/api/v1/users", "{\"username\": ", MediaType.APPLICATION_JSON_TYPE, admin);
    assertEquals(400, reply.status(), reply.toString());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
  }

  @Test
  void anUnknownRouteIsA404Problem() {
    Reply reply = api.get("/api/v1/nothing-here", admin);
    assertEquals(404, reply.status(), reply.toString());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
  }

  @Test
  void adminsListDisableAndResetUsersAndUsersChangeTheirOwnPassword() {
    Reply created =
        api.post(
            "/api/v1/users",
            new NewUser("mm-fenggang", "first-pass-1", Role.MATCHMAKER, null, 2L, null, null),
            admin);
    long id = created.num("id");
    String token = api.login("mm-fenggang", "first-pass-1");
    Reply wrong =
        api.post("/api/v1/me/password", new PasswordChange("nope-nope", "second-pass-2"), token);
    assertEquals(java.util.List.of("currentPassword:Matches"), wrong.fieldRules());
    assertEquals(
        204,
        api.post("/api/v1/me/password", new PasswordChange("first-pass-1", "second-pass-2"), token)
            .status());
    api.login("mm-fenggang", "second-pass-2");
    assertEquals(
        204,
        api.post("/api/v1/users/" + id + "/password", new PasswordReset("third-pass-3"), admin)
            .status());
    api.login("mm-fenggang", "third-pass-3");
    Reply disabled = api.patch("/api/v1/users/" + id, new UserUpdate(false, null), admin);
    assertEquals(false, disabled.at("enabled"));
    Reply refused = api.post("/api/v1/login", new Login("mm-fenggang", "third-pass-3"), null);
    assertEquals(401, refused.status());
    // the newest user is on the last page (the suite makes hundreds of users)
    long total = api.get("/api/v1/users?size=200", admin).num("totalItems");
    Reply list = api.get("/api/v1/users?size=200&page=" + (total - 1) / 200, admin);
    assertTrue(list.text().contains("mm-fenggang"), list::toString);
    assertTrue(!list.text().contains("password"), "no hashes in the list");
  }

  @Test
  void aLongChinesePasswordIsSetAndUsedAndANulInANameIsJustAWrongLogin() {
    // 25 Chinese characters: 75 bytes in UTF-8, past bcrypt's 72
    String longPassword = "红娘为社区居民牵线搭桥找到合适工作的第一步是登记求职信息吧";
    assertTrue(longPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72);
    Reply created =
        api.post(
            "/api/v1/users",
            new NewUser("long-pass-user", longPassword, Role.MATCHMAKER, null, 2L, null, null),
            admin);
    assertEquals(201, created.status(), created::toString);
    api.login("long-pass-user", longPassword);
    // every character counts: the same password without its last one is wrong
    Reply shorter =
        api.post(
            "/api/v1/login",
            new Login("long-pass-user", longPassword.substring(0, longPassword.length() - 1)),
            null);
    assertEquals(401, shorter.status(), shorter::toString);
    Reply nul = api.post("/api/v1/login", new Login("admin\u0000", "whatever-1"), null);
    assertEquals(401, nul.status(), nul::toString);
  }

  @Test
  void wrongPasswordIsRefused() {
    Reply reply = api.post("/api/v1/login", new Login("admin", "wrong-pass"), null);
    assertEquals(401, reply.status(), reply.toString());
  }

  @Test
  void adminCreatesAMatchmakerWhoCanLogIn() {
    Reply created =
        api.post(
            "/api/v1/users",
            new NewUser("mm-xiayang", "secret-pass-1", Role.MATCHMAKER, null, 4L, null, null),
            admin);
    assertEquals(201, created.status(), created.toString());
    String token = api.login("mm-xiayang", "secret-pass-1");
    Reply me = api.get("/api/v1/me", token);
    assertEquals("MATCHMAKER", me.str("role"));
    assertEquals(4, me.num("communityId"));
    assertEquals(403, api.get("/api/v1/users", token).status());
  }

  @Test
  void matchmakerWithoutCommunityIsRefusedWithFieldAndRule() {
    Reply reply =
        api.post(
            "/api/v1/users",
            new NewUser("mm-none", "secret-pass-1", Role.MATCHMAKER, null, null, null, null),
            admin);
    assertEquals(400, reply.status(), reply.toString());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertEquals(java.util.List.of("communityId:NotNull"), reply.fieldRules());
  }

  @Test
  void unknownJsonFieldIsRejected() {
    Reply reply =
        api.postRaw(
            "/api/v1/users",
            "{\"username\":\"someone\",\"password\":\"secret-pass-1\",\"role\":\"ADMIN\",\"isRoot\":true}",
            MediaType.APPLICATION_JSON_TYPE,
            admin);
    assertEquals(400, reply.status(), reply.toString());
    assertEquals(java.util.List.of("isRoot:UnknownField"), reply.fieldRules());
    Reply users = api.get("/api/v1/users?size=200", admin);
    assertEquals(200, users.status());
    assertTrue(!users.text().contains("\"someone\""), "nothing stored");
  }
}
