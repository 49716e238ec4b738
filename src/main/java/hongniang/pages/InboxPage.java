package hongniang.pages;

import hongniang.common.PageResponse;
import hongniang.inbox.InboxItem;
import hongniang.inbox.InboxService;
import hongniang.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every signed-in user's messages (the same inbox as {@code /api/v1/inbox}): newest first, unread
 * ones marked, each read with one button or all at once, {@value Pager#SIZE} to a page.
 */
@Controller("/inbox")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class InboxPage {

  private final InboxService inbox;

  InboxPage(InboxService inbox) {
    this.inbox = inbox;
  }

  /** The page: its messages, how many are unread, the pager, whether only unread are shown. */
  public record View(
      Page page, PageResponse<InboxItem> items, long unread, Pager pager, boolean unreadOnly) {}

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> list(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue String unread,
      @Nullable @QueryValue String page) {
    Caller caller = Caller.of(auth);
    Texts t = Page.texts(request);
    boolean unreadOnly = "true".equals(unread);
    PageResponse<InboxItem> items =
        inbox.page(
            caller, t.messages(), unreadOnly ? true : null, Pager.asked(page) - 1, Pager.SIZE);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("unread", unreadOnly ? "true" : null);
    Pager pager = Pager.of(items, "/inbox", params);
    Page frame =
        Page.of(
            request,
            t.t("page.inbox.title"),
            Links.of("/inbox", Links.with(params, "page", pager.page() > 1 ? pager.page() : null)));
    return new ModelAndView<>(
        "inbox",
        Map.of("view", new View(frame, items, inbox.unread(caller).unread(), pager, unreadOnly)));
  }

  @Post(value = "/{id}/read", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> read(Authentication auth, @PathVariable long id) {
    inbox.markRead(Caller.of(auth), id);
    return HttpResponse.seeOther(URI.create("/inbox"));
  }

  @Post(value = "/read-all", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> readAll(Authentication auth) {
    inbox.markAllRead(Caller.of(auth));
    return HttpResponse.seeOther(URI.create("/inbox"));
  }
}
