package dev.oomlint.notebook;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Builds small nbformat-4 notebooks for tests, laid out as nbformat writes them (indent 1). */
final class Nb {
  private final JsonArray cells = new JsonArray();
  private JsonObject metadata = pythonMetadata();

  static Nb notebook() {
    return new Nb();
  }

  Nb code(String source) {
    return cell("code", lines(source));
  }

  /** A code cell whose source is one JSON string instead of a list. */
  Nb codeString(String source) {
    JsonObject c = base("code");
    c.addProperty("source", source);
    cells.add(c);
    return this;
  }

  Nb markdown(String source) {
    return cell("markdown", lines(source));
  }

  Nb cell(String type, JsonElement source) {
    JsonObject c = base(type);
    c.add("source", source);
    cells.add(c);
    return this;
  }

  /** The last cell gets {@code metadata.vscode.languageId}. */
  Nb languageId(String id) {
    JsonObject vscode = new JsonObject();
    vscode.addProperty("languageId", id);
    cells.get(cells.size() - 1).getAsJsonObject().getAsJsonObject("metadata").add("vscode", vscode);
    return this;
  }

  Nb kernel(String language) {
    metadata = new JsonObject();
    JsonObject ks = new JsonObject();
    ks.addProperty("display_name", language);
    ks.addProperty("language", language);
    ks.addProperty("name", language.toLowerCase());
    metadata.add("kernelspec", ks);
    return this;
  }

  private JsonObject base(String type) {
    JsonObject c = new JsonObject();
    c.addProperty("cell_type", type);
    if (type.equals("code")) {
      c.add("execution_count", JsonNull.INSTANCE);
    }
    c.add("metadata", new JsonObject());
    if (type.equals("code")) {
      c.add("outputs", new JsonArray());
    }
    return c;
  }

  /** nbformat's {@code splitlines(keepends=True)} of a source, as a JSON list. */
  static JsonArray lines(String source) {
    JsonArray a = new JsonArray();
    for (String piece : PythonLines.splitKeepEnds(source)) {
      a.add(piece);
    }
    return a;
  }

  String json() {
    JsonObject nb = new JsonObject();
    nb.add("cells", cells);
    nb.add("metadata", metadata);
    nb.addProperty("nbformat", 4);
    nb.addProperty("nbformat_minor", 5);
    StringWriter sw = new StringWriter();
    try (JsonWriter w = new JsonWriter(sw)) {
      w.setIndent(" ");
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(nb, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw + "\n";
  }

  Notebook parse() {
    try {
      return Notebook.parse(json());
    } catch (NotebookException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  NotebookSource source() {
    return NotebookSource.of(parse(), "nb.ipynb");
  }

  private static JsonObject pythonMetadata() {
    JsonObject m = new JsonObject();
    JsonObject ks = new JsonObject();
    ks.addProperty("display_name", "Python 3");
    ks.addProperty("language", "python");
    ks.addProperty("name", "python3");
    m.add("kernelspec", ks);
    return m;
  }

  static List<String> list(String... s) {
    return new ArrayList<>(List.of(s));
  }
}
