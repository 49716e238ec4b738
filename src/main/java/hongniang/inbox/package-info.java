/**
 * The inbox (收件箱): messages to a resident, a partner unit's employers, a community's matchmakers or
 * the admins, written by the features in the transaction of the event that causes them ({@link
 * hongniang.inbox.Inbox}, {@link hongniang.inbox.Notice}), stored as a kind and parameters and
 * rendered in the reader's language when read; each user's read marks; the API {@code
 * /api/v1/inbox}.
 */
package hongniang.inbox;
