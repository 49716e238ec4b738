package hongniang.occupations;

import java.util.List;

/** Where the local names are kept (PostgreSQL): a port, read once when names are first resolved. */
public interface LocalNameSource {

  /** Every local name, oldest first. */
  List<LocalName> load();
}
