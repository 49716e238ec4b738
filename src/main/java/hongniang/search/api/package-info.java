/**
 * The search endpoints: postings for anyone, jobseekers for staff, suggestions, and the admin's
 * rebuild and status. Nothing here is used from outside.
 */
package hongniang.search.api;
