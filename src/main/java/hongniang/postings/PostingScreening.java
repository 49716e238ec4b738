package hongniang.postings;

import hongniang.common.FieldError;
import hongniang.partners.PartnerService;
import hongniang.screening.Finding;
import hongniang.screening.Screener;
import hongniang.screening.Screening;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Screening as postings use it: a posting's findings with its latest approval, the status a write
 * leaves it in, approvals, and runs over every stored posting. The rules are {@code screening}'s;
 * what they mean for a posting's lifecycle is decided here. Findings go out as they are ({@code
 * SerdeImport}): screening itself knows no JSON.
 */
@Singleton
@SerdeImport(Finding.class)
class PostingScreening {

  /** How many postings a run reads, screens and updates per transaction. */
  private static final int RUN_BATCH = 500;

  private final Screener screener;
  private final ApprovalRepository approvals;
  private final PostingRepository postings;
  private final PartnerService partners;
  private final TransactionOperations<Connection> tx;

  PostingScreening(
      Screener screener,
      ApprovalRepository approvals,
      PostingRepository postings,
      PartnerService partners,
      TransactionOperations<Connection> tx) {
    this.screener = screener;
    this.approvals = approvals;
    this.postings = postings;
    this.partners = partners;
    this.tx = tx;
  }

  /** A posting's findings, its latest approval (or null), and whether that covers its text. */
  record Review(Screening screening, Approval approval, boolean approvedText) {

    /** True when a blocking finding holds the posting: it may not open. */
    boolean held() {
      return screening.blocking() && !approvedText;
    }

    ReviewView view() {
      String state =
          screening.findings().isEmpty()
              ? ReviewView.CLEAR
              : !screening.blocking()
                  ? ReviewView.WARNINGS
                  : approvedText ? ReviewView.APPROVED : ReviewView.BLOCKED;
      ReviewView.Approved approved =
          approval == null
              ? null
              : new ReviewView.Approved(
                  approval.reason(), approval.approvedBy(), approval.approvedAt(), approvedText);
      return new ReviewView(state, approved);
    }
  }

  Screening screen(String title, String description, List<String> skills) {
    return screener.screen(title, description, skills);
  }

  /** The review of a posting as stored or about to be (a new posting has no approval). */
  Review review(Posting p) {
    Approval latest =
        p.id() == null
            ? null
            : approvals.latestOf(List.of(p.id())).stream().findFirst().orElse(null);
    return review(p, latest);
  }

  Review review(Posting p, Approval latest) {
    Screening s = screener.screen(p.title(), p.description(), List.of(p.skills()));
    return new Review(s, latest, latest != null && latest.textHash().equals(textHash(p)));
  }

  /** The reviews of a page of postings, their approvals read in one query. */
  Map<Long, Review> reviews(Collection<Posting> page) {
    Map<Long, Approval> latest = latestApprovals(page.stream().map(Posting::id).toList());
    Map<Long, Review> reviews = new HashMap<>();
    for (Posting p : page) {
      reviews.put(p.id(), review(p, latest.get(p.id())));
    }
    return reviews;
  }

  private Map<Long, Approval> latestApprovals(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return approvals.latestOf(ids).stream()
        .collect(Collectors.toMap(Approval::postingId, Function.identity()));
  }

  /**
   * The status a write leaves a posting in: one that is, or is to be, OPEN and is held goes to
   * REVIEW; one in REVIEW that is no longer held goes back to DRAFT, for its employer to open.
   */
  static PostingStatus statusAfter(PostingStatus status, Review review) {
    if (status == PostingStatus.OPEN && review.held()) {
      return PostingStatus.REVIEW;
    }
    if (status == PostingStatus.REVIEW && !review.held()) {
      return PostingStatus.DRAFT;
    }
    return status;
  }

