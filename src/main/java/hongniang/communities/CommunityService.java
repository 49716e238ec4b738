package hongniang.communities;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.Idempotency;
import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.common.RowReader;
import hongniang.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and edits communities; the door to this feature. */
@Singleton
public class CommunityService {

  /** What people add to a community's name: 红印山社区 is 红印山. */
  private static final String SUFFIX = "社区";

  private final CommunityRepository communities;
  private final Idempotency idempotency;

  CommunityService(CommunityRepository communities, Idempotency idempotency) {
    this.communities = communities;
    this.idempotency = idempotency;
  }

  public PageResponse<CommunityView> list(Integer page, Integer size) {
    return PageResponse.of(communities.findAll(Paging.of(page, size)), CommunityView::of);
  }

  /** Every community, by id. */
  public List<CommunityView> all() {
    return communities.findAllOrderById().stream().map(CommunityView::of).toList();
  }

  /** Community names by id, for views that show a name beside an id. */
  public Map<Long, String> namesById() {
    return communities.findAllOrderById().stream()
        .collect(Collectors.toMap(Community::id, Community::name));
  }

  public CommunityView get(long id) {
    return communities
        .findById(id)
        .map(CommunityView::of)
        .orElseThrow(() -> ApiProblem.notFound("community", id));
  }

  public boolean exists(Long id) {
    return id != null && communities.existsById(id);
  }

  /**
   * What is wrong with the {@code communityId} a request names, if anything: none that exists (rule
   * Exists), or for a matchmaker another community than their own (rule OwnCommunity, told by the
   * bundle key {@code ownKey}, e.g. {@code rule.OwnCommunity}). Null names none.
   */
  public List<FieldError> namedCommunityErrors(Caller caller, Long id, String ownKey) {
    if (id == null) {
      return List.of();
    }
    if (!exists(id)) {
      return List.of(
          new FieldError("communityId", "Exists", "no community " + id).with("value", id));
    }
    if (caller.isMatchmaker() && !id.equals(caller.communityId())) {
      return List.of(
          new FieldError(
                  "communityId", "OwnCommunity", "a matchmaker names their own community only")
              .saying(ownKey));
    }
    return List.of();
  }

  /**
   * The community of a name as people write it: 红印山 and 红印山社区 both find 红印山 (and a community stored
   * with the suffix is found without it).
   */
  public Optional<CommunityView> findByName(String name) {
    String trimmed = name.trim();
    Optional<Community> found = communities.findByName(trimmed);
    if (found.isEmpty()) {
      found =
          communities.findByName(
              trimmed.endsWith(SUFFIX)
                  ? trimmed.substring(0, trimmed.length() - SUFFIX.length())
                  : trimmed + SUFFIX);
    }
    return found.map(CommunityView::of);
  }

  /**
   * A community to show in an example the caller could import: a matchmaker's own, else the first
   * one (null when there is none).
   */
  public String exampleName(Caller caller) {
    List<CommunityView> all = all();
    return all.stream()
        .filter(c -> c.id().equals(caller.communityId()))
        .findFirst()
        .or(() -> all.stream().findFirst())
        .map(CommunityView::name)
        .orElse(null);
  }

  /**
   * The community of an import row, given by id in {@code idColumn} or by name in {@code
   * nameColumn}; an unknown name is recorded as the row's error.
   */
  public Long idFromRow(RowReader row, String idColumn, String nameColumn) {
    Long id = row.id(idColumn);
    String name = row.text(nameColumn);
    // a refused name cell leaves the id unread too: no second error for a missing community
    row.unreadWith(nameColumn, idColumn);
    if (id != null || name == null) {
      return id;
    }
    Optional<CommunityView> found = findByName(name);
    if (found.isEmpty()) {
      row.reject(
          new FieldError(nameColumn, "Exists", "no community " + name).with("value", name),
          idColumn);
      return null;
    }
    return found.get().id();
  }

  /**
   * Adds a community. With an {@code Idempotency-Key} ({@code idempotencyKey} not null), a retry of
   * the same request by the same user returns the community the first one added.
   */
  @Transactional
  public CommunityView create(
      @Nullable String idempotencyKey, String username, CommunityRequest request) {
    return idempotency.once(
        idempotencyKey,
        username,
        "communities",
        request,
        CommunityView.class,
        () -> {
          String name = request.name().trim();
          if (communities.existsByName(name)) {
            throw nameTaken(name);
          }
          return CommunityView.of(
              communities.save(
                  new Community(
                      null,
                      name,
                      request.description(),
                      request.officeHours(),
                      request.address(),
                      request.phone(),
                      null,
                      null)));
        });
  }

  @Transactional
  public CommunityView update(long id, CommunityRequest request) {
    Community old =
        communities.findById(id).orElseThrow(() -> ApiProblem.notFound("community", id));
    String name = request.name().trim();
    if (communities.existsByNameAndIdNotEqual(name, id)) {
      throw nameTaken(name);
    }
    return CommunityView.of(
        communities.update(
            new Community(
                id,
                name,
                request.description(),
                request.officeHours(),
                request.address(),
                request.phone(),
                old.createdAt(),
                old.updatedAt())));
  }

  private static ApiProblem nameTaken(String name) {
    return ApiProblem.conflict(
        new FieldError("name", "Unique", "community " + name + " exists").with("value", name));
  }

  /** Adds each configured community that is missing; returns how many were added. */
  @Transactional
  public int seed(List<String> names) {
    int added = 0;
    for (String name : names) {
      if (!communities.existsByName(name.trim())) {
        communities.save(
            new Community(null, name.trim(), name.trim() + "社区", null, null, null, null, null));
        added++;
      }
    }
    return added;
  }
}
