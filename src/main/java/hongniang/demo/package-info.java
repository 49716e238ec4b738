/**
 * Demo data: a seeded generator of a living street office (partner units, agreements, postings,
 * jobseekers, demo logins), its startup seeding, command line and startup banner; nothing depends
 * on it.
 */
package hongniang.demo;