  /** The 409 errors of a held posting that is asked to open: one per blocking finding. */
  static List<FieldError> holdingErrors(Review review) {
    return review.screening().blocks().stream()
        .map(
            f ->
                new FieldError(
                        f.field(),
                        "Screening",
                        String.format(
                            "「%s」 at %d-%d: %s (%s, %s); %s",
                            f.text(),
                            f.start(),
                            f.end(),
                            f.categoryEn(),
                            f.rule(),
                            f.basisEn(),
                            f.suggestionEn()))
                    .with("text", f.text())
                    .with("start", f.start())
                    .with("end", f.end())
                    .with("rule", f.rule())
                    .with("categoryZh", f.categoryZh())
                    .with("categoryEn", f.categoryEn())
                    .with("basisZh", f.basisZh())
                    .with("basisEn", f.basisEn())
                    .with("suggestionZh", f.suggestionZh())
                    .with("suggestionEn", f.suggestionEn()))
        .toList();
  }

  /** Records an admin's approval of the posting's present text and its blocking findings. */
  Approval approve(Posting p, Review review, String reason, String by) {
    String[] findings =
        review.screening().blocks().stream()
            .map(f -> f.category() + ":" + f.rule() + ":" + f.text())
            .toArray(String[]::new);
    return approvals.save(new Approval(null, p.id(), reason, by, textHash(p), findings, null));
  }

  /**
   * The hash of the texts screening reads (title, description, skills): an approval covers the text
   * with this hash and no other.
   */
  static String textHash(Posting p) {
    StringBuilder text = new StringBuilder(p.title()).append('\u001f');
    text.append(p.description() == null ? "" : p.description());
    for (String skill : p.skills()) {
      text.append('\u001f').append(skill);
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      // every Java runtime has SHA-256
      throw new IllegalStateException(e);
    }
  }

  /**
   * Screens every posting that is not closed with today's rules, in batches of one transaction
   * each; moves open ones that are held to REVIEW and releases held ones that are not.
   */
  ScreeningRunReport run() {
    Map<Long, Tally> units = new TreeMap<>();
    Tally total = new Tally();
    long after = 0;
    while (true) {
      long from = after;
      List<Posting> batch =
          tx.execute(
              TransactionDefinition.DEFAULT,
              status -> {
                List<Posting> read = postings.notClosedAfter(from, RUN_BATCH);
                Map<Long, Review> reviews = reviews(read);
                for (Posting p : read) {
                  Review r = reviews.get(p.id());
                  PostingStatus next = statusAfter(p.status(), r);
                  if (next != p.status()) {
                    postings.update(p.withStatus(next));
                  }
                  Tally unit = units.computeIfAbsent(p.partnerUnitId(), id -> new Tally());
                  unit.add(p.status(), next, r);
                  total.add(p.status(), next, r);
                }
                return read;
              });
      if (batch.isEmpty()) {
        break;
      }
      after = batch.get(batch.size() - 1).id();
    }
    List<ScreeningRunReport.Unit> rows = new ArrayList<>();
    units.forEach(
        (id, tally) ->
            rows.add(
                new ScreeningRunReport.Unit(id, partners.unitName(id).orElse(""), tally.counts())));
    return new ScreeningRunReport(total.counts(), rows);
  }

  /** Running counts of a run. */
  private static final class Tally {
    int screened;
    int withBlock;
    int approved;
    int withWarn;
    int movedToReview;
    int released;
    final Map<String, Integer> byCategory = new TreeMap<>();

    void add(PostingStatus before, PostingStatus after, Review r) {
      screened++;
      for (Finding f : r.screening().findings()) {
        byCategory.merge(f.category(), 1, Integer::sum);
      }
      if (r.screening().blocking()) {
        withBlock++;
        if (r.approvedText()) {
          approved++;
        }
      }
      if (r.screening().findings().stream().anyMatch(f -> !f.blocks())) {
        withWarn++;
      }
      if (after == PostingStatus.REVIEW && before != PostingStatus.REVIEW) {
        movedToReview++;
      }
      if (before == PostingStatus.REVIEW && after != PostingStatus.REVIEW) {
        released++;
      }
    }

    ScreeningRunReport.Counts counts() {
      return new ScreeningRunReport.Counts(
          screened, withBlock, approved, withWarn, movedToReview, released, Map.copyOf(byCategory));
    }
  }
}
