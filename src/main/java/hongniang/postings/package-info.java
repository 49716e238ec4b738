/**
 * Postings (岗位): the work partner units offer, its lifecycle and bulk import, its places (taken by
 * hires through {@code PostingPlaces}, one conditional UPDATE each), and what screening of their
 * texts means for them: held in REVIEW, approved by an admin, screened in runs.
 */
package hongniang.postings;
