package hongniang.vocabulary;

import hongniang.common.ApiProblem;
import hongniang.common.FieldError;
import hongniang.common.Validation;
import hongniang.occupations.NameResolver;
import hongniang.occupations.NameResolver.Kind;
import hongniang.occupations.NameResolver.Resolved;
import hongniang.occupations.Occupations;
import hongniang.occupations.Occupations.Occupation;
import hongniang.security.Caller;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** How job names are read, and the local names admins add; the door to this feature. */
@Singleton
public class VocabularyService {

  /** The prefix of a local occupation's code; the rest is its first name, folded. */
  public static final String LOCAL_CODE = "LOCAL:";

  private final NameResolver names;
  private final Occupations occupations;
  private final LocalOccupationNameRepository locals;
  private final LocalNameStore store;
  private final AffectedDocuments affected;
  private final Validator validator;

  VocabularyService(
      NameResolver names,
      LocalOccupationNameRepository locals,
      LocalNameStore store,
      AffectedDocuments affected,
      Validator validator) {
    this.names = names;
    this.occupations = names.occupations();
    this.locals = locals;
    this.store = store;
    this.affected = affected;
    this.validator = validator;
  }

  /** How a name is read, said in the caller's language for the group. */
  public ResolutionView resolve(String name, Locale locale) {
    if (name == null || name.isBlank()) {
      throw ApiProblem.invalid("name", "NotBlank", "name a job to resolve");
    }
    if (name.length() > 60) {
      throw ApiProblem.invalid(
          new FieldError("name", "Size", "a job name has at most 60 characters")
              .with("limit", Validation.sizeLimit(0, 60, false)));
    }
    if (Validation.hasControlCharacters(name)) {
      throw ApiProblem.invalid(
          "name", "NoControlCharacters", "a job name has no control characters");
    }
    Resolved r = names.resolve(name);
    Occupation o = r.occupation();
    String label = occupations.groupLabel(r.group(), locale);
    return new ResolutionView(
        r.name(),
        r.kind().name(),
        r.code(),
        r.kind() == Kind.UNKNOWN ? null : r.group(),
        r.kind() == Kind.UNKNOWN ? null : label,
        o == null ? null : o.name(),
        o == null ? null : o.code(),
        r.readAs(),
        r.sharedWords(),
        o == null
            ? List.of()
            : occupations.classification(o.code()).stream()
                .map(n -> new ResolutionView.Node(n.code(), n.name()))
                .toList(),
        sentence(r, label, true),
        sentence(r, label, false));
  }

  private String sentence(Resolved r, String label, boolean zh) {
    String n = r.name();
    return switch (r.kind()) {
      case LISTED, LOCAL -> {
        String where =
            r.kind() == Kind.LISTED
                ? (zh ? "职业目录" : "the occupation list")
                : (zh ? "本街道添加的名称" : "the names this office added");
        String occ = r.occupation().name();
        yield zh
            ? "“" + n + "”见于" + where + "：" + occ + "（" + r.code() + "，" + label + "）"
            : "\"" + n + "\" is in " + where + ": " + occ + " (" + r.code() + ", " + label + ")";
      }
      case READ_AS ->
          zh
              ? "“"
                  + n
                  + "”不在职业目录中，按共有的词“"
                  + String.join("、", r.sharedWords())
                  + "”读作“"
                  + r.readAs()
                  + "”（"
                  + label
                  + "）：同名的岗位或期望完全相符，"
                  + label
                  + "类工作部分相符"
              : "\""
                  + n
                  + "\" is not in the list; read as \""
                  + r.readAs()
                  + "\" ("
                  + label
                  + ") by the words they share ("
                  + String.join(", ", r.sharedWords())
                  + "): the same name matches fully, other "
                  + label
                  + " work partly";
      case UNKNOWN ->
          zh
              ? "“" + n + "”不在职业目录中，也没有可参照的名称：只与同名的岗位或期望相符；管理员可以把它添加为本地名称"
              : "\""
                  + n
                  + "\" is not in the list and shares no telling word with a listed name: it"
                  + " matches only the same name; an admin can add it as a local name";
    };
  }

  /** The local names, oldest first. */
  public List<LocalNameView> list(Locale locale) {
    return locals.findAllOrderById().stream().map(n -> view(n, null, locale)).toList();
  }

