package dev.oomlint.notebook;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text-level stand-in for OOM101/OOM102 while the parser and the semantic rules are not merged:
 * it reads only {@link RuleContext#file()} (the joined notebook text), so it exercises exactly the
 * notebook plumbing: an indented {@code acc += t} whose {@code acc} was set to a number at column 0,
 * or an indented {@code xs.append(t)} whose {@code xs} was set to {@code []}, and only after an
 * {@code import torch} on an EARLIER line (in notebooks: usually an earlier cell). Reports at the
 * statement, with the fix the real rules give ({@code t.item()} / {@code t.detach()}).
 */
@RuleInfo(code = "TST100", name = "stand-in-leak", summary = "Test-only stand-in for the leak rules.")
final class StandInLeakRule implements Rule {
  private static final Pattern ACCUMULATE = Pattern.compile("^([ \\t]+)(\\w+) \\+= (\\w+)[ \\t]*(#.*)?$",
      Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern APPEND = Pattern.compile("^([ \\t]+)(\\w+)\\.append\\((\\w+)\\)[ \\t]*(#.*)?$",
      Pattern.UNICODE_CHARACTER_CLASS);

  @Override
  public void check(RuleContext ctx) {
    LineIndex li = ctx.file().lines();
    String text = ctx.file().text();
    for (int line = 1; line <= li.lineCount(); line++) {
      String s = li.lineText(line);
      Matcher acc = ACCUMULATE.matcher(s);
      Matcher app = APPEND.matcher(s);
      Matcher m = acc.matches() ? acc : app.matches() ? app : null;
      if (m == null) {
        continue;
      }
      String before = text.substring(0, li.lineStart(line));
      boolean imported = Pattern.compile("(?m)^import torch\\b").matcher(before).find();
      String init = m == acc ? "(?m)^" + m.group(2) + " = \\d+(\\.\\d*)?[ \\t]*$" : "(?m)^" + m.group(2) + " = \\[\\][ \\t]*$";
      if (!imported || !Pattern.compile(init, Pattern.UNICODE_CHARACTER_CLASS).matcher(before).find()) {
        continue;
      }
      int start = li.lineStart(line) + m.start(2);
      int end = li.lineStart(line) + (m.group(4) != null ? m.start(4) : s.length());
      end = start + text.substring(start, end).stripTrailing().length();
      int operandEnd = li.lineStart(line) + m.end(3);
      String code = m == acc ? "OOM102" : "OOM101";
      String call = m == acc ? ".item()" : ".detach()";
      ctx.report(new Diagnostic(code, "stand-in", new SourceRange(start, end),
          Fix.safe("add " + call, Edit.insert(operandEnd, call))));
    }
  }
}
