package hongniang.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hongniang.common.ReadErrors;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundles against the code: every rule code main raises, every bundle key it names and
 * every field and enum a request can carry has its text in Chinese and in English (labels in
 * Chinese). The sources are read as text, so a new rule code or key fails here before a caller
 * reads a key instead of a sentence.
 */
class MessageBundlesTest {

  private static final Path SOURCES = Path.of("src", "main", "java");

  /** Calls whose second argument is a rule code. */
  private static final Pattern RAISES =
      Pattern.compile("(new FieldError|ApiProblem\\.invalid|ApiProblem\\.conflict)\\(");

  /** Rule arguments that are not literals: parameters handing a literal on, and renderings. */
  private static final Set<String> PASSED_ON = Set.of("rule", "error.rule()");

  /** String literals that are bundle keys. */
  private static final Pattern KEY =
      Pattern.compile(
          "\"((?:rule|problem|detail|title|forbidden|action|limit|unit|type|thing|enum|field"
              + "|separator)\\.[A-Za-z0-9_.-]+)\"");

  private static final Pattern NOT_FOUND = Pattern.compile("notFound\\(\\s*\"([^\"]+)\"");
  private static final Pattern CONSTRAINT =
      Pattern.compile("import jakarta\\.validation\\.constraints\\.(\\w+);");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

