package dev.oomlint.source;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.fix.AtomicWriter;
import dev.oomlint.fix.Fixer;
import dev.oomlint.fix.UnifiedDiff;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A Python file: its decoded text, linted as it is; fixes are written back in its own encoding. */
public record ScriptDocument(DecodedSource decoded) implements SourceDocument {
  /** Text that did not come from bytes (an editor's buffer): written, if ever, as UTF-8 without a byte order mark. */
  public static ScriptDocument ofText(String path, String text) {
    return new ScriptDocument(new DecodedSource(new SourceFile(path, text), StandardCharsets.UTF_8, false, null));
  }

  @Override
  public String path() {
    return decoded.file().path();
  }

  @Override
  public SourceFile file() {
    return decoded.file();
  }

  @Override
  public TextFacts facts() {
    return decoded.facts();
  }

  @Override
  public boolean lintable() {
    return true;
  }

  @Override
  public String refusal(List<Edit> edits) {
    return null;
  }

  @Override
  public ScriptDocument apply(Fixer.Selection chosen) {
    String text = decoded.file().text();
    String after = Fixer.applyEdits(text, chosen.edits());
    if (after.equals(text)) {
      return null;
    }
    return new ScriptDocument(new DecodedSource(new SourceFile(path(), after), decoded.charset(), decoded.bom(),
        null));
  }

  @Override
  public String describePosition(int offset) {
    return "line " + decoded.file().lines().line(offset);
  }

  @Override
  public String contents() {
    return decoded.file().text();
  }

  @Override
  public byte[] encode() throws AtomicWriter.UnencodableException {
    return AtomicWriter.encode(decoded.file().text(), decoded.charset(), decoded.bom());
  }

  @Override
  public String diff(SourceDocument before) {
    return UnifiedDiff.diff(path(), before.contents(), contents());
  }
}
