/**
 * The matchmaker's pages (community staff, 社区红娘; admins see every community): the worklist as home,
 * residents (list, staff-assisted intake, spreadsheet import, a resident's page), a posting's
 * candidates, the match board, the referral pipeline with each referral and its printable letter.
 * They call the same services as the API, which apply the access rules.
 */
package hongniang.pages.staff;
