package hongniang.partners;

import hongniang.common.PageResponse;
import hongniang.security.Caller;
import hongniang.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Partner units and agreements. Admins sign and edit; matchmakers read; an employer reads only its
 * own unit (others are 404).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Partners")
class PartnerController {

  private final PartnerService partners;

  PartnerController(PartnerService partners) {
    this.partners = partners;
  }

  /** Units, filtered by signing community, partner today, or name. */
  @Get("/partners")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  PageResponse<PartnerUnitView> list(
      Authentication auth,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue Boolean partner,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return partners.listUnits(Caller.of(auth), communityId, partner, q, page, size);
  }

  @Get("/partners/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  PartnerUnitView get(Authentication auth, @PathVariable long id) {
    return partners.getUnit(Caller.of(auth), id);
  }

  @Post("/partners")
  @Secured(Role.ADMIN_NAME)
  HttpResponse<PartnerUnitView> create(@Body PartnerUnitRequest request) {
    return HttpResponse.created(partners.createUnit(request));
  }

  @Put("/partners/{id}")
  @Secured(Role.ADMIN_NAME)
  PartnerUnitView update(@PathVariable long id, @Body PartnerUnitRequest request) {
    return partners.updateUnit(id, request);
  }

  @Get("/partners/{id}/agreements")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  List<AgreementView> agreementsOf(Authentication auth, @PathVariable long id) {
    return partners.agreementsOf(Caller.of(auth), id);
  }

  @Post("/partners/{id}/agreements")
  @Secured(Role.ADMIN_NAME)
  HttpResponse<AgreementView> sign(@PathVariable long id, @Body AgreementRequest request) {
    return HttpResponse.created(partners.signAgreement(id, request));
  }

  /** Agreements, filtered by unit, signing community, effective status or expiry window. */
  @Get("/agreements")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  PageResponse<AgreementView> listAgreements(
      Authentication auth,
      @Nullable @QueryValue Long partnerUnitId,
      @Nullable @QueryValue Long communityId,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue Integer expiringWithinDays,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return partners.listAgreements(
        Caller.of(auth), partnerUnitId, communityId, status, expiringWithinDays, page, size);
  }

  @Get("/agreements/{id}")
  @Secured({Role.ADMIN_NAME, Role.MATCHMAKER_NAME, Role.EMPLOYER_NAME})
  AgreementView getAgreement(Authentication auth, @PathVariable long id) {
    return partners.getAgreement(Caller.of(auth), id);
  }

  @Put("/agreements/{id}")
  @Secured(Role.ADMIN_NAME)
  AgreementView updateAgreement(@PathVariable long id, @Body AgreementRequest request) {
    return partners.updateAgreement(id, request);
  }

  @Post("/agreements/{id}/suspend")
  @Secured(Role.ADMIN_NAME)
  AgreementView suspend(@PathVariable long id) {
    return partners.setAgreementStatus(id, AgreementStatus.SUSPENDED);
  }

  @Post("/agreements/{id}/terminate")
  @Secured(Role.ADMIN_NAME)
  AgreementView terminate(@PathVariable long id) {
    return partners.setAgreementStatus(id, AgreementStatus.TERMINATED);
  }

  @Post("/agreements/{id}/reactivate")
  @Secured(Role.ADMIN_NAME)
  AgreementView reactivate(@PathVariable long id) {
    return partners.setAgreementStatus(id, AgreementStatus.ACTIVE);
  }
}
