package hongniang.occupations;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The service's one vocabulary, loaded once. */
@Factory
class OccupationsFactory {

  @Singleton
  Occupations occupations() {
    return Occupations.load();
  }
}
