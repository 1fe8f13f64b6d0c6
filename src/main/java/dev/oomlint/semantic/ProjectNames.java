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

  /**
   * Whether the project's class {@code qualified} runs its {@code forward} (or {@code __call__})
   * without grad: decorated with torch's {@code no_grad}/{@code inference_mode} or a project decorator
   * that disables grad (yolov5's {@code AutoShape.forward} under {@code @smart_inference_mode()}).
   */
  static boolean forwardDisablesGrad(ProjectView view, String qualified) {
    if (view == ProjectView.NONE || qualified == null || qualified.startsWith("torch.")) {
      return false;
    }
    return forwardDisablesGrad(view, qualified, null, 0);
  }

  private static boolean forwardDisablesGrad(ProjectView view, String qualified, ModuleSummary from, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    String[] split = split(qualified);
    ModuleSummary s = split == null ? null : view.module(split[0], from);
    if (s == null) {
      return false;
    }
    String attr = split[1];
    for (String ref : s.forwardDecorators(attr)) {
      if (ref.equals(ModuleSummary.TORCH_NO_GRAD)) {
        return true;
      }
      boolean called = ref.startsWith("()");
      String name = called ? ref.substring(2) : ref;
      ModuleSummary.GradUse want = called ? ModuleSummary.GradUse.FACTORY : ModuleSummary.GradUse.DECORATOR;
      ModuleSummary.GradUse u = name.indexOf('.') < 0 && !name.startsWith(".") ? lookup(view, s, name, depth + 1)
          : gradUse(view, name, s, depth + 1);
      if (u == want) {
        return true;
      }
    }
    if (s.definesItself(attr)) {
      return false;
    }
    String imported = s.imported(attr);
    if (imported != null) {
      return forwardDisablesGrad(view, imported, s, depth + 1);
    }
    for (String star : s.starImports()) {
      if (forwardDisablesGrad(view, ModuleSummary.join(star, attr), s, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /** {@code [module, attribute]} of a qualified name with a module part, or null. */
  private static String[] split(String qualified) {
    int dots = 0;
    while (dots < qualified.length() && qualified.charAt(dots) == '.') {
      dots++;
    }
    String rest = qualified.substring(dots);
    int last = rest.lastIndexOf('.');
    if (rest.isEmpty() || last < 0 && dots == 0) {
      return null;
    }
    return new String[] {qualified.substring(0, dots) + (last < 0 ? "" : rest.substring(0, last)),
        last < 0 ? rest : rest.substring(last + 1)};
  }

  private static ModuleSummary.GradUse gradUse(ProjectView view, String qualified, ModuleSummary from, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    String[] split = split(qualified); // null: a bare name is no module's attribute
    ModuleSummary s = split == null ? null : view.module(split[0], from);
    return s == null ? null : lookup(view, s, split[1], depth);
  }

  private static ModuleSummary.GradUse lookup(ProjectView view, ModuleSummary s, String attr, int depth) {
    ModuleSummary.GradUse u = s.gradUse(attr);
    if (u != null || s.definesItself(attr)) {
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