  /** The statuses the handlers and the framework's errors produce. */
  private static final List<Integer> STATUSES =
      List.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 500, 503);

  private final Properties zh = bundle("zh");
  private final Properties en = bundle("en");

  @Test
  void everyRuleCodeRaisedInMainHasAChineseAndAnEnglishText() throws IOException {
    Set<String> codes = new TreeSet<>();
    List<String> unreadable = new ArrayList<>();
    for (Map.Entry<Path, String> source : sources().entrySet()) {
      String text = source.getValue();
      Matcher call = RAISES.matcher(text);
      while (call.find()) {
        List<String> args = arguments(text, call.end());
        if (args.size() < 3) {
          continue; // ApiProblem.invalid(errors), invalid(error): the errors were raised already
        }
        String rule = args.get(1);
        if (rule.matches("\"\\w+\"")) {
          codes.add(rule.substring(1, rule.length() - 1));
        } else if (!PASSED_ON.contains(rule)) {
          unreadable.add(source.getKey() + ": " + rule);
        }
      }
      Matcher constraint = CONSTRAINT.matcher(text);
      while (constraint.find()) {
        codes.add(constraint.group(1));
      }
    }
    assertEquals(List.of(), unreadable, "rule codes this test cannot read: use a literal");
    assertTrue(
        codes.containsAll(Set.of("NotBlank", "Size", "OneOf", "Type", "Exists")), "" + codes);
    assertEquals(List.of(), missing(codes.stream().map(c -> "rule." + c).toList(), zh), "zh");
    assertEquals(List.of(), missing(codes.stream().map(c -> "rule." + c).toList(), en), "en");
  }

  @Test
  void everyKeyNamedInMainIsInBothBundles() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String text : sources().values()) {
      Matcher key = KEY.matcher(text);
      while (key.find()) {
        if (!key.group(1).endsWith(".")) {
          keys.add(key.group(1));
        }
      }
      Matcher thing = NOT_FOUND.matcher(text);
      while (thing.find()) {
        keys.add("thing." + thing.group(1).replace(' ', '-'));
      }
    }
    for (int status : STATUSES) {
      keys.add("title." + status);
      keys.add("detail." + status);
    }
    assertTrue(keys.contains("problem.notFound") && keys.contains("thing.partner-unit"), "" + keys);
    assertEquals(List.of(), missing(keys, zh), "zh");
    assertEquals(
        List.of(),
        missing(keys.stream().filter(k -> !isLabel(k)).toList(), en),
        "en (field and enum labels may stay Chinese only)");
  }

  @Test
  void bothBundlesHoldTheSameTextsWithTheSamePlaceholders() {
    Set<String> zhKeys = texts(zh);
    Set<String> enKeys = texts(en);
    assertEquals(List.of(), missing(zhKeys, en), "in zh, not in en (labels aside)");
    assertEquals(List.of(), missing(enKeys, zh), "in en, not in zh (labels aside)");
    Map<String, String> differ = new TreeMap<>();
    for (String key : zhKeys) {
      Set<String> a = placeholders(zh.getProperty(key));
      Set<String> b = placeholders(en.getProperty(key));
      if (!a.equals(b)) {
        differ.put(key, a + " / " + b);
      }
    }
    assertEquals(Map.of(), differ, "placeholders (besides the *Zh and *En texts)");
    assertTrue(
        en.stringPropertyNames().stream()
            .filter(k -> k.startsWith("enum."))
            .allMatch(zh::containsKey));
  }

  @Test
  void everyFieldAndParameterOfTheApiHasAChineseLabelAndEveryKindAText() {
    Set<String> names = new TreeSet<>();
    Set<Type> types = new HashSet<>();
    for (Method m : controllerMethods()) {
      for (Parameter p : m.getParameters()) {
        if (p.isAnnotationPresent(Body.class) && p.getType().isRecord()) {
          for (RecordComponent c : p.getType().getRecordComponents()) {
            names.add(c.getName());
            types.add(c.getGenericType());
          }
        } else if (p.isAnnotationPresent(QueryValue.class)
            || p.isAnnotationPresent(PathVariable.class)) {
          names.add(p.getName());
          types.add(p.getParameterizedType());
        }
      }
    }
    assertTrue(
        names.containsAll(Set.of("partnerUnitId", "schedule", "page", "perResident")), "" + names);
    assertEquals(List.of(), missing(names.stream().map(n -> "field." + n).toList(), zh), "labels");
    List<String> kinds = new ArrayList<>();
    List<String> constants = new ArrayList<>();
    for (Type type : types) {
      for (Class<?> c : readTypes(type)) {
        if (c.isEnum()) {
          for (Object e : c.getEnumConstants()) {
            constants.add("enum." + c.getSimpleName() + "." + ((Enum<?>) e).name());
          }
        } else {
          kinds.add("type." + ReadErrors.kind(c));
        }
      }
    }
    assertTrue(constants.contains("enum.Schedule.FULL_TIME"), "" + constants);
    assertEquals(List.of(), missing(kinds, zh), "zh kinds of value");
    assertEquals(List.of(), missing(kinds, en), "en kinds of value");
    assertEquals(List.of(), missing(constants, zh), "Chinese labels of enum constants");
  }

  /** Every inbox kind reads in both languages, with exactly the parameters it is sent with. */
  @Test
  void everyInboxKindHasATextInBothLanguagesWithItsParameters() {
    Map<String, String> wrong = new TreeMap<>();
    hongniang.inbox.Notice.KINDS.forEach(
        (kind, params) -> {
          String key = hongniang.inbox.Notice.textKey(kind);
          for (Properties bundle : List.of(zh, en)) {
            String text = bundle.getProperty(key);
            if (text == null || !placeholders(text).equals(new TreeSet<>(params))) {
              wrong.put(key + (bundle == zh ? " zh" : " en"), text + " / " + params);
            }
          }
        });
    assertEquals(
        Map.of(), wrong, "inbox texts missing or with other placeholders than Notice.KINDS");
    assertTrue(hongniang.inbox.Notice.KINDS.containsKey("referral.consentRequested"));
  }

  @Test
  void enumLabelsAgreeWithTheCode() throws ReflectiveOperationException {
    List<Class<? extends Enum<?>>> labelled =
        List.of(
            hongniang.common.Schedule.class,
            hongniang.common.Education.class,
            hongniang.common.DifficultyCategory.class);
    for (Class<? extends Enum<?>> type : labelled) {
      Method label = type.getMethod("label");
      for (Enum<?> e : type.getEnumConstants()) {
        assertEquals(
            label.invoke(e),
            zh.getProperty("enum." + type.getSimpleName() + "." + e.name()),
            "" + e);
      }
    }
    hongniang.common.Gender.LABELS.forEach(
        (word, gender) -> assertEquals(word, zh.getProperty("enum.Gender." + gender.name())));
    for (Enum<?> action : hongniang.postings.PostingService.Action.values()) {
      assertTrue(zh.containsKey("enum.Action." + action.name()), "" + action);
      assertTrue(en.containsKey("enum.Action." + action.name()), "" + action);
    }
  }

  @Test
  void anEnumListsItsValuesWithTheirChineseLabels() {
    hongniang.common.FieldError error =
        hongniang.common.FieldError.oneOf("schedule", List.of(hongniang.common.Schedule.values()));
    assertEquals(
        "工作时间须为以下之一：全职 FULL_TIME、兼职 PART_TIME、灵活 FLEXIBLE、倒班 SHIFT", Messages.ZH.message(error));
    assertEquals(
        "schedule must be one of: FULL_TIME, PART_TIME, FLEXIBLE, SHIFT",
        Messages.EN.message(error));
  }

  @Test
  void aFieldsOwnWordingComesBeforeTheRulesAndRowsKeepTheirLeaf() {
    hongniang.common.FieldError pattern =
        new hongniang.common.FieldError("[3].creditCode", "Pattern", "18 characters");
    assertTrue(Messages.ZH.message(pattern).startsWith("统一社会信用代码须为 18 位"));
    assertEquals("skills", Messages.leaf("[2].skills[0]"));
    assertEquals("", Messages.leaf("[2]."));
    hongniang.common.FieldError record =
        new hongniang.common.FieldError("[2].", "Type", "the record could not be read");
    assertEquals("这一行有值的类型不对，无法读取", Messages.ZH.message(record));
  }

  private static boolean isLabel(String key) {
    return key.startsWith("field.") || key.startsWith("enum.") || key.startsWith("label.");
  }

  private static Set<String> texts(Properties bundle) {
    Set<String> keys = new TreeSet<>(bundle.stringPropertyNames());
    keys.removeIf(MessageBundlesTest::isLabel);
    return keys;
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!m.group(1).endsWith("Zh") && !m.group(1).endsWith("En")) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static List<String> missing(Collection<String> keys, Properties bundle) {
    return keys.stream().filter(k -> !bundle.containsKey(k)).distinct().sorted().toList();
  }

  /** The classes a value of this type is read as: the type, or a collection's items. */
  private static List<Class<?>> readTypes(Type type) {
    if (type instanceof ParameterizedType p) {
      List<Class<?>> out = new ArrayList<>();
      out.add((Class<?>) p.getRawType());
      for (Type arg : p.getActualTypeArguments()) {
        out.addAll(readTypes(arg));
      }
      return out;
    }
    return type instanceof Class<?> c ? List.of(c) : List.of();
  }

  private static List<Method> controllerMethods() {
    List<Method> methods = new ArrayList<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("hongniang")) {
      if (c.isAnnotatedWith(io.micronaut.http.annotation.Controller.class)) {
        methods.addAll(List.of(c.reflect().getDeclaredMethods()));
      }
    }
    assertFalse(methods.isEmpty(), "no controllers found");
    return methods;
  }

  private static Map<Path, String> sources() throws IOException {
    Map<Path, String> texts = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        texts.put(f, Files.readString(f));
      }
    }
    assertFalse(texts.isEmpty(), "no sources under " + SOURCES.toAbsolutePath());
    return texts;
  }

  /** The top-level arguments of a call whose parenthesis ends at {@code start}, as written. */
  private static List<String> arguments(String text, int start) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        current.append(c);
        if (c == '\\') {
          current.append(text.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
        current.append(c);
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + (text.charAt(i + 1) == '\\' ? 3 : 2));
        current.append(text, i, end + 1);
        i = end;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
        current.append(c);
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          args.add(current.toString().strip());
          return args;
        }
        depth--;
        current.append(c);
      } else if (c == ',' && depth == 0) {
        args.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    return args;
  }

  private static Properties bundle(String language) {
    Properties p = new Properties();
    try (InputStream in =
        MessageBundlesTest.class.getResourceAsStream(
            "/i18n/messages_" + language + ".properties")) {
      assertTrue(in != null, "no bundle for " + language);
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return p;
  }
}
