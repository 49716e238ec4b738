/**
 * Demo data: a seeded generator of a living street office (partner units, agreements, postings,
 * jobseekers, demo logins) and of its last three years (referrals, consents, placements,
 * follow-ups, training, inbox messages), its startup seeding, command line and startup banner;
 * nothing depends on it.
 */
package hongniang.demo;
