package dev.oomlint.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --output-format gitlab}: a GitLab Code Quality report, the JSON array GitLab reads from a
 * job's {@code artifacts:reports:codequality} file. Each finding is an object with GitLab's required
 * fields: {@code description} (the message), {@code check_name} (the rule code, or
 * {@code syntax-error} / {@code unreadable} / {@code internal-error} for a file that could not be
 * checked), {@code fingerprint}, {@code severity} ({@code major} for error-level rules and files that
 * could not be checked, {@code minor} for warnings, {@code info} for notes) and
 * {@code location.path} with {@code location.lines.begin} and {@code .end}. Paths are as displayed
 * (relative to the working directory, {@code /}-separated), so run it from the repository root, as
 * GitLab expects. The fingerprint is the MD5 of path, check, message and the finding's rank among
 * identical ones in that file: stable when lines move, unique within the report. A notebook's lines
 * are those of the raw {@code .ipynb} file, as in the SARIF and GitHub formats.
 */
public final class GitlabReporter implements Reporter {
  @Override
  public void write(Report report, Appendable out) throws IOException {
    Map<String, RuleInfo> rules = new HashMap<>();
    for (Rule rule : report.rules()) {
      rules.putIfAbsent(rule.info().code(), rule.info());
    }
    MessageDigest md5 = md5();
    Map<String, Integer> seen = new HashMap<>();
    JsonArray issues = new JsonArray();
    for (FileResult file : report.files()) {
      ShownPositions shown = new ShownPositions(file);
      LineIndex lines = shown.lines();
      String path = file.path().replace('\\', '/');
      for (FileProblem problem : file.problems()) {
        String check = problem.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        SourceRange range = shown.range(problem.range());
        issues.add(issue(md5, seen, path, check, problem.message(), "major", lines, range));
      }
      for (Diagnostic d : file.diagnostics()) {
        RuleInfo rule = rules.get(d.code());
        String severity = switch (rule == null ? Level.WARNING : rule.level()) {
          case ERROR -> "major";
          case WARNING -> "minor";
          case NOTE -> "info";
        };
        SourceRange range = shown.range(d.range());
        issues.add(issue(md5, seen, path, d.code(), d.message(), severity, lines, range));
      }
    }
    new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(issues, out);
    out.append('\n');
  }

  private static JsonObject issue(MessageDigest md5, Map<String, Integer> seen, String path, String check,
      String message, String severity, LineIndex lines, SourceRange range) {
    JsonObject o = new JsonObject();
    o.addProperty("description", message);
    o.addProperty("check_name", check);
    String key = path + '\0' + check + '\0' + message;
    int rank = seen.merge(key, 1, Integer::sum);
    o.addProperty("fingerprint", hex(md5.digest((key + '\0' + rank).getBytes(StandardCharsets.UTF_8))));
    o.addProperty("severity", severity);
    JsonObject location = new JsonObject();
    location.addProperty("path", path);
    JsonObject l = new JsonObject();
    int begin = 1;
    int end = 1;
    if (lines != null && range != null) {
      int length = lines.text().length();
      int start = Math.max(0, Math.min(range.start(), length));
      begin = lines.line(start);
      end = lines.line(Math.max(start, Math.min(range.end(), length)));
    }
    l.addProperty("begin", begin);
    l.addProperty("end", end);
    location.add("lines", l);
    o.add("location", location);
    return o;
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }
}
