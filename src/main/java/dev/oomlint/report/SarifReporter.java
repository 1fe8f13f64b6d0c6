package dev.oomlint.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ConfigurationOverride;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.notebook.NotebookEditException;
import dev.oomlint.notebook.NotebookSource;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.RulePage;
import dev.oomlint.rules.RulePageFormatException;
import dev.oomlint.rules.RulePages;
import dev.oomlint.source.RegularFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a run as SARIF 2.1.0 in the shape GitHub code scanning and the VS Code SARIF Viewer
 * accept (GitHub's "SARIF support for code scanning" page): one run; every enabled rule in {@code
 * tool.driver.rules} with its page as {@code help}; each result with one location relative to
 * {@code %SRCROOT%}, a four-field UTF-16 region, GitHub's {@code primaryLocationLineHash} and its
 * fixes; files that could not be analysed as error notifications of the invocation. A notebook's
 * results point at the line of the raw {@code .ipynb} file that holds the source line (so GitHub
 * and editors open the right place), with the cell number in the result's {@code properties.cell}.
 */
public final class SarifReporter implements Reporter {
  public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final int DESCRIPTION_LIMIT = 1024;

  private final ToolInfo tool;
  private final Path workingDirectory;

  /** Reports as the current oomlint, displayed paths relative to the process's working directory. */
  public SarifReporter() {
    this(ToolInfo.current(), Path.of(""));
  }

  /**
   * @param workingDirectory the directory that relative {@link FileResult#path()}s are relative to
   *     (the command's working directory)
   */
  public SarifReporter(ToolInfo tool, Path workingDirectory) {
    this.tool = tool;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    SarifJson.gson().toJson(build(report), out);
    out.append('\n');
  }

