/**
 * The resident's own pages (issue 16): their profile and pausing the search, the jobs that suit
 * them and "I'm interested", referrals to consent to or decline and their progress, training, and
 * who read their record; on the same services and rules as the API.
 */
package hongniang.pages.resident;
