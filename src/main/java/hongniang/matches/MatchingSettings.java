package hongniang.matches;

import hongniang.matching.Scorer;
import hongniang.matching.Weights;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;

/**
 * The one place the matching weights come from: {@code hongniang.matching.*} in {@code
 * application.yml} (or HONGNIANG_MATCHING_WEIGHTS_OCCUPATION and the like). A bad weight stops the
 * service at start with the name of the weight.
 */
@Context
@ConfigurationProperties("hongniang.matching")
class MatchingSettings {

  private String homeCity = "三明市";
  private int candidates = 200;
  private WeightValues weights = new WeightValues();

  public String getHomeCity() {
    return homeCity;
  }

  public void setHomeCity(String homeCity) {
    this.homeCity = homeCity;
  }

  public int getCandidates() {
    return candidates;
  }

  public void setCandidates(int candidates) {
    if (candidates < 10 || candidates > 5000) {
      throw new IllegalArgumentException(
          "hongniang.matching.candidates must be between 10 and 5000, not " + candidates);
    }
    this.candidates = candidates;
  }

  public WeightValues getWeights() {
    return weights;
  }

  public void setWeights(WeightValues weights) {
    this.weights = weights;
  }

  /** Fails the start, naming the weight, when one is out of bounds. */
  @PostConstruct
  void check() {
    weights();
  }

  Weights weights() {
    return weights.toWeights();
  }

  Scorer scorer() {
    return new Scorer(weights(), homeCity);
  }

  /** The weights as configuration binds them. */
  @ConfigurationProperties("weights")
  static class WeightValues {
    private final Weights d = Weights.defaults();
    private double occupation = d.occupation();
    private double skills = d.skills();
    private double wage = d.wage();
    private double place = d.place();
    private double schedule = d.schedule();
    private double experience = d.experience();
    private double freshness = d.freshness();
    private double priority = d.priority();
    private double balance = d.balance();

    Weights toWeights() {
      return new Weights(
          occupation, skills, wage, place, schedule, experience, freshness, priority, balance);
    }

    public double getOccupation() {
      return occupation;
    }

    public void setOccupation(double v) {
      occupation = v;
    }

    public double getSkills() {
      return skills;
    }

    public void setSkills(double v) {
      skills = v;
    }

    public double getWage() {
      return wage;
    }

    public void setWage(double v) {
      wage = v;
    }

    public double getPlace() {
      return place;
    }

    public void setPlace(double v) {
      place = v;
    }

    public double getSchedule() {
      return schedule;
    }

    public void setSchedule(double v) {
      schedule = v;
    }

    public double getExperience() {
      return experience;
    }

    public void setExperience(double v) {
      experience = v;
    }

    public double getFreshness() {
      return freshness;
    }

    public void setFreshness(double v) {
      freshness = v;
    }

    public double getPriority() {
      return priority;
    }

    public void setPriority(double v) {
      priority = v;
    }

    public double getBalance() {
      return balance;
    }

    public void setBalance(double v) {
      balance = v;
    }
  }
}