  /**
   * Adds a local name, applies it at once and queues for re-indexing the postings and residents
   * whose names it reads differently.
   */
  public LocalNameView add(Caller caller, LocalNameRequest request, Locale locale) {
    List<FieldError> errors = new ArrayList<>(Validation.check(validator, request));
    ApiProblem.throwIfAny(errors);
    String name = request.name().strip();
    Stream.of(request.name(), request.aliasOf(), request.code(), request.group(), request.note())
        .filter(Objects::nonNull)
        .filter(Validation::hasControlCharacters)
        .findFirst()
        .ifPresent(
            x -> {
              throw ApiProblem.invalid(
                  "name", "NoControlCharacters", "names and notes have no control characters");
            });
    long given =
        Stream.of(request.aliasOf(), request.code(), request.group())
            .filter(x -> x != null && !x.isBlank())
            .count();
    if (given != 1) {
      throw ApiProblem.invalid(
          "aliasOf",
          "ExactlyOne",
          "give exactly one of aliasOf (a listed name), code (an occupation code) or group (for a"
              + " local occupation of its own)");
    }
    String code;
    String group;
    if (request.aliasOf() != null && !request.aliasOf().isBlank()) {
      Resolved target = names.resolve(request.aliasOf());
      if (target.kind() != Kind.LISTED && target.kind() != Kind.LOCAL) {
        throw ApiProblem.invalid(
            new FieldError(
                    "aliasOf",
                    "Listed",
                    request.aliasOf().strip() + " is not a listed or local name")
                .with("value", request.aliasOf().strip()));
      }
      code = target.code();
      group = target.group();
    } else if (request.code() != null && !request.code().isBlank()) {
      code = request.code().strip();
      Optional<String> known = groupOfCode(code);
      if (known.isEmpty()) {
        throw ApiProblem.invalid(
            new FieldError("code", "Exists", "no occupation has code " + code).with("value", code));
      }
      group = known.get();
    } else {
      group = request.group().strip();
      if (!occupations.isGroup(group)) {
        throw ApiProblem.invalid(FieldError.oneOf("group", occupations.groups()));
      }
      code = LOCAL_CODE + NameResolver.key(name);
    }
    String key = NameResolver.key(name);
    synchronized (this) {
      if (locals.existsByNameKey(key)) {
        throw ApiProblem.conflict(
            new FieldError("name", "Unique", name + " is already a local name")
                .saying("rule.Unique.localName")
                .with("value", name));
      }
      Resolved before = names.resolve(name);
      if ((before.kind() == Kind.LISTED || before.kind() == Kind.LOCAL)
          && before.code().equals(code)) {
        throw ApiProblem.conflict(
            new FieldError("name", "Unique", name + " is already read as that occupation")
                .saying("rule.Unique.sameReading")
                .with("value", name));
      }
      Map<String, String> old = readings();
      LocalOccupationName saved =
          locals.save(
              new LocalOccupationName(
                  null,
                  name,
                  key,
                  code,
                  group,
                  blankToNull(request.note()),
                  caller.username(),
                  null));
      LocalNameView.Reindexed queued = apply(old, name);
      return view(saved, queued, locale);
    }
  }

  /** Removes a local name; the names it read are read as before, and re-indexed. */
  public LocalNameView.Reindexed remove(long id) {
    synchronized (this) {
      LocalOccupationName n =
          locals.findById(id).orElseThrow(() -> ApiProblem.notFound("local name", id));
      Map<String, String> old = readings();
      locals.deleteById(id);
      return apply(old, n.name());
    }
  }

  /** Reloads the local names and queues the documents whose names now read differently. */
  private LocalNameView.Reindexed apply(Map<String, String> old, String changed) {
    names.setLocal(store.load());
    List<String> differ = new ArrayList<>();
    old.forEach(
        (n, reading) -> {
          if (!reading.equals(reading(n))) {
            differ.add(n);
          }
        });
    AffectedDocuments.Queued q = affected.enqueue(differ, changed);
    return new LocalNameView.Reindexed(q.postings(), q.jobseekers());
  }

  /** Every name in use, with how it reads now. */
  private Map<String, String> readings() {
    Map<String, String> out = new HashMap<>();
    for (String n : affected.names()) {
      if (n != null && !n.isBlank()) {
        out.put(n, reading(n));
      }
    }
    return out;
  }

  private String reading(String name) {
    Resolved r = names.resolve(name);
    return r.code() + "|" + r.group() + "|" + r.readAs();
  }

  private Optional<String> groupOfCode(String code) {
    Optional<String> listed = occupations.byCode(code).map(Occupation::group);
    if (listed.isPresent()) {
      return listed;
    }
    return names.local().stream()
        .filter(l -> l.code().equals(code))
        .map(hongniang.occupations.LocalName::group)
        .findFirst();
  }

  private LocalNameView view(LocalOccupationName n, LocalNameView.Reindexed queued, Locale locale) {
    String occupation =
        occupations
            .byCode(n.code())
            .map(Occupation::name)
            .orElseGet(
                () ->
                    names.local().stream()
                        .filter(l -> l.code().equals(n.code()))
                        .map(hongniang.occupations.LocalName::name)
                        .findFirst()
                        .orElse(n.name()));
    return new LocalNameView(
        n.id(),
        n.name(),
        n.code(),
        occupation,
        n.group(),
        occupations.groupLabel(n.group(), locale),
        n.note(),
        n.createdBy(),
        n.createdAt(),
        queued);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
