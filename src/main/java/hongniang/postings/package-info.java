/** Postings (岗位): the work partner units offer, its lifecycle and bulk import. */
package hongniang.postings;
