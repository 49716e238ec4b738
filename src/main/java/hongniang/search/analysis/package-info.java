/**
 * Text analysis shared by the index and its queries: smartcn words with the vocabulary's job names
 * joined and its synonym groups as group tokens, character pairs, and pinyin with initials.
 *
 * <p>From outside: {@link hongniang.search.analysis.Analysis} (the front) and {@link
 * hongniang.search.analysis.PinyinFields} (the pinyin companions of short fields); {@link
 * hongniang.search.analysis.ScreeningWords} implements screening's port {@code TextWords} and is
 * reached only through it.
 */
package hongniang.search.analysis;