  /** The SARIF log of {@code report}, as the java-sarif model. */
  public SarifSchema210 build(Report report) {
    ArtifactPaths paths = new ArtifactPaths(report.projectRoot(), workingDirectory);
    Map<String, Integer> ruleIndex = new HashMap<>();
    Map<String, RuleInfo> ruleInfo = new HashMap<>();
    LinkedHashSet<ReportingDescriptor> descriptors = new LinkedHashSet<>();
    Set<String> enabled = new HashSet<>();
    for (Rule rule : report.rules()) {
      enabled.add(rule.info().code());
    }
    // every rule the tool has; a rule this run does not run as its default says is overridden below
    LinkedHashSet<ConfigurationOverride> overrides = new LinkedHashSet<>();
    for (List<Rule> list : List.of(report.catalogue(), report.rules())) {
      for (Rule rule : list) {
        RuleInfo info = rule.info();
        if (ruleIndex.putIfAbsent(info.code(), ruleIndex.size()) == null) {
          ruleInfo.put(info.code(), info);
          descriptors.add(descriptor(info));
          boolean on = enabled.contains(info.code());
          if (on != info.enabledByDefault()) {
            overrides.add(new ConfigurationOverride()
                .withDescriptor(new ReportingDescriptorReference().withId(info.code()).withIndex(ruleIndex.get(info.code())))
                .withConfiguration(new ReportingConfiguration().withEnabled(on).withLevel(null)));
          }
        }
      }
    }

    List<Result> results = new ArrayList<>();
    List<Notification> notifications = new ArrayList<>();
    boolean internalError = false;
    for (FileResult file : report.files()) {
      ArtifactPaths.Artifact artifact = paths.resolve(file.path());
      for (FileProblem problem : file.problems()) {
        internalError |= problem.kind() == FileProblem.Kind.INTERNAL_ERROR;
        notifications.add(notification(file, problem, artifact));
      }
      if (file.diagnostics().isEmpty()) {
        continue;
      }
      NotebookSource nb = file.source() == null ? null : file.notebook();
      List<String> hashes = lineHashes(nb == null ? file.source()
          : new SourceFile(file.path(), nb.notebook().raw()), artifact);
      for (Diagnostic diagnostic : file.diagnostics()) {
        results.add(result(diagnostic, file.source(), nb, artifact, hashes, ruleIndex, ruleInfo));
      }
    }

    Invocation invocation = new Invocation()
        .withExecutionSuccessful(!internalError)
        .withToolExecutionNotifications(notifications);
    if (!overrides.isEmpty()) {
      invocation.setRuleConfigurationOverrides(overrides);
    }
    OriginalUriBaseIds bases = new OriginalUriBaseIds();
    bases.setAdditionalProperty(ArtifactPaths.SRCROOT, new ArtifactLocation().withUri(paths.rootUri()));
    ToolComponent driver = new ToolComponent()
        .withName(tool.name())
        .withVersion(tool.version())
        .withSemanticVersion(tool.version())
        .withInformationUri(URI.create(tool.informationUri()))
        .withRules(descriptors);
    Run run = new Run()
        .withTool(new Tool().withDriver(driver))
        .withInvocations(List.of(invocation))
        .withOriginalUriBaseIds(bases)
        .withResults(results)
        .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS);
    return new SarifSchema210()
        .with$schema(URI.create(SCHEMA_URI))
        .withVersion(SarifSchema210.Version._2_1_0)
        .withRuns(List.of(run));
  }

  private ReportingDescriptor descriptor(RuleInfo info) {
    Optional<RulePage> page;
    try {
      page = RulePages.forCode(info.code());
    } catch (RulePageFormatException e) {
      page = Optional.empty();
    }
    String summary = Messages.sentence(info.summary());
    String full = page.map(RulePage::whatItDoesText).filter(s -> !s.isBlank()).orElse(summary);
    MultiformatMessageString help = new MultiformatMessageString()
        .withText(page.map(RulePage::plainText).orElse(summary));
    page.ifPresent(p -> help.setMarkdown(p.markdown()));
    PropertyBag properties = new PropertyBag().withTags(new LinkedHashSet<>(List.of(info.tags())));
    properties.setAdditionalProperty("precision", info.precision());
    properties.setAdditionalProperty("problem.severity", problemSeverity(info));
    return new ReportingDescriptor()
        .withId(info.code())
        .withName(info.name())
        .withShortDescription(new MultiformatMessageString().withText(Messages.limit(summary, DESCRIPTION_LIMIT)))
        .withFullDescription(new MultiformatMessageString().withText(Messages.limit(full, DESCRIPTION_LIMIT)))
        .withDefaultConfiguration(new ReportingConfiguration()
            .withEnabled(info.enabledByDefault() ? null : Boolean.FALSE) // SARIF's default is true
            .withLevel(ReportingConfiguration.Level.fromValue(info.level().sarifName())))
        .withHelpUri(URI.create(tool.ruleUrl(info.code())))
        .withHelp(help)
        .withProperties(properties);
  }

  /** GitHub's {@code problem.severity} for non-security rules: error, warning or recommendation. */
  private static String problemSeverity(RuleInfo info) {
    return switch (info.level()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "recommendation";
    };
  }

  private Result result(Diagnostic diagnostic, SourceFile source, NotebookSource nb,
      ArtifactPaths.Artifact artifact, List<String> hashes, Map<String, Integer> ruleIndex,
      Map<String, RuleInfo> ruleInfo) {
    RuleInfo info = ruleInfo.get(diagnostic.code());
    String level = info == null ? "warning" : info.level().sarifName();
    Region region = source == null ? new Region().withStartLine(1)
        : nb != null ? resultRegion(nb.rawLines(), rawRange(nb, source, diagnostic.range()))
        : resultRegion(source.lines(), diagnostic.range());
    Result result = new Result()
        .withRuleId(diagnostic.code())
        .withRuleIndex(ruleIndex.get(diagnostic.code()))
        .withLevel(Result.Level.fromValue(level))
        .withMessage(new Message().withText(Messages.sentence(diagnostic.message())))
        .withLocations(List.of(new Location().withPhysicalLocation(new PhysicalLocation()
            .withArtifactLocation(location(artifact))
            .withRegion(region))));
    int line = region.getStartLine();
    if (hashes != null && line >= 1 && line <= hashes.size()) {
      PartialFingerprints fingerprints = new PartialFingerprints();
      fingerprints.setAdditionalProperty("primaryLocationLineHash", hashes.get(line - 1));
      result.setPartialFingerprints(fingerprints);
    }
    if (nb != null) {
      PropertyBag properties = new PropertyBag();
      properties.setAdditionalProperty("cell", nb.cell(source.lines().line(
          Math.min(diagnostic.range().start(), source.text().length()))));
      result.setProperties(properties);
    }
    Fix fix = diagnostic.fix();
    if (fix != null && !fix.edits().isEmpty() && source != null) {
      com.contrastsecurity.sarif.Fix sarifFix = nb == null ? fix(fix, source, artifact) : notebookFix(fix, nb, artifact);
      if (sarifFix != null) {
        result.setFixes(new LinkedHashSet<>(List.of(sarifFix)));
      }
    }
    return result;
  }

  /**
   * A notebook range (of the joined cell text) in the raw {@code .ipynb}: both ends mapped into the
   * JSON strings that hold them. A range that takes its line break ends at its line's end instead,
   * so the region stays on the JSON line of that source line.
   */
  public static SourceRange rawRange(NotebookSource nb, SourceFile joined, SourceRange range) {
    LineIndex lines = joined.lines();
    int length = joined.text().length();
    int start = Math.min(range.start(), length);
    int end = Math.max(start, Math.min(range.end(), length));
    int endLine = lines.line(end);
    if (end > start && endLine > lines.line(start) && end == lines.lineStart(endLine)) {
      end = Math.max(start, lines.lineEnd(endLine - 1));
    }
    return nb.rawRange(new SourceRange(start, end));
  }

  /**
   * A notebook fix as SARIF: one replacement per changed cell, of that cell's whole {@code source}
   * value in the raw JSON (what {@code --fix} writes); null when the fix cannot be written back
   * (it spans cells or touches an IPython magic line).
   */
  private static com.contrastsecurity.sarif.Fix notebookFix(Fix fix, NotebookSource nb,
      ArtifactPaths.Artifact artifact) {
    List<Edit> raw;
    try {
      raw = nb.rawEdits(fix.edits());
    } catch (NotebookEditException e) {
      return null;
    }
    if (raw.isEmpty()) {
      return null;
    }
    List<Replacement> replacements = new ArrayList<>();
    for (Edit edit : raw) {
      replacements.add(new Replacement()
          .withDeletedRegion(exactRegion(nb.rawLines(), edit.range()))
          .withInsertedContent(new ArtifactContent().withText(edit.content())));
    }
    PropertyBag properties = new PropertyBag();
    properties.setAdditionalProperty("applicability", Messages.applicability(fix.applicability()));
    return new com.contrastsecurity.sarif.Fix()
        .withDescription(new Message().withText(Messages.sentence(fix.title())))
        .withArtifactChanges(new LinkedHashSet<>(List.of(new ArtifactChange()
            .withArtifactLocation(location(artifact))
            .withReplacements(replacements))))
        .withProperties(properties);
  }

  private static com.contrastsecurity.sarif.Fix fix(Fix fix, SourceFile source, ArtifactPaths.Artifact artifact) {
    List<Replacement> replacements = new ArrayList<>();
    for (Edit edit : IndentSafeEdits.adjust(source.text(), source.lines(), fix.edits())) {
      replacements.add(new Replacement()
          .withDeletedRegion(exactRegion(source.lines(), edit.range()))
          .withInsertedContent(new ArtifactContent().withText(edit.content())));
    }
    ArtifactChange change = new ArtifactChange()
        .withArtifactLocation(location(artifact))
        .withReplacements(replacements);
    PropertyBag properties = new PropertyBag();
    properties.setAdditionalProperty("applicability", Messages.applicability(fix.applicability()));
    return new com.contrastsecurity.sarif.Fix()
        .withDescription(new Message().withText(Messages.sentence(fix.title())))
        .withArtifactChanges(new LinkedHashSet<>(List.of(change)))
        .withProperties(properties);
  }

  private static Notification notification(FileResult file, FileProblem problem, ArtifactPaths.Artifact artifact) {
    PhysicalLocation where = new PhysicalLocation().withArtifactLocation(location(artifact));
    if (problem.range() != null && file.source() != null) {
      NotebookSource nb = file.notebook();
      where.setRegion(nb == null ? resultRegion(file.source().lines(), problem.range())
          : resultRegion(nb.rawLines(), rawRange(nb, file.source(), problem.range())));
    }
    return new Notification()
        .withLevel(Notification.Level.ERROR)
        .withMessage(new Message().withText(Messages.sentence(problem.message())))
        .withLocations(new LinkedHashSet<>(List.of(new Location().withPhysicalLocation(where))));
  }

  private static ArtifactLocation location(ArtifactPaths.Artifact artifact) {
    ArtifactLocation location = new ArtifactLocation().withUri(artifact.uri());
    if (artifact.relative()) {
      location.setUriBaseId(ArtifactPaths.SRCROOT);
    }
    return location;
  }

  /**
   * A result's region: the range's start and end as 1-based UTF-16 line/column, end exclusive. An
   * end at column 1 of a later line (a range that takes its line break) is moved back to the end of
   * the line before, so the alert names only the lines it is about.
   */
  static Region resultRegion(LineIndex lines, SourceRange range) {
    int length = lines.text().length();
    int start = Math.min(range.start(), length);
    int end = Math.max(start, Math.min(range.end(), length));
    int startLine = lines.line(start);
    int endLine = lines.line(end);
    if (endLine > startLine && end == lines.lineStart(endLine)) {
      endLine--;
      end = lines.lineEnd(endLine);
    }
    end = Math.min(end, lines.lineEnd(endLine));
    end = Math.max(end, endLine == startLine ? start : lines.lineStart(endLine));
    return new Region()
        .withStartLine(startLine)
        .withStartColumn(lines.column(start))
        .withEndLine(endLine)
        .withEndColumn(end - lines.lineStart(endLine) + 1);
  }

  /** A fix's deleted region, exactly as the edit's range (SARIF applies it to the unmodified file). */
  static Region exactRegion(LineIndex lines, SourceRange range) {
    int length = lines.text().length();
    int start = Math.min(range.start(), length);
    int end = Math.max(start, Math.min(range.end(), length));
    return new Region()
        .withStartLine(lines.line(start))
        .withStartColumn(lines.column(start))
        .withEndLine(lines.line(end))
        .withEndColumn(lines.column(end));
  }

  /**
   * Hashes of the file's lines as the upload action computes them: from the file on disk decoded
   * as UTF-8 (the action reads it so), or from the analysed text when the file is not there (stdin).
   */
  private static List<String> lineHashes(SourceFile source, ArtifactPaths.Artifact artifact) {
    if (artifact.file() != null && Files.isRegularFile(artifact.file())) {
      try {
        return LineHashes.compute(new String(RegularFiles.read(artifact.file()), StandardCharsets.UTF_8));
      } catch (IOException e) {
        // fall back to the analysed text
      }
    }
    return source == null ? null : LineHashes.compute(source.text());
  }
}
