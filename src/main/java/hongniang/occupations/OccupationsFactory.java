package hongniang.occupations;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;

/** The service's one vocabulary, loaded once, and the one reader of names on it. */
@Factory
class OccupationsFactory {

  @Singleton
  Occupations occupations() {
    return Occupations.load();
  }

  /** Local names are read from their source when a name is first resolved, not at start-up. */
  @Singleton
  NameResolver names(
      Occupations occupations, NameWords words, BeanProvider<LocalNameSource> local) {
    return new NameResolver(
        occupations, words, () -> local.find(null).map(LocalNameSource::load).orElse(List.of()));
  }
}
