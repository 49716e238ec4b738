package hongniang.jobseekers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * {@code hongniang.register.*}: after how many days without contact a seeking resident is asked
 * "still looking?", and how many days each ask waits for an answer before the next step (a second
 * ask, then INACTIVE). A bad value stops the service at start, naming the setting.
 */
@Context
@ConfigurationProperties("hongniang.register")
class RegisterSettings {

  private int askEveryDays = 90;
  private int answerDays = 14;

  public int getAskEveryDays() {
    return askEveryDays;
  }

  public void setAskEveryDays(int askEveryDays) {
    if (askEveryDays < 7 || askEveryDays > 730) {
      throw new IllegalArgumentException(
          "hongniang.register.ask-every-days must be between 7 and 730, not " + askEveryDays);
    }
    this.askEveryDays = askEveryDays;
  }

  public int getAnswerDays() {
    return answerDays;
  }

  public void setAnswerDays(int answerDays) {
    if (answerDays < 1 || answerDays > 90) {
      throw new IllegalArgumentException(
          "hongniang.register.answer-days must be between 1 and 90, not " + answerDays);
    }
    this.answerDays = answerDays;
  }
}
