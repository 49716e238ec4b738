package hongniang.inbox;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Sends messages to inboxes; the door for the features whose events people must hear of. Each
 * method writes one message in the caller's transaction (or in its own when there is none), so a
 * message exists exactly when the event that caused it was stored: an event rolled back leaves no
 * message.
 *
 * <p>A message goes to an audience, not to a user: everyone bound to it reads it, each with their
 * own read mark. A user created later (or bound later) sees the audience's earlier messages too, as
 * unread. The kind and parameters must be those {@link Notice#KINDS} lists (else {@link
 * IllegalArgumentException}); the reader's language renders them.
 */
@Singleton
public class Inbox {

  private final InboxStore store;
  private final Clock clock;

  Inbox(InboxStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** To a resident: whoever logs in bound to the jobseeker profile. */
  @Transactional
  public void toResident(long jobseekerId, Notice notice) {
    send(new Address(Address.Audience.RESIDENT, jobseekerId), notice);
  }

  /** To a partner unit: every employer user of the unit. */
  @Transactional
  public void toUnit(long partnerUnitId, Notice notice) {
    send(new Address(Address.Audience.UNIT, partnerUnitId), notice);
  }

  /** To a community: every matchmaker of the community. */
  @Transactional
  public void toCommunity(long communityId, Notice notice) {
    send(new Address(Address.Audience.COMMUNITY, communityId), notice);
  }

  /** To the street office: every admin. */
  @Transactional
  public void toAdmins(Notice notice) {
    send(Address.ADMINS, notice);
  }

  private void send(Address to, Notice notice) {
    notice.check();
    store.insert(to, notice, clock.instant());
  }
}
