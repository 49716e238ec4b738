package hongniang.pages;

/**
 * What every page's frame needs: its texts, its title and where the language switch goes back to.
 */
public record Page(Texts t, String title, String path) {

  /** The switch's link to the other language, back to this page. */
  public String otherLanguageLink() {
    return "/language/" + (t.english() ? "zh" : "en") + "?back=" + Links.encode(path);
  }
}
