package hongniang.web;

import hongniang.common.FieldError;
import hongniang.common.ImportReport;
import hongniang.common.MessageKey;
import hongniang.common.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message bundles {@code i18n/messages_zh.properties} and {@code messages_en.properties}, and
 * errors rendered from them in one language: Chinese unless the caller's {@code Accept-Language}
 * starts with {@code en}. Plain {@link ResourceBundle}s, read as UTF-8, with no fallback: a key
 * missing in one language is missing, never quietly taken from the other or from the JVM's locale.
 */
public final class Messages {

  /** Chinese, the default. */
  public static final Messages ZH = new Messages(Locale.CHINESE);

  /** English, for callers whose Accept-Language starts with {@code en}. */
  public static final Messages EN = new Messages(Locale.ENGLISH);

  private static final String BUNDLE = "i18n.messages";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

  private final Locale locale;
  private final ResourceBundle bundle;

  private Messages(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The language of a request: English when Accept-Language starts with en, else Chinese. */
  public static Messages of(HttpRequest<?> request) {
    String wanted = request == null ? null : request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
    return wanted != null && wanted.strip().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
  }

  public Locale locale() {
    return locale;
  }

  /** True when the bundle has the key. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The bundle's text for a key, or null. */
  public String text(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return null;
    }
  }

  /** A key rendered with its arguments; the key itself when the bundle lacks it. */
  public String render(MessageKey message) {
    String template = text(message.key());
    return template == null ? message.key() : fill(template, message.args());
  }

  /**
   * A field error's message: its own key, or first {@code rule.<rule>.<field>} (a field's own
   * wording, e.g. the format of {@code creditCode}; {@code record} for an error on no field) and
   * then {@code rule.<rule>}. The field's label and name are arguments too; the code's English is
   * the last resort.
   */
  public String message(FieldError error) {
    MessageKey text = error.text();
    String name = leaf(error.field());
    String key = text.key();
    if (key.equals(error.ruleKey())) {
      String own = key + "." + (name.isEmpty() ? "record" : name);
      if (has(own)) {
        key = own;
      }
    }
    String template = text(key);
    if (template == null) {
      return error.message();
    }
    MessageKey withField = new MessageKey(key, text.args()).with("field", label(name));
    return fill(template, withField.with("name", name).args());
  }

  /** A field's label: {@code field.<name>} when the bundle has one, else the name as sent. */
  public String label(String name) {
    String label = text("field." + name);
    return label == null ? name : label;
  }

  /** The field error with its message in this language. */
  public FieldError render(FieldError error) {
    return new FieldError(error.field(), error.rule(), message(error), error.text());
  }

  /**
   * The problem in this language: the title by status, the detail by its own text, else by its one
   * error (or their count), else by status; each error's message.
   */
  public Problem render(Problem p) {
    List<FieldError> errors = p.errors() == null ? List.of() : p.errors();
    String title = text("title." + p.status());
    String detail;
    if (p.detailText() != null && has(p.detailText().key())) {
      detail = render(p.detailText());
    } else if (errors.size() == 1) {
      detail = message(errors.get(0));
    } else if (!errors.isEmpty()) {
      detail = render(MessageKey.of("problem.invalid.many").with("count", errors.size()));
    } else if (has("detail." + p.status())) {
      detail = render(MessageKey.of("detail." + p.status()));
    } else {
      detail = title;
    }
    return new Problem(
        p.type(),
        title == null ? p.title() : title,
        p.status(),
        detail,
        p.instance(),
        errors.stream().map(this::render).toList(),
        null,
        p.candidates());
  }

  /** An import report with every row's errors in this language. */
  public ImportReport render(ImportReport report) {
    return new ImportReport(
        report.total(),
        report.accepted(),
        report.rejected(),
        report.atomic(),
        report.stored(),
        report.rows().stream()
            .map(
                r ->
                    new ImportReport.Row(
                        r.row(),
                        r.outcome(),
                        r.id(),
                        r.errors() == null ? null : r.errors().stream().map(this::render).toList()))
            .toList());
  }

  private String fill(String template, Map<String, Object> args) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = args.containsKey(name) ? format(args.get(name), false) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * An argument as text: a key rendered, an enum constant by its label (in a list, in Chinese, the
   * label and the constant: 全职 FULL_TIME), a list joined with the language's separator.
   */
  private String format(Object value, boolean inList) {
    if (value instanceof MessageKey key) {
      return render(key);
    }
    if (value instanceof Enum<?> e) {
      String label = text("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
      if (label == null) {
        return e.name();
      }
      return inList && locale.equals(Locale.CHINESE) ? label + " " + e.name() : label;
    }
    if (value instanceof Collection<?> items) {
      String separator = text("separator.list");
      return String.join(
          separator == null ? ", " : separator,
          items.stream().map(item -> format(item, true)).toList());
    }
    return String.valueOf(value);
  }

  /** The last name of a JSON path: {@code [3].skills[0]} is {@code skills}. */
  static String leaf(String field) {
    if (field == null) {
      return "";
    }
    String name = field.replaceAll("\\[[^\\]]*\\]", "");
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
