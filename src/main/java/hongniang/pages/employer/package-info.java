/**
 * The employer's pages (issue 16): the unit's postings and agreement, writing a posting with its
 * wording screened while it is typed, and the candidates referred to the unit with their interview
 * and outcome. The same posting, partner and referral services as the API, with the caller's unit.
 */
package hongniang.pages.employer;
