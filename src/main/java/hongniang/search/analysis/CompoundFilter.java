package hongniang.search.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Joins runs of words that spell a known job name into one word: smartcn splits 保洁员 into 保洁 员 and
 * 环卫工人 into 环卫 工人, which would make every such name a phrase query, and phrase queries cannot skip
 * non-competitive documents the way single terms can. In documents the parts stay and the joined
 * word is added at the first part's position ({@code keepParts}); in queries the joined word
 * replaces the parts, so synonyms see one token.
 */
final class CompoundFilter extends TokenFilter {

  /** The known names as word sequences, looked up by their first word. */
  static final class Names {
    private final Map<String, List<List<String>>> byFirst = new HashMap<>();
    private int longest = 1;

    /** Each name's words as the index analyzer splits it; names of one word need nothing. */
    void add(List<String> words) {
      if (words.size() < 2) {
        return;
      }
      List<List<String>> list = byFirst.computeIfAbsent(words.get(0), w -> new ArrayList<>());
      if (!list.contains(words)) {
        list.add(List.copyOf(words));
        // longest first, so 环卫 工人 wins over a shorter name that is its prefix
        list.sort((a, b) -> b.size() - a.size());
      }
      longest = Math.max(longest, words.size());
    }

    void addAll(Collection<List<String>> names) {
      names.forEach(this::add);
    }

    boolean isEmpty() {
      return byFirst.isEmpty();
    }
  }

  private final Names names;
  private final boolean keepParts;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);
  // tokens read ahead and not yet emitted, with their words
  private final Deque<AttributeSource.State> ahead = new ArrayDeque<>();
  private final Deque<String> aheadWords = new ArrayDeque<>();
  private final Deque<Integer> aheadIncrements = new ArrayDeque<>();
  // what to emit next: parts still to pass through (keepParts), or the joined word
  private final Deque<AttributeSource.State> pending = new ArrayDeque<>();
  private boolean exhausted;

  CompoundFilter(TokenStream in, Names names, boolean keepParts) {
    super(in);
    this.names = names;
    this.keepParts = keepParts;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(pending.poll());
      return true;
    }
    if (!fill(1)) {
      return false;
    }
    List<List<String>> candidates = names.byFirst.get(aheadWords.peekFirst());
    if (candidates != null) {
      fill(names.longest);
      List<String> words = new ArrayList<>(aheadWords);
      List<Integer> increments = new ArrayList<>(aheadIncrements);
      for (List<String> name : candidates) {
        if (name.size() <= words.size()
            && words.subList(0, name.size()).equals(name)
            && adjacent(increments, name.size())) {
          join(name.size());
          restoreState(pending.poll());
          return true;
        }
      }
    }
    aheadWords.poll();
    aheadIncrements.poll();
    restoreState(ahead.poll());
    return true;
  }

  /** True when the 2nd..n-th tokens each follow the one before (no stop word removed between). */
  private static boolean adjacent(List<Integer> increments, int n) {
    for (int i = 1; i < n; i++) {
      if (increments.get(i) != 1) {
        return false;
      }
    }
    return true;
  }

  /** Emits the first {@code n} tokens ahead as one joined word (and, in documents, the parts). */
  private void join(int n) {
    List<AttributeSource.State> parts = new ArrayList<>(n);
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < n; i++) {
      parts.add(ahead.poll());
      joined.append(aheadWords.poll());
      aheadIncrements.poll();
    }
    restoreState(parts.get(n - 1));
    int end = offset.endOffset();
    restoreState(parts.get(0));
    int start = offset.startOffset();
    int firstIncrement = increment.getPositionIncrement();
    if (keepParts) {
      pending.add(parts.get(0));
      term.setEmpty().append(joined);
      offset.setOffset(start, end);
      increment.setPositionIncrement(0);
      pending.add(captureState());
      for (int i = 1; i < n; i++) {
        pending.add(parts.get(i));
      }
    } else {
      term.setEmpty().append(joined);
      offset.setOffset(start, end);
      increment.setPositionIncrement(firstIncrement);
      pending.add(captureState());
    }
  }

  /** Reads until {@code n} tokens wait ahead, or the input ends; false when none waits. */
  private boolean fill(int n) throws IOException {
    while (ahead.size() < n && !exhausted) {
      if (input.incrementToken()) {
        ahead.add(captureState());
        aheadWords.add(term.toString());
        aheadIncrements.add(increment.getPositionIncrement());
      } else {
        exhausted = true;
      }
    }
    return !ahead.isEmpty();
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    ahead.clear();
    aheadWords.clear();
    aheadIncrements.clear();
    pending.clear();
    exhausted = false;
  }
}
