package hongniang.pages;

import hongniang.common.ApiProblem;
import hongniang.postings.PostingService;
import hongniang.postings.PostingView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posting's page for everyone: what a resident needs to decide (pay, hours, place, requirements,
 * lodging) and how to be referred, with schema.org {@code JobPosting} data for search engines. A
 * posting that is not open to the public is the friendly 404 page.
 */
@Controller("/jobs")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class PostingPage {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final PostingService postings;
  private final JsonMapper json;

  PostingPage(PostingService postings, JsonMapper json) {
    this.postings = postings;
    this.json = json;
  }

  /** The page: the posting, its JSON-LD (already escaped for a script element). */
  public record View(Page page, PostingView posting, String jsonLd) {}

  @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<ModelAndView<Map<String, Object>>> posting(
      HttpRequest<?> request, @PathVariable String id) {
    PostingView p;
    try {
      p = id.matches("\\d{1,18}") ? postings.forPublic(Long.parseLong(id)) : null;
    } catch (ApiProblem notFound) {
      p = null;
    }
    if (p == null) {
      return ErrorPages.notFound(request, "/jobs/" + id);
    }
    Page frame = Page.of(request, p.title(), "/jobs/" + p.id());
    return HttpResponse.ok(
        new ModelAndView<>("posting", Map.of("view", new View(frame, p, jsonLd(p, request)))));
  }

  /**
   * schema.org JobPosting: title, description, dates, employment type, employer, place, monthly
   * base salary in CNY; not applied for directly (through the community's matchmaker).
   */
  String jsonLd(PostingView p, HttpRequest<?> request) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org/");
    ld.put("@type", "JobPosting");
    ld.put("title", p.title());
    ld.put("description", p.description() == null ? p.title() : p.description());
    ld.put("datePosted", p.createdAt().atZone(ZONE).toLocalDate().toString());
    ld.put("validThrough", p.validThrough().toString() + "T23:59:59+08:00");
    ld.put("employmentType", employmentType(p));
    ld.put("hiringOrganization", Map.of("@type", "Organization", "name", p.unitName()));
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("@type", "PostalAddress");
    address.put("addressLocality", p.city() == null ? "三明市" : p.city());
    if (p.workCommunityName() != null) {
      address.put("streetAddress", p.workCommunityName());
    }
    address.put("addressCountry", "CN");
    ld.put("jobLocation", Map.of("@type", "Place", "address", address));
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("@type", "QuantitativeValue");
    value.put("minValue", p.wageMin());
    value.put("maxValue", p.wageMax());
    value.put("unitText", "MONTH");
    ld.put("baseSalary", Map.of("@type", "MonetaryAmount", "currency", "CNY", "value", value));
    ld.put("directApply", false);
    try {
      // inside <script>: no "</script>" or "<!--" can close it early
      return new String(json.writeValueAsBytes(ld), StandardCharsets.UTF_8)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> employmentType(PostingView p) {
    if (p.schedule() == null) {
      return List.of("OTHER");
    }
    return switch (p.schedule()) {
      case FULL_TIME, SHIFT -> List.of("FULL_TIME");
      case PART_TIME -> List.of("PART_TIME");
      default -> List.of("OTHER");
    };
  }
}
