package hongniang.referrals;

import hongniang.common.Idempotency;
import hongniang.common.PageResponse;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
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

/** Referrals seen from a posting: a resident's "I'm interested", the unit's referred candidates. */
@Controller("/api/v1/postings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Referrals")
class PostingReferralController {

  private final ReferralService referrals;

  PostingReferralController(ReferralService referrals) {
    this.referrals = referrals;
  }

  /** A resident asks to be referred: a referral in REQUESTED for their matchmaker. */
  @Post("/{id}/interest")
  @Secured(Role.RESIDENT_NAME)
  HttpResponse<ReferralView> interest(
      Authentication auth,
      @PathVariable long id,
      @Nullable @Body InterestRequest request,
      @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
    return HttpResponse.created(referrals.interest(Caller.of(auth), id, request, idempotencyKey));
  }

  /**
   * The posting's referrals: for its unit only those sent with a standing consent, with only the
   * consented fields; for staff those of the residents they see.
   */
  @Get("/{id}/referrals")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  PageResponse<ReferralView> forPosting(
      Authentication auth,
      @PathVariable long id,
      @Nullable @QueryValue List<ReferralState> state,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return referrals.forPosting(Caller.of(auth), id, state, page, size);
  }
}
