package hongniang.support;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;

/** Implemented by every Micronaut test: points it at the shared test PostgreSQL. */
public interface DatabaseTest extends TestPropertyProvider {

  @Override
  default Map<String, String> getProperties() {
    return TestDatabase.properties();
  }
}
