package hongniang.vocabulary;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * How a job name is read. {@code kind}: LISTED (a name of the shipped list), LOCAL (added by the
 * street office), READ_AS (not listed: read as {@code readAs}, the listed name it shares {@code
 * sharedWords} with) or UNKNOWN (shares no telling word with any). {@code code} and {@code group}
 * are what matching compares: the same name on both sides always matches fully; a name read as
 * another matches that name's group. {@code occupation}, {@code occupationCode} name the occupation
 * it is or is read as, and {@code classification} where that occupation stands in the 职业分类大典
 * (2022), major group first. {@code zh}/{@code en} say it in a sentence.
 */
@Serdeable
public record ResolutionView(
    String name,
    String kind,
    String code,
    String group,
    String groupLabel,
    String occupation,
    String occupationCode,
    String readAs,
    List<String> sharedWords,
    List<Node> classification,
    String zh,
    String en) {

  /** A node of the 职业分类大典: code and name. */
  @Serdeable
  public record Node(String code, String name) {}
}
