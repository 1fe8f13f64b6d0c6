package dev.oomlint.semantic;

/**
 * Follows a qualified name of this file (as its imports spell it) into the project's own modules:
 * {@code utils.torch_utils.smart_inference_mode} is the top-level name {@code smart_inference_mode}
 * of the module {@code utils.torch_utils}, found through a package's re-exports
 * ({@code from .torch_utils import smart_inference_mode} in {@code utils/__init__.py}) and star
 * imports, a few steps deep.
 */
final class ProjectNames {
  private static final int MAX_DEPTH = 4;

  private ProjectNames() {}

  /** How the project's {@code qualified} name disables grad, or null (not the project's, or it does not). */
  static ModuleSummary.GradUse gradUse(ProjectView view, String qualified) {
    if (view == ProjectView.NONE || qualified == null || qualified.startsWith("torch.")) {
      return null;
    }
    return gradUse(view, qualified, null, 0);
  }

  private static ModuleSummary.GradUse gradUse(ProjectView view, String qualified, ModuleSummary from, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    int dots = 0;
    while (dots < qualified.length() && qualified.charAt(dots) == '.') {
      dots++;
    }
    String rest = qualified.substring(dots);
    int last = rest.lastIndexOf('.');
    if (rest.isEmpty() || last < 0 && dots == 0) {
      return null; // a bare name is no module's attribute
    }
    String module = qualified.substring(0, dots) + (last < 0 ? "" : rest.substring(0, last));
    String attr = last < 0 ? rest : rest.substring(last + 1);
    ModuleSummary s = view.module(module, from);
    return s == null ? null : lookup(view, s, attr, depth);
  }

  private static ModuleSummary.GradUse lookup(ProjectView view, ModuleSummary s, String attr, int depth) {
    ModuleSummary.GradUse u = s.gradUse(attr);
    if (u != null) {
      return u;
    }
    String imported = s.imported(attr);
    if (imported != null) {
      return gradUse(view, imported, s, depth + 1);
    }
    for (String star : s.starImports()) {
      u = gradUse(view, ModuleSummary.join(star, attr), s, depth + 1);
      if (u != null) {
        return u;
      }
    }
    return null;
  }
}
