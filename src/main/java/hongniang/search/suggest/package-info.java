/**
 * Suggestions as one types: open postings' titles and the vocabulary's names, by characters, full
 * pinyin or initials, rebuilt after changes.
 *
 * <p>From outside: {@link hongniang.search.suggest.Suggester} (the front).
 */
package hongniang.search.suggest;
