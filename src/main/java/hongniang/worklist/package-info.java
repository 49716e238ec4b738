/**
 * The matchmaker's worklist (工作清单): who needs attention most and why, referrals waiting on someone,
 * consents pending, interviews this week, answers overdue, referrals about to expire, follow-ups
 * due, partner agreements expiring — for a community, or for an admin across them with counts per
 * community. A read model: one SQL query per section over the features' tables, on the connection
 * of a read-only transaction; it writes nothing. {@link hongniang.worklist.WorklistService} is its
 * door.
 */
package hongniang.worklist;
