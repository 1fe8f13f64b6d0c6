package dev.oomlint.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes the {@code com.contrastsecurity:java-sarif} model with Gson, without Jackson (whose
 * annotations the model carries but which is not on oomlint's run-time class path). It writes
 * what Jackson would, minus the noise of the generated defaults:
 *
 * <ul>
 *   <li>a model object becomes an object of its declared fields, in declaration order (the
 *       generator's property order); null fields are left out;
 *   <li>a field still equal to the value the model's constructor gave it (schema defaults such as
 *       {@code rank: -1}, {@code kind: "fail"}, {@code language: "en-US"}, empty collections) is left
 *       out, except {@code level} and {@code enabled}, which are always written once set (a rule
 *       configuration override that turns a rule on says {@code enabled: true});
 *   <li>empty arrays and objects are left out, except {@code run.results} ({@code []} when clean) and
 *       {@code tool.driver.rules} (GitHub requires both, even empty);
 *   <li>a property bag's (or any other model object's) {@code additionalProperties} map is flattened
 *       into the object itself, keys sorted, so {@code properties} reads {@code {"tags": [..],
 *       "precision": .., "problem.severity": ..}};
 *   <li>enum constants are written as their schema string ({@code value()}, e.g. {@code "warning"},
 *       {@code "utf16CodeUnits"}); URIs as strings; dates as ISO-8601 instants.
 * </ul>
 */
final class SarifJson {
  private static final String MODEL_PACKAGE = "com.contrastsecurity.sarif";
  private static final Set<String> KEEP_DEFAULT = Set.of("level", "enabled");
  private static final Set<String> KEEP_EMPTY = Set.of("results", "rules");

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Object> DEFAULTS = new ConcurrentHashMap<>();

  private SarifJson() {}

  /** A pretty-printing Gson that writes model objects as described above. */
  static Gson gson() {
    return new GsonBuilder()
        .registerTypeAdapterFactory(new ModelAdapterFactory())
        .disableHtmlEscaping()
        .setPrettyPrinting()
        .create();
  }

  /** The JSON tree of a model object (or of any value the model holds); null means "leave out". */
  static JsonElement tree(Object value) {
    return tree(value, false);
  }

  private static JsonElement tree(Object value, boolean keepEmpty) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonElement element) {
      return element;
    }
    if (value instanceof String s) {
      return new JsonPrimitive(s);
    }
    if (value instanceof Number number) {
      return new JsonPrimitive(number);
    }
    if (value instanceof Boolean bool) {
      return new JsonPrimitive(bool);
    }
    if (value instanceof Character c) {
      return new JsonPrimitive(c);
    }
    if (value instanceof Enum<?> constant) {
      return new JsonPrimitive(enumValue(constant));
    }
    if (value instanceof URI uri) {
      return new JsonPrimitive(uri.toString());
    }
    if (value instanceof Date date) {
      return new JsonPrimitive(date.toInstant().toString());
    }
    if (value instanceof Collection<?> items) {
      JsonArray array = new JsonArray();
      for (Object item : items) {
        JsonElement element = tree(item, false);
        array.add(element == null ? JsonNull.INSTANCE : element);
      }
      return array.isEmpty() && !keepEmpty ? null : array;
    }
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      putEntries(object, map);
      return object.isEmpty() ? null : object;
    }
    if (isModel(value.getClass())) {
      JsonObject object = modelObject(value);
      return object.isEmpty() ? null : object;
    }
    throw new IllegalArgumentException("no SARIF JSON form for " + value.getClass().getName());
  }

  private static JsonObject modelObject(Object model) {
    JsonObject object = new JsonObject();
    Object defaults = defaultsOf(model.getClass());
    for (Field field : fieldsOf(model.getClass())) {
      Object value = read(field, model);
      String name = field.getName();
      if (value == null) {
        continue;
      }
      if (defaults != null && !KEEP_DEFAULT.contains(name) && Objects.equals(value, read(field, defaults))
          && !(KEEP_EMPTY.contains(name) && value instanceof Collection<?>)) {
        continue;
      }
      if (name.equals("additionalProperties") && value instanceof Map<?, ?> extra) {
        // the generated model keeps these in a HashMap: sort them so output is deterministic
        Map<String, Object> sorted = new TreeMap<>();
        extra.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        putEntries(object, sorted);
        continue;
      }
      JsonElement element = tree(value, KEEP_EMPTY.contains(name));
      if (element != null) {
        object.add(name, element);
      }
    }
    return object;
  }

  private static void putEntries(JsonObject object, Map<?, ?> map) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      JsonElement element = tree(entry.getValue(), false);
      if (element != null) {
        object.add(String.valueOf(entry.getKey()), element);
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    Package pkg = type.getPackage();
    return pkg != null && pkg.getName().equals(MODEL_PACKAGE);
  }

  /** The schema's string for a model enum constant: its {@code value()} (what {@code @JsonValue} marks). */
  private static String enumValue(Enum<?> constant) {
    try {
      Method value = constant.getDeclaringClass().getMethod("value");
      return String.valueOf(value.invoke(constant));
    } catch (ReflectiveOperationException e) {
      return constant.name();
    }
  }

  private static List<Field> fieldsOf(Class<?> type) {
    return FIELDS.computeIfAbsent(type, t -> {
      List<Field> fields = new ArrayList<>();
      for (Field field : t.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
          continue;
        }
        field.setAccessible(true);
        fields.add(field);
      }
      return List.copyOf(fields);
    });
  }

  /** A freshly constructed instance, whose field values are the generator's defaults (null if none can be made). */
  private static Object defaultsOf(Class<?> type) {
    Object instance = DEFAULTS.computeIfAbsent(type, t -> {
      try {
        return t.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | RuntimeException e) {
        return Boolean.FALSE;
      }
    });
    return instance == Boolean.FALSE ? null : instance;
  }

  private static Object read(Field field, Object owner) {
    try {
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read SARIF field " + field, e);
    }
  }

  /** Routes every java-sarif type through {@link #tree}; reading SARIF back is not supported. */
  private static final class ModelAdapterFactory implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      if (!isModel(type.getRawType())) {
        return null;
      }
      TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          JsonElement element = tree(value);
          elements.write(out, element == null ? JsonNull.INSTANCE : element);
        }

        @Override
        public T read(JsonReader in) {
          throw new UnsupportedOperationException("oomlint only writes SARIF");
        }
      };
    }
  }
}
