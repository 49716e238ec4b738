package hongniang.postings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hongniang.security.Role;
import hongniang.support.ApiTest;
import hongniang.support.Fixtures;
import hongniang.support.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A unit hears once that an open posting is about to lapse, and again after extending it. */
@MicronautTest(transactional = false)
class PostingExpiryIT extends ApiTest {

  @Inject PostingJobs jobs;

  private long told(String employer, long posting) {
    Reply inbox = api().get("/api/v1/inbox?size=200", employer);
    return inbox.list("items").stream()
        .map(m -> (Map<?, ?>) m)
        .filter(
            m ->
                "posting.expiring".equals(m.get("kind"))
                    && ((Number) m.get("subjectId")).longValue() == posting)
        .count();
  }

  @Test
  void aUnitIsToldOnceThatAPostingIsAboutToLapse() {
    long unit = aPartner();
    String employer = userToken(Role.EMPLOYER, unit);
    PostingRequest soon =
        Fixtures.edit(Fixtures.aPosting(unit)).validThrough(LocalDate.now().plusDays(5)).build();
    Reply created = api().post("/api/v1/postings", soon, admin());
    long posting = created.num("id");
    long later = anOpenPosting(unit);
    jobs.tellExpiring();
    jobs.tellExpiring();
    assertEquals(1, told(employer, posting));
    assertEquals(0, told(employer, later), "a month ahead is not yet");
    long version = api().get("/api/v1/postings/" + posting, admin()).num("version");
    assertEquals(created.num("version"), version, "bookkeeping raises no version");

    Reply extended =
        api()
            .put(
                "/api/v1/postings/" + posting,
                Fixtures.edit(soon).validThrough(LocalDate.now().plusDays(6)).build(),
                admin());
    assertEquals(200, extended.status(), extended::toString);
    jobs.tellExpiring();
    assertEquals(2, told(employer, posting), "the new end is told too");
    api().post("/api/v1/postings/" + posting + "/close", Map.of(), admin());
    api().post("/api/v1/postings/" + later + "/close", Map.of(), admin());
  }
}
