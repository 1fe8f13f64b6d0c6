package dev.oomlint.semantic;

/** Whether autograd records operations at a point of the program. */
public enum GradMode {
  /** Recording (the default outside any grad-mode construct). */
  ENABLED,
  /** Under {@code no_grad}, {@code inference_mode}, {@code set_grad_enabled(False)}, or a caller's. */
  DISABLED,
  /** Under {@code set_grad_enabled(<expression>)} or a conditional switch: depends on run-time values. */
  UNKNOWN
}
