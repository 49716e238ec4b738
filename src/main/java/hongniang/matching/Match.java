package hongniang.matching;

import java.util.List;

/**
 * A scored pair with its explanation: the score is the sum of the parts' points.
 *
 * @param max the most this perspective can score, so people can read the score as a share
 */
public record Match(long jobseekerId, long postingId, double score, double max, List<Part> parts) {}
