package hongniang.pages.employer;

import hongniang.common.ApiProblem;
import hongniang.common.Education;
import hongniang.common.FieldError;
import hongniang.common.Schedule;
import hongniang.pages.Form;
import hongniang.pages.Texts;
import hongniang.postings.PostingRequest;
import hongniang.postings.PostingView;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posting's form as the employer filled it in: the typed values, read into a {@link
 * PostingRequest} (the service judges it), and the words that are not even of the right kind (a
 * letter in a wage, a day that is no date) as messages of their own fields.
 */
final class PostingForm {

  /** The fields of the form, in order: what an employer sets of a posting. */
  static final List<String> FIELDS =
      List.of(
          "title",
          "description",
          "occupation",
          "skills",
          "headcount",
          "wageMin",
          "wageMax",
          "wageNote",
          "schedule",
          "workCommunityId",
          "city",
          "minAge",
          "maxAge",
          "minEducation",
          "requiredLicences",
          "publicWelfare",
          "accommodation",
          "disabilityFriendly",
          "validThrough");

  /** The place select's value for work outside the district. */
  static final String OUTSIDE = "outside";

  /** No value of a form is longer than this: the rest is cut before it is judged or shown. */
  private static final int LONGEST = 20_000;

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private final Texts t;

  private PostingForm(Map<String, String> body, Texts t) {
    this.t = t;
    for (String name : FIELDS) {
      String v = body.get(name);
      if (v != null) {
        values.put(name, v.length() > LONGEST ? v.substring(0, LONGEST) : v);
      }
    }
    String version = body.get("version");
    if (version != null && version.matches("\\d{1,18}")) {
      values.put("version", version);
    }
  }

  static PostingForm read(Map<String, String> body, Texts t) {
    return new PostingForm(body == null ? Map.of() : body, t);
  }

  /** The form's values, trimmed, as typed. */
  Map<String, String> values() {
    return values;
  }

  String text(String name) {
    String v = values.get(name);
    return v == null ? "" : v.strip();
  }

  private @Nullable String optional(String name) {
    String v = text(name);
    if (v.indexOf('\0') >= 0) {
      errors.put(name, t.t("page.unit.form.control"));
      return null;
    }
    return v.isEmpty() ? null : v;
  }

  private @Nullable Integer number(String name) {
    String v = optional(name);
    if (v == null) {
      return null;
    }
    String plain = v.replace(",", "").replace("，", "");
    if (!plain.matches("\\d{1,9}")) {
      errors.put(name, t.t("page.unit.form.notNumber"));
      return null;
    }
    return Integer.parseInt(plain);
  }

  private <E extends Enum<E>> @Nullable E choice(String name, Class<E> type) {
    String v = optional(name);
    if (v == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      errors.put(name, t.t("page.unit.form.notAChoice"));
      return null;
    }
  }

  private @Nullable List<String> list(String name) {
    String v = optional(name);
    if (v == null) {
      return null;
    }
    return Arrays.stream(v.split("[,，、;；\\n]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The request the form says, with null where a value is missing or not of its kind. */
  PostingRequest request() {
    String place = optional("workCommunityId");
    Long community = null;
    boolean outside = OUTSIDE.equals(place);
    if (place != null && !outside) {
      if (place.matches("\\d{1,18}")) {
        community = Long.parseLong(place);
      } else {
        errors.put("workCommunityId", t.t("page.unit.form.notAChoice"));
      }
    }
    LocalDate validThrough = null;
    String day = optional("validThrough");
    if (day != null) {
      try {
        validThrough = LocalDate.parse(day);
      } catch (DateTimeParseException e) {
        errors.put("validThrough", t.t("page.unit.form.notADate"));
      }
    }
    return new PostingRequest(
        null,
        optional("title"),
        optional("description"),
        optional("occupation"),
        list("skills"),
        number("headcount"),
        null,
        number("wageMin"),
        number("wageMax"),
        optional("wageNote"),
        choice("schedule", Schedule.class),
        community,
        outside ? optional("city") : null,
        number("minAge"),
        number("maxAge"),
        choice("minEducation", Education.class),
        list("requiredLicences"),
        "on".equals(text("publicWelfare")),
        "on".equals(text("accommodation")),
        "on".equals(text("disabilityFriendly")),
        validThrough,
        null,
        outside ? Boolean.TRUE : null);
  }

  /** Whether reading the form found a value of the wrong kind. */
  boolean unreadable() {
    return !errors.isEmpty();
  }

  /** The form with the reading's messages and the service's, the reading's first. */
  Form failed(@Nullable ApiProblem problem) {
    Map<String, String> all = new LinkedHashMap<>(errors);
    String summary = t.t("page.form.fix");
    if (problem != null) {
      Form rendered = Form.of(values).failed(remapped(problem), t);
      rendered.errors().forEach(all::putIfAbsent);
      if (rendered.summary() != null && all.isEmpty()) {
        summary = rendered.summary();
      }
    }
    return new Form(values, all, summary);
  }

  /** The problem with its fields named as the form names them (skills[2] is skills). */
  static ApiProblem remapped(ApiProblem problem) {
    List<FieldError> errors = new ArrayList<>();
    for (FieldError e : problem.errors() == null ? List.<FieldError>of() : problem.errors()) {
      errors.add(e.at(formField(e.field())));
    }
    return new ApiProblem(
        problem.status(), problem.title(), problem.detailText(), problem.getMessage(), errors);
  }

  private static String formField(String field) {
    if (field == null) {
      return "";
    }
    int bracket = field.indexOf('[');
    String name = bracket > 0 ? field.substring(0, bracket) : field;
    return switch (name) {
      case "outsideDistrict" -> "workCommunityId";
      default -> name;
    };
  }

  /** A form filled in from a posting: to edit it, or to start a new one from a copy. */
  static Map<String, String> valuesOf(PostingView p) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("title", p.title());
    v.put("description", p.description() == null ? "" : p.description());
    v.put("occupation", p.occupation());
    v.put("skills", String.join("，", p.skills()));
    v.put("headcount", String.valueOf(p.headcount()));
    v.put("wageMin", String.valueOf(p.wageMin()));
    v.put("wageMax", String.valueOf(p.wageMax()));
    v.put("wageNote", p.wageNote() == null ? "" : p.wageNote());
    v.put("schedule", p.schedule().name());
    v.put("workCommunityId", p.outsideDistrict() ? OUTSIDE : String.valueOf(p.workCommunityId()));
    v.put("city", p.outsideDistrict() && p.city() != null ? p.city() : "");
    v.put("minAge", p.minAge() == null ? "" : String.valueOf(p.minAge()));
    v.put("maxAge", p.maxAge() == null ? "" : String.valueOf(p.maxAge()));
    v.put("minEducation", p.minEducation() == null ? "" : p.minEducation().name());
    v.put("requiredLicences", String.join("，", p.requiredLicences()));
    v.put("publicWelfare", p.publicWelfare() ? "on" : "");
    v.put("accommodation", p.accommodation() ? "on" : "");
    v.put("disabilityFriendly", p.disabilityFriendly() ? "on" : "");
    v.put("validThrough", p.validThrough().toString());
    v.put("version", String.valueOf(p.version()));
    return v;
  }
}
