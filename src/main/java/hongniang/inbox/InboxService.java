package hongniang.inbox;

import hongniang.common.ApiProblem;
import hongniang.common.MessageKey;
import hongniang.common.PageResponse;
import hongniang.common.Paging;
import hongniang.security.Caller;
import hongniang.web.Messages;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A reader's inbox: the messages of the audience they belong to (their profile, their unit, their
 * community, or the admins), with their own read marks, rendered in their language.
 */
@Singleton
public class InboxService {

  private final InboxStore store;
  private final Clock clock;

  InboxService(InboxStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * One page of the caller's messages, newest first; {@code unread} true keeps the unread, false
   * the read, null all.
   */
  @Transactional(readOnly = true)
  public PageResponse<InboxItem> page(
      Caller caller, Messages language, Boolean unread, Integer page, Integer size) {
    Pageable pageable = Paging.of(page, size);
    Optional<Address> to = Address.of(caller);
    Boolean read = unread == null ? null : !unread;
    List<InboxItem> items =
        to.map(
                a ->
                    store
                        .page(a, caller.username(), read, pageable.getOffset(), pageable.getSize())
                        .stream()
                        .map(m -> item(m, language))
                        .toList())
            .orElse(List.of());
    long total = to.map(a -> store.count(a, caller.username(), read)).orElse(0L);
    int pages = (int) ((total + pageable.getSize() - 1) / pageable.getSize());
    return new PageResponse<>(items, pageable.getNumber(), pageable.getSize(), total, pages);
  }

  @Transactional(readOnly = true)
  public UnreadCount unread(Caller caller) {
    return new UnreadCount(
        Address.of(caller).map(a -> store.count(a, caller.username(), false)).orElse(0L));
  }

  /** Marks a message of the caller's audience read; another audience's message is a 404. */
  @Transactional
  public void markRead(Caller caller, long id) {
    boolean found =
        Address.of(caller)
            .map(a -> store.markRead(a, caller.username(), id, clock.instant()))
            .orElse(false);
    if (!found) {
      throw ApiProblem.notFound("inbox message", id);
    }
  }

  /** Marks every message of the caller's audience read. */
  @Transactional
  public MarkedRead markAllRead(Caller caller) {
    return new MarkedRead(
        Address.of(caller)
            .map(a -> store.markAllRead(a, caller.username(), clock.instant()))
            .orElse(0));
  }

  private static InboxItem item(InboxStore.Stored m, Messages language) {
    return new InboxItem(
        m.id(),
        m.kind(),
        text(m.kind(), m.params(), language),
        m.subjectType(),
        m.subjectId(),
        m.createdAt(),
        m.read());
  }

  /**
   * The text of a kind in a language: every parameter the kind takes (a missing or null one as
   * nothing), a value with a text {@code inbox.value.<param>.<value>} as that text.
   */
  static String text(String kind, Map<String, String> params, Messages language) {
    MessageKey text = MessageKey.of(Notice.textKey(kind));
    Set<String> names = Notice.KINDS.getOrDefault(kind, params.keySet());
    for (String name : names) {
      String value = params.get(name);
      String valueKey = "inbox.value." + name + "." + value;
      text =
          text.with(
              name, value == null ? "" : language.has(valueKey) ? MessageKey.of(valueKey) : value);
    }
    return language.render(text);
  }
}
