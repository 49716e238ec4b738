package hongniang.jobseekers;

import hongniang.common.PageResponse;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Adds the register's part to profile views: the reason for INACTIVE, the last contact, the ask
 * waiting for an answer (read in one query for a whole page).
 */
@Singleton
class RegisterViews {

  private final CheckIns checkIns;
  private final RegisterSettings settings;

  RegisterViews(CheckIns checkIns, RegisterSettings settings) {
    this.checkIns = checkIns;
    this.settings = settings;
  }

  @Transactional(readOnly = true)
  JobseekerView complete(JobseekerView view) {
    return complete(view, checkIns.states(List.of(view.id())));
  }

  @Transactional(readOnly = true)
  PageResponse<JobseekerView> complete(PageResponse<JobseekerView> page) {
    Map<Long, CheckIns.State> states =
        checkIns.states(page.items().stream().map(JobseekerView::id).toList());
    return new PageResponse<>(
        page.items().stream().map(v -> complete(v, states)).toList(),
        page.page(),
        page.size(),
        page.totalItems(),
        page.totalPages());
  }

  private JobseekerView complete(JobseekerView view, Map<Long, CheckIns.State> states) {
    CheckIns.State s = states.get(view.id());
    if (s == null) {
      return view;
    }
    CheckIns.Ask ask = s.openAsk();
    return view.withRegister(
        s.inactiveReason(),
        s.inactiveSince(),
        s.mergedInto(),
        s.lastContactAt(),
        ask == null
            ? null
            : new PendingAsk(
                ask.round(),
                ask.firstAskedAt(),
                ask.askedAt(),
                ask.askedAt().plus(Duration.ofDays(settings.getAnswerDays()))));
  }
}
