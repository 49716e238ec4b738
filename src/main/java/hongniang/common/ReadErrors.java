package hongniang.common;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A JSON value the reader could not take, as a field error: the JSON path of the value ({@code
 * skills[0]}) and what it should be (one of an enum's constants, or a kind of value). The request
 * body and each row of a JSON import are read the same way.
 */
public final class ReadErrors {

  private ReadErrors() {}

  /**
   * The field error of a reader's failure, or null when it says no path; {@code whole} is what the
   * reader was reading (the body, a row).
   */
  public static FieldError of(SerdeException serde, Argument<?> whole) {
    List<ReferencePath> path = serde.getPath();
    if (path.isEmpty()) {
      return null;
    }
    ReferencePath innermost = path.get(0);
    Argument<?> at = innermost.getArgument();
    if (innermost instanceof CollectionItemReferencePath item
        && item.collectionArgument().getTypeParameters().length == 1) {
      at = item.collectionArgument().getTypeParameters()[0];
    }
    return expected(jsonPath(path), at);
  }

  /** What the value at {@code field} should be: one of an enum's constants, or a kind of value. */
  public static FieldError expected(String field, Argument<?> argument) {
    Class<?> type = argument.getType();
    if (type.isEnum()) {
      return FieldError.oneOf(field, List.of(type.getEnumConstants()));
    }
    String kind = kind(type);
    return new FieldError(field, "Type", field + " must be of type " + kind)
        .with("expected", MessageKey.of("type." + kind));
  }

  /** The kind of value a type reads, as the bundles name it ({@code type.<kind>}). */
  public static String kind(Class<?> type) {
    Class<?> t = Argument.of(type).getWrapperType();
    if (t == Integer.class || t == Long.class || t == Short.class) {
      return t.getSimpleName();
    }
    if (Number.class.isAssignableFrom(t)) {
      return "Number";
    }
    if (t == Boolean.class) {
      return "Boolean";
    }
    if (t == String.class || t == Character.class) {
      return "String";
    }
    if (Temporal.class.isAssignableFrom(t)) {
      return t.getSimpleName();
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "List";
    }
    return Map.class.isAssignableFrom(t) || !t.getName().startsWith("java.") ? "Object" : "Value";
  }

  /** The JSON path of a reader's reference path (innermost first): {@code skills[0]}. */
  public static String jsonPath(List<ReferencePath> path) {
    StringBuilder json = new StringBuilder();
    for (int i = path.size() - 1; i >= 0; i--) {
      ReferencePath p = path.get(i);
      if (p instanceof CollectionItemReferencePath item) {
        json.append('[').append(item.index()).append(']');
      } else if (p instanceof MapItemReferencePath entry) {
        json.append('.').append(entry.key());
      } else if (p instanceof PropertyReferencePath property) {
        json.append('.').append(property.property().getName());
      }
    }
    return json.length() > 0 && json.charAt(0) == '.' ? json.substring(1) : json.toString();
  }
}
