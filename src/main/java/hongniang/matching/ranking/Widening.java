package hongniang.matching.ranking;

import hongniang.matching.Condition;
import hongniang.matching.MatchKeys.Relation;
import hongniang.matching.Scorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exact top k without scoring everything. The items of the other side fall into rings by how their
 * occupations relate to the query's (asks for the same code, the same group, has done the code,
 * work of the group); a ring caps the occupation tier and the experience its items can have, and
 * so, with {@link Bound}, their score. Rings are scanned best bound first; once the k-th best score
 * so far is above the next ring's bound, no item left can enter the top k, and the answer is
 * certain. The rings partition every item: each of the sixteen ways to have or lack the four
 * relations belongs to exactly one ring.
 */
final class Widening {

  private Widening() {}

  /**
   * The rings for a query with these relations and their keys ({@link
   * hongniang.matching.MatchKeys#relations}): only the relations present can hold (a posting of no
   * known occupation has none; a resident with no history has no past ones). Best bound first.
   */
  static List<Ring> rings(Map<Relation, Set<String>> relations, Bound bound) {
    Set<Relation> possible = relations.keySet();
    Relation dc = Relation.DESIRED_CODE;
    Relation dg = Relation.DESIRED_GROUP;
    Relation pc = Relation.PAST_CODE;
    Relation pg = Relation.PAST_GROUP;
    List<Cell> cells =
        List.of(
            new Cell(EnumSet.of(dc, pc), EnumSet.noneOf(Relation.class)),
            new Cell(EnumSet.of(dc, pg), EnumSet.of(pc)),
            new Cell(EnumSet.of(dc), EnumSet.of(pc, pg)),
            new Cell(EnumSet.of(dg, pc), EnumSet.of(dc)),
            new Cell(EnumSet.of(dg, pg), EnumSet.of(dc, pc)),
            new Cell(EnumSet.of(dg), EnumSet.of(dc, pc, pg)),
            new Cell(EnumSet.of(pc), EnumSet.of(dc, dg)),
            new Cell(EnumSet.of(pg), EnumSet.of(dc, dg, pc)),
            new Cell(EnumSet.noneOf(Relation.class), EnumSet.of(dc, dg, pc, pg)));
    List<Ring> out = new ArrayList<>();
    for (Cell cell : cells) {
      Set<Relation> with = cell.with();
      Set<Relation> without = EnumSet.copyOf(cell.without());
      if (!possible.containsAll(with)) {
        continue; // no item can have a relation the query cannot
      }
      without.retainAll(possible); // lacking what no item can have is no condition
      // what an item of the ring may have: anything possible that the ring does not exclude
      boolean[] may = new boolean[Relation.values().length];
      for (Relation r : possible) {
        may[r.ordinal()] = !without.contains(r);
      }
      int tier =
          Scorer.occupationTier(
              may[dc.ordinal()], may[dg.ordinal()], may[pc.ordinal()], may[pg.ordinal()]);
      double experience = Scorer.experience(may[pc.ordinal()], may[pg.ordinal()]);
      out.add(
          new Ring(
              keys(with, relations),
              keys(without, relations),
              tier,
              experience,
              bound.at(tier, experience, 1.0)));
    }
    out.sort(Comparator.comparingDouble(r -> -r.bound()));
    return List.copyOf(out);
  }

  /** The relations as conditions on keys: an item has a relation when it has any of its keys. */
  private static List<Condition> keys(Set<Relation> rs, Map<Relation, Set<String>> relations) {
    List<Condition> out = new ArrayList<>();
    for (Relation r : Relation.values()) {
      if (rs.contains(r)) {
        out.add(Condition.anyOf(Condition.Attribute.KEY, relations.get(r)));
      }
    }
    return List.copyOf(out);
  }

  /** A cell of the sixteen: the relations an item has, and those it lacks. */
  private record Cell(Set<Relation> with, Set<Relation> without) {}
}
