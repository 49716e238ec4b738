/** Postings (岗位): partner units' openings, their lifecycle and bulk import. */
package hongniang.postings;
