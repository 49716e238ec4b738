package hongniang.inbox;

import hongniang.common.PageResponse;
import hongniang.security.Caller;
import hongniang.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The caller's inbox, whatever their role: a resident reads their profile's messages, an employer
 * their unit's, a matchmaker their community's, an admin the admins'. Texts are Chinese unless the
 * caller asks for English ({@code Accept-Language: en}).
 */
@Controller("/api/v1/inbox")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Inbox")
class InboxController {

  private final InboxService inbox;

  InboxController(InboxService inbox) {
    this.inbox = inbox;
  }

  /** The caller's messages, newest first; {@code unread=true} keeps the unread only. */
  @Get
  HttpResponse<PageResponse<InboxItem>> list(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue Boolean unread,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    Messages language = Messages.of(request);
    return HttpResponse.ok(inbox.page(Caller.of(auth), language, unread, page, size))
        .header(HttpHeaders.CONTENT_LANGUAGE, language.locale().getLanguage())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
  }

  @Get("/unread-count")
  UnreadCount unreadCount(Authentication auth) {
    return inbox.unread(Caller.of(auth));
  }

  /** Marks one message read; a message of another audience is 404. */
  @Post("/{id}/read")
  @Status(HttpStatus.NO_CONTENT)
  void read(Authentication auth, @PathVariable long id) {
    inbox.markRead(Caller.of(auth), id);
  }

  /** Marks all the caller's messages read. */
  @Post("/read-all")
  MarkedRead readAll(Authentication auth) {
    return inbox.markAllRead(Caller.of(auth));
  }
}
