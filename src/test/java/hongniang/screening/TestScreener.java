package hongniang.screening;

import hongniang.occupations.Occupations;
import hongniang.search.analysis.Analysis;
import hongniang.search.analysis.ScreeningWords;

/** The shipped rules read with the real analysis (smartcn, the vocabulary), built once per JVM. */
final class TestScreener {

  private static Screener screener;

  private TestScreener() {}

  static synchronized Screener get() {
    if (screener == null) {
      Occupations vocabulary = Occupations.load();
      // the analysis lives as long as the test JVM, as the service's does
      @SuppressWarnings("resource")
      Analysis analysis = new Analysis(vocabulary);
      screener = Screener.load(new ScreeningWords(analysis), w -> vocabulary.find(w).isPresent());
    }
    return screener;
  }

  /** Screens one text as a posting's description. */
  static Screening description(String text) {
    return get().screen(null, text, null);
  }
}
