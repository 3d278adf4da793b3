package io.berth.cli.format;

import java.util.List;
import java.util.Map;

/**
 * A value whose fields a template reads by name, like the Go structs behind docker's formatters
 * ({@code .ID}, {@code .Label "k"}). Plain maps and lists need no wrapper.
 */
public interface TemplateObject {
  /** Sentinel for a name this object does not have. */
  Object MISSING = new Object() {
    @Override
    public String toString() {
      return "<missing>";
    }
  };

  /** The field or argument-less method {@code name}, or {@link #MISSING}. */
  Object field(String name);

  /** A method with arguments, such as {@code .Label "com.example"}; {@link #MISSING} if none. */
  default Object call(String name, List<Object> args) {
    return MISSING;
  }

  /** What {@code {{json .}}} prints. */
  Map<String, Object> toJson();

  /** The Go type name used in error messages. */
  String typeName();
}
