package hongniang.pages;

/**
 * What every page's frame needs: its texts, whether elder mode is on, its title and where the
 * switches go back to.
 */
public record Page(Texts t, boolean elder, String title, String path) {

  /** The switch's link to the other language, back to this page. */
  public String otherLanguageLink() {
    return "/language/" + (t.english() ? "zh" : "en") + "?back=" + Links.encode(path);
  }

  /** The switch's link into or out of elder mode, back to this page. */
  public String elderLink() {
    return "/elder/" + (elder ? "off" : "on") + "?back=" + Links.encode(path);
  }
}
