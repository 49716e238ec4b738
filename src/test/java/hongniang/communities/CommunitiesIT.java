package hongniang.communities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CommunitiesIT extends ApiTest {

  @Test
  void theNineConfiguredCommunitiesAreSeededInOrder() {
    Reply list = api().get("/api/v1/communities?size=9", admin());
    List<?> names = list.list("items").stream().map(i -> ((Map<?, ?>) i).get("name")).toList();
    assertEquals(List.of("红印山", "凤岗", "新龙", "下洋", "崇宁", "芙蓉", "建新", "东安", "碧湖"), names);
  }

  @Test
  void adminsAddAndRenameCommunitiesOthersOnlyRead() {
    String name = "测试社区" + System.nanoTime() % 100000;
    Reply created = api().post("/api/v1/communities", new CommunityRequest(name, null), admin());
    assertEquals(201, created.status(), created.toString());
    long id = created.num("id");
    Reply renamed =
        api().put("/api/v1/communities/" + id, new CommunityRequest(name + "改", "新"), admin());
    assertEquals(name + "改", renamed.str("name"));
    Reply clash = api().post("/api/v1/communities", new CommunityRequest("下洋", null), admin());
    assertEquals(409, clash.status());
    assertEquals(List.of("name:Unique"), clash.fieldRules());
    Reply blank = api().post("/api/v1/communities", new CommunityRequest(" ", null), admin());
    assertEquals(List.of("name:NotBlank"), blank.fieldRules());

    String matchmaker = userToken(Role.MATCHMAKER, 1L);
    assertEquals(200, api().get("/api/v1/communities/" + id, matchmaker).status());
    assertEquals(
        403,
        api().post("/api/v1/communities", new CommunityRequest("x", null), matchmaker).status());
    assertEquals(404, api().get("/api/v1/communities/987654", matchmaker).status());
    assertTrue(api().get("/api/v1/communities", null).status() == 401);
  }
}
