package hongniang.pages;

import hongniang.common.MessageKey;
import hongniang.web.Messages;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A page's texts in its reader's language, for templates: every word on a page comes from the
 * message bundles ({@code page.*}), never from a template; numbers, money and dates as the language
 * writes them.
 */
public final class Texts {

  private final Messages messages;

  Texts(Messages messages) {
    this.messages = messages;
  }

  /** The bundles of this language. */
  public Messages messages() {
    return messages;
  }

  /** zh or en, for {@code <html lang>} and the switch. */
  public String lang() {
    return messages == Messages.EN ? "en" : "zh-CN";
  }

  public boolean english() {
    return messages == Messages.EN;
  }

  /** The text of a key; the key itself when the bundles lack it (a test finds that). */
  public String t(String key) {
    String text = messages.text(key);
    return text == null ? key : text;
  }

  /** The text of a key with its {@code {name}} arguments: name, value, name, value... */
  public String t(String key, Object... namesAndValues) {
    MessageKey m = MessageKey.of(key);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      m = m.with((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return messages.render(m);
  }

  /**
   * An enum constant's label ({@code enum.Type.NAME}, else {@code label.Type.NAME}), or its key.
   */
  public String label(Enum<?> value) {
    if (value == null) {
      return "";
    }
    String name = value.getDeclaringClass().getSimpleName() + "." + value;
    // the pages' own English labels (label.*) where the API's messages keep the code
    return messages.has("enum." + name) ? t("enum." + name) : t("label." + name);
  }

  /** A whole number with the language's grouping: 12,000. */
  public String number(long n) {
    return NumberFormat.getIntegerInstance(messages.locale()).format(n);
  }

  /** A monthly wage range in yuan: 2,500–3,500 元/月 or ¥2,500–3,500 a month. */
  public String wage(int min, int max) {
    String range = min == max ? number(min) : number(min) + "–" + number(max);
    return t("page.wage", "range", range);
  }

  /** A moment as the language writes it, in the street office's time zone. */
  public String dateTime(java.time.Instant at) {
    if (at == null) {
      return "";
    }
    Locale locale = english() ? Locale.US : Locale.SIMPLIFIED_CHINESE;
    return at.atZone(java.time.ZoneId.of("Asia/Shanghai"))
        .format(
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale));
  }

  /** A date as the language writes it: 2026年12月31日, Dec 31, 2026. */
  public String date(LocalDate day) {
    if (day == null) {
      return "";
    }
    Locale locale = english() ? Locale.US : Locale.SIMPLIFIED_CHINESE;
    return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
  }
}
