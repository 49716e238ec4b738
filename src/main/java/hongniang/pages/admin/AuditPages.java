package hongniang.pages.admin;

import hongniang.accounts.AuditLog;
import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.PageResponse;
import hongniang.pages.Form;
import hongniang.pages.Links;
import hongniang.pages.Page;
import hongniang.pages.Pager;
import hongniang.pages.Texts;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log searched by who, what and when (days in the street office's time zone, both
 * included), newest first, a page at a time: who read or changed a resident's personal data.
 */
@Controller("/admin/audit")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class AuditPages {

  private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

  /** The actions the services record, offered as choices. */
  public static final List<String> ACTIONS =
      List.of(
          "read",
          "reveal",
          "read-consent-preview",
          "read-consented",
          "create",
          "update",
          "import",
          "status",
          "stillLooking",
          "reactivate",
          "merge",
          "followUp",
          "cancelPlacement",
          "delete");

  private final AuditLog audit;

  AuditPages(AuditLog audit) {
    this.audit = audit;
  }

  public record View(
      Page page,
      Form form,
      @Nullable PageResponse<AuditLog.Logged> entries,
      Pager pager,
      boolean filtered) {}

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> search(HttpRequest<?> request) {
    Texts t = Page.texts(request);
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : List.of("actor", "action", "from", "to")) {
      request
          .getParameters()
          .getFirst(name)
          .map(String::strip)
          .filter(v -> !v.isEmpty())
          .ifPresent(v -> values.put(name, v));
    }
    Form form = Form.of(values);
    List<FieldError> errors = Admin.errors();
    String actor = Admin.text(form, "actor");
    if (actor != null) {
      actor = PartnerPages.clean(actor, 100);
    }
    String action = Admin.text(form, "action");
    if (action != null && !ACTIONS.contains(action)) {
      errors.add(FieldError.oneOf("action", ACTIONS));
    }
    LocalDate from = Admin.date(form, "from", errors);
    LocalDate to = Admin.date(form, "to", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(new FieldError("to", "DateOrder", "to must not be before from"));
    }
    Map<String, Object> params = new LinkedHashMap<>(values);
    String path =
        Links.of(
            "/admin/audit",
            Links.with(params, "page", request.getParameters().getFirst("page").orElse(null)));
    Page frame = Page.of(request, t.t("page.admin.audit.title"), path);
    if (!errors.isEmpty()) {
      Form failed = form.failed(ApiProblem.invalid(errors), t);
      return Admin.status(
          400, "audit", new View(frame, failed, null, new Pager(1, 1, 0, null, null), true));
    }
    PageResponse<AuditLog.Logged> entries =
        audit.search(
            actor,
            action,
            null,
            null,
            from == null ? null : start(from),
            to == null ? null : start(to.plusDays(1)),
            Pager.asked(request.getParameters().getFirst("page").orElse(null)) - 1,
            Pager.SIZE);
    Pager pager = Pager.of(entries, "/admin/audit", params);
    return HttpResponse.ok(
        Admin.view("audit", new View(frame, form, entries, pager, !values.isEmpty())));
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(OFFICE).toInstant();
  }
}
