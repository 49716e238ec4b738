package hongniang.matching;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** A skill as written and its key: synonyms (保洁, 清洁卫生) share one key. */
public record Skill(String name, String key) {

  /** The keys of some skills. */
  public static Set<String> keys(Collection<Skill> skills) {
    Set<String> out = new LinkedHashSet<>();
    skills.forEach(s -> out.add(s.key()));
    return out;
  }
}
