package hongniang.vocabulary;

import hongniang.occupations.LocalName;
import hongniang.occupations.LocalNameSource;
import jakarta.inject.Singleton;
import java.util.List;

/** The local names as the vocabulary reads them, from PostgreSQL. */
@Singleton
class LocalNameStore implements LocalNameSource {

  private final LocalOccupationNameRepository names;

  LocalNameStore(LocalOccupationNameRepository names) {
    this.names = names;
  }

  @Override
  public List<LocalName> load() {
    return names.findAllOrderById().stream()
        .map(n -> new LocalName(n.name(), n.code(), n.group()))
        .toList();
  }
}
