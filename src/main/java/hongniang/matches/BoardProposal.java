package hongniang.matches;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/** One proposal of a kept board run: the pair, its score and its parts as JSON. */
@MappedEntity("board_proposal")
record BoardProposal(
    @Id @GeneratedValue @Nullable Long id,
    long runId,
    long postingId,
    long jobseekerId,
    double score,
    @TypeDef(type = DataType.JSON) String parts) {

  /** The pair this proposal joins. */
  Pair pair() {
    return new Pair(postingId, jobseekerId);
  }

  /** A posting and a resident. */
  record Pair(long postingId, long jobseekerId) {}
}
