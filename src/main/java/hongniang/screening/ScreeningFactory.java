package hongniang.screening;

import hongniang.occupations.Occupations;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The service's one screener: the shipped rules, read with the search's analysis. */
@Factory
class ScreeningFactory {

  @Singleton
  Screener screener(TextWords words, Occupations occupations) {
    return Screener.load(words, word -> occupations.find(word).isPresent());
  }
}
