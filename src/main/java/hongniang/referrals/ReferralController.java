package hongniang.referrals;

import hongniang.common.Idempotency;
import hongniang.common.PageResponse;
import hongniang.common.RowVersions;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Referrals: matchmakers make and move them, residents consent or decline, employers answer the
 * ones sent to them with consent. What a caller may not see is 404.
 */
@Controller("/api/v1/referrals")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Referrals")
class ReferralController {

  private final ReferralService referrals;
  private final ConsentService consents;
  private final ReplyRates replyRates;

  ReferralController(ReferralService referrals, ConsentService consents, ReplyRates replyRates) {
    this.referrals = referrals;
    this.consents = consents;
    this.replyRates = replyRates;
  }

  /** Refers a resident of the matchmaker's community to a posting (422 names broken hard rules). */
  @Post
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME})
  HttpResponse<ReferralView> create(
      Authentication auth,
      @Body ReferralRequest request,
      @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
    return tagged(HttpResponse.created(referrals.create(Caller.of(auth), request, idempotencyKey)));
  }

  /** Referrals the caller may see, filtered; {@code state} may repeat. */
  @Get
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME, Role.RESIDENT_NAME})
  PageResponse<ReferralView> list(
      Authentication auth,
      @Nullable @QueryValue Long jobseekerId,
      @Nullable @QueryValue Long postingId,
      @Nullable @QueryValue Long partnerUnitId,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue List<ReferralState> state,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return referrals.list(
        Caller.of(auth),
        new ReferralService.Filter(jobseekerId, postingId, partnerUnitId, communityId, state),
        page,
        size);
  }

  /** Each partner unit's reply rate and median reply time; an employer sees its own unit's. */
  @Get("/reply-rates")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  List<ReplyRate> replyRates(Authentication auth, @Nullable @QueryValue Long partnerUnitId) {
    return replyRates.of(Caller.of(auth), partnerUnitId);
  }

  /** One referral with its history; its ETag is its version. */
  @Get("/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME, Role.RESIDENT_NAME})
  HttpResponse<ReferralView> get(Authentication auth, @PathVariable long id) {
    return tagged(HttpResponse.ok(referrals.get(Caller.of(auth), id)));
  }

  /**
   * Moves a referral: {@code {"to", "reason", "note", "interview", "placement"}}. A move that does
   * not exist from here is a 409 naming those the caller may make; {@code If-Match} guards against
   * a stale read (412).
   */
  @Post("/{id}/transitions")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME, Role.RESIDENT_NAME})
  HttpResponse<ReferralView> move(
      Authentication auth,
      @PathVariable long id,
      @Body TransitionRequest request,
      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
      @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
    return tagged(
        HttpResponse.ok(referrals.move(Caller.of(auth), id, request, ifMatch, idempotencyKey)));
  }

  /** What consenting would share, with whom: for the resident and staff. */
  @Get("/{id}/consent")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.RESIDENT_NAME})
  ConsentPreview consentPreview(Authentication auth, @PathVariable long id) {
    return consents.preview(Caller.of(auth), id);
  }

  /** The resident consents, or staff record their consent with the method and a reference. */
  @Post("/{id}/consent")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.RESIDENT_NAME})
  HttpResponse<ReferralView> consent(
      Authentication auth,
      @PathVariable long id,
      @Nullable @Body ConsentRequest request,
      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
      @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
    return tagged(
        HttpResponse.ok(consents.give(Caller.of(auth), id, request, ifMatch, idempotencyKey)));
  }

  /** Withdraws the consent: the employer loses access at once and an open referral ends. */
  @Post("/{id}/consent/withdraw")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.RESIDENT_NAME})
  HttpResponse<ReferralView> withdrawConsent(
      Authentication auth, @PathVariable long id, @Nullable @Body WithdrawalRequest request) {
    return tagged(HttpResponse.ok(consents.withdraw(Caller.of(auth), id, request)));
  }

  private static HttpResponse<ReferralView> tagged(
      io.micronaut.http.MutableHttpResponse<ReferralView> response) {
    ReferralView body = response.body();
    return body == null
        ? response
        : response.header(HttpHeaders.ETAG, RowVersions.etag(body.version()));
  }
}
