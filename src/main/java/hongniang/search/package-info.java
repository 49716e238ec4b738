/**
 * Search: the only package that imports Lucene; the index of postings and jobseekers, its Chinese
 * and pinyin analysis, the occupation taxonomy and autocomplete.
 */
package hongniang.search;
