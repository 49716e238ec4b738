package hongniang.search.api;

import hongniang.common.DifficultyCategory;
import hongniang.common.Schedule;
import hongniang.documents.DocumentSource;
import hongniang.occupations.Occupations;
import hongniang.search.index.IndexSchema;
import hongniang.search.query.FacetCount;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Labels beside facet values, in the caller's language: community names (not ids), occupation group
 * labels, schedule, status and category labels. A value without a label keeps itself.
 */
@Singleton
public class FacetLabels {

  private static final Map<String, String[]> STATUSES =
      Map.of(
          "SEEKING", new String[] {"求职中", "seeking"},
          "REFERRED", new String[] {"已推荐", "referred"},
          "EMPLOYED", new String[] {"已就业", "employed"},
          "INACTIVE", new String[] {"暂停求职", "not seeking"});

  /** How long community names are kept: every posting search shows them, renames are rare. */
  private static final long NAMES_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final DocumentSource source;
  private final Occupations occupations;
  private volatile Map<Long, String> communityNames;
  private volatile long namesRead;

  FacetLabels(DocumentSource source, Occupations occupations) {
    this.source = source;
    this.occupations = occupations;
  }

  /** The facets with each value labelled for this language. */
  public Map<String, List<FacetCount>> label(Map<String, List<FacetCount>> facets, Locale locale) {
    if (facets == null || facets.isEmpty()) {
      return facets;
    }
    boolean zh = !"en".equals(locale.getLanguage());
    Map<Long, String> communities =
        facets.containsKey(IndexSchema.COMMUNITY) ? communityNames() : Map.of();
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    facets.forEach(
        (dim, counts) ->
            out.put(
                dim,
                counts.stream()
                    .map(c -> c.withLabel(label(dim, c.value(), zh, locale, communities)))
                    .toList()));
    return out;
  }

  /** The community names, read again at most every half minute rather than once per search. */
  private Map<Long, String> communityNames() {
    Map<Long, String> names = communityNames;
    if (names == null || System.nanoTime() - namesRead > NAMES_NANOS) {
      names = Map.copyOf(source.communityNames());
      communityNames = names;
      namesRead = System.nanoTime();
    }
    return names;
  }

  private String label(
      String dim, String value, boolean zh, Locale locale, Map<Long, String> communities) {
    switch (dim) {
      case IndexSchema.COMMUNITY:
        if (IndexSchema.NO_COMMUNITY.equals(value)) {
          return zh ? "街道以外" : "outside the district";
        }
        try {
          return communities.getOrDefault(Long.parseLong(value), value);
        } catch (NumberFormatException e) {
          return value;
        }
      case IndexSchema.GROUP:
        return occupations.groupLabel(value, zh ? Locale.CHINESE : Locale.ENGLISH);
      case IndexSchema.SCHEDULE:
        return enumLabel(Schedule.class, value, zh);
      case IndexSchema.CATEGORY:
        return enumLabel(DifficultyCategory.class, value, zh);
      case IndexSchema.STATUS:
        String[] s = STATUSES.get(value);
        return s == null ? value : s[zh ? 0 : 1];
      default:
        return value;
    }
  }

  /** The enum's Chinese label, or its name in words (FULL_TIME gives full time). */
  private static <E extends Enum<E>> String enumLabel(Class<E> type, String value, boolean zh) {
    try {
      E e = Enum.valueOf(type, value);
      if (zh) {
        return e instanceof Schedule sc
            ? sc.label()
            : e instanceof DifficultyCategory dc ? dc.label() : value;
      }
      return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    } catch (IllegalArgumentException ex) {
      return value;
    }
  }
}
