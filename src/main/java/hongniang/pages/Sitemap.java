package hongniang.pages;

import hongniang.communities.CommunityService;
import hongniang.communities.CommunityView;
import hongniang.postings.PostingService;
import hongniang.postings.PostingStamp;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneId;
import java.util.List;

/**
 * For search engines: {@code /sitemap.xml} lists the search page and every posting open to the
 * public (at most {@value #MOST}, a sitemap's limit), and {@code /robots.txt} points to it and
 * keeps crawlers out of the API and the switches.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class Sitemap {

  static final int MOST = 50_000;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final PostingService postings;
  private final CommunityService communities;

  Sitemap(PostingService postings, CommunityService communities) {
    this.postings = postings;
    this.communities = communities;
  }

  @Get(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML)
  HttpResponse<String> sitemap(HttpRequest<?> request) {
    String base = base(request);
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    xml.append("  <url><loc>").append(base).append("/</loc></url>\n");
    xml.append("  <url><loc>").append(base).append("/communities</loc></url>\n");
    List<CommunityView> all = communities.all();
    for (CommunityView c : all) {
      xml.append("  <url><loc>").append(base).append("/communities/").append(c.id());
      xml.append("</loc></url>\n");
    }
    for (PostingStamp p : postings.publicPostings(MOST - 2 - all.size())) {
      xml.append("  <url><loc>")
          .append(base)
          .append("/jobs/")
          .append(p.id())
          .append("</loc><lastmod>")
          .append(p.updatedAt().atZone(ZONE).toLocalDate())
          .append("</lastmod></url>\n");
    }
    xml.append("</urlset>\n");
    return HttpResponse.ok(xml.toString());
  }

  @Get(value = "/robots.txt", produces = MediaType.TEXT_PLAIN)
  String robots(HttpRequest<?> request) {
    return "User-agent: *\nDisallow: /api/\nDisallow: /language/\nDisallow: /elder/\n"
        + "Sitemap: "
        + base(request)
        + "/sitemap.xml\n";
  }

  /**
   * This site's address as the request names it (scheme from a proxy's X-Forwarded-Proto); a host
   * that is not a plain name and port is not echoed.
   */
  static String base(HttpRequest<?> request) {
    String host = request.getHeaders().get("Host");
    if (host == null || !host.matches("[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?")) {
      host = "localhost";
    }
    String proto = request.getHeaders().get("X-Forwarded-Proto");
    return ("https".equals(proto) ? "https" : "http") + "://" + host;
  }
}
