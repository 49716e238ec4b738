package hongniang.search.analysis;

import hongniang.occupations.Occupations;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * The groups of synonyms.txt, each named by one group token that documents and queries both carry
 * beside every member word. A query for 保洁 then asks for two terms per field (保洁 and its group's
 * token), not the ten members of the group: far fewer posting lists to merge, and a document with
 * the very word typed scores above one with a synonym (it has both terms).
 */
final class SynonymGroups {

  /** Group tokens start with this mark, which no analysed word contains. */
  static final String MARK = "≡";

  private final Map<String, List<String>> groupsByWord = new HashMap<>();

  /**
   * The vocabulary's synonym groups, each taken as the analyzer makes its members, which must be
   * one word each (job names that smartcn splits are joined).
   */
  SynonymGroups(List<Set<String>> synonymGroups, Function<String, List<String>> words) {
    int group = 0;
    for (Set<String> members : synonymGroups) {
      String token = MARK + group++;
      for (String member : members) {
        List<String> w = words.apply(member);
        if (w.size() != 1) {
          throw new IllegalStateException(
              Occupations.SYNONYMS
                  + ": \""
                  + member
                  + "\" is not one word after analysis ("
                  + w
                  + ")");
        }
        List<String> tokens = groupsByWord.computeIfAbsent(w.get(0), k -> new ArrayList<>());
        if (!tokens.contains(token)) {
          tokens.add(token);
        }
      }
    }
  }

  /** The group tokens of a word: empty for a word in no group. */
  List<String> groupsOf(String word) {
    return groupsByWord.getOrDefault(word, List.of());
  }

  /** Adds, after each word of a group, the group's token at the same position and offsets. */
  TokenStream filter(TokenStream in) {
    return new GroupFilter(in);
  }

  private final class GroupFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private AttributeSource.State word;

    GroupFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!pending.isEmpty()) {
        restoreState(word);
        term.setEmpty().append(pending.poll());
        increment.setPositionIncrement(0);
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      List<String> groups = groupsByWord.get(term.toString());
      if (groups != null) {
        word = captureState();
        pending.addAll(groups);
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending.clear();
      word = null;
    }
  }
}
