package hongniang.matches;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.Validation;
import hongniang.referrals.BoardPick;
import hongniang.referrals.ReferralService;
import hongniang.referrals.ReferralView;
import hongniang.security.Caller;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The match board's kept runs: their proposals, and accepting them as referrals. */
@Singleton
public class BoardRuns {

  private final BoardRunRepository runs;
  private final BoardProposalRepository proposals;
  private final ReferralService referrals;
  private final JsonMapper jsonMapper;
  private final Validator validator;
  private final TransactionOperations<Connection> tx;

  BoardRuns(
      BoardRunRepository runs,
      BoardProposalRepository proposals,
      ReferralService referrals,
      JsonMapper jsonMapper,
      Validator validator,
      TransactionOperations<Connection> tx) {
    this.runs = runs;
    this.proposals = proposals;
    this.referrals = referrals;
    this.jsonMapper = jsonMapper;
    this.validator = validator;
    this.tx = tx;
  }

  /** Keeps the run and its proposals, so a matchmaker can accept them later. */
  BoardView keep(Caller caller, Long community, int k, BoardView view) {
    return tx.executeWrite(
        status -> {
          BoardRun run = runs.save(new BoardRun(null, community, k, caller.username(), null));
          List<BoardProposal> rows = new ArrayList<>();
          for (BoardView.Proposal p : view.proposals()) {
            rows.add(
                new BoardProposal(
                    null, run.id(), p.postingId(), p.jobseekerId(), p.score(), json(p.parts())));
          }
          proposals.saveAll(rows);
          return view.kept(run.id());
        });
  }

  private String json(List<PartView> parts) {
    try {
      return jsonMapper.writeValueAsString(parts);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Accepts some or all proposals of a kept run: one referral each, all or nothing, with the
   * board's score and reasons on each. A run the caller did not make for their community is 404; a
   * pair not in the run is a 422.
   */
  public List<ReferralView> accept(Caller caller, long runId, AcceptRequest request) {
    AcceptRequest r = request == null ? new AcceptRequest(null, null) : request;
    ApiProblem.throwIfAny(Validation.check(validator, r));
    BoardRun run =
        runs.findById(runId)
            .filter(
                x ->
                    caller.isAdmin()
                        || (x.communityId() != null && caller.seesCommunity(x.communityId())))
            .orElseThrow(() -> ApiProblem.notFound("board run", runId));
    Map<BoardProposal.Pair, BoardProposal> inRun = new java.util.LinkedHashMap<>();
    proposals.ofRun(run.id()).forEach(p -> inRun.put(p.pair(), p));
    List<BoardProposal> chosen = new ArrayList<>();
    if (r.proposals() == null) {
      chosen.addAll(inRun.values());
    } else {
      List<FieldError> errors = new ArrayList<>();
      for (int i = 0; i < r.proposals().size(); i++) {
        AcceptRequest.Pair pair = r.proposals().get(i);
        BoardProposal p = inRun.get(new BoardProposal.Pair(pair.postingId(), pair.jobseekerId()));
        if (p == null) {
          errors.add(
              new FieldError("proposals[" + i + "]", "InRun", "not a proposal of this run")
                  .with("runId", run.id()));
        } else {
          chosen.add(p);
        }
      }
      if (!errors.isEmpty()) {
        throw ApiProblem.unprocessable(errors);
      }
    }
    return referrals.fromBoard(
        caller,
        chosen.stream()
            .map(p -> new BoardPick(p.jobseekerId(), p.postingId(), p.score(), p.parts()))
            .toList(),
        r.note());
  }
}
