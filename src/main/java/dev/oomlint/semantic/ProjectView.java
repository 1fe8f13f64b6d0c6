package dev.oomlint.semantic;

/**
 * What one file may learn about the other files of its project: the summaries of the project's own
 * modules it imports, and the project's declared library versions. The engine answers (reading
 * other files lazily, only when asked, once per run and never outside the project); the semantic
 * model asks, and rules read the facts it derives ({@link SemanticModel#contextMode},
 * {@link HfModels#loadsCheckpointDtypeByDefault}). {@link #NONE} knows no other file: what a file
 * checked on its own (standard input, a unit test) gets.
 */
public interface ProjectView {
  /** No project: no module, no declared version. */
  ProjectView NONE = new ProjectView() {
    @Override
    public ModuleSummary module(String name, ModuleSummary from) {
      return null;
    }

    @Override
    public DeclaredVersion transformers() {
      return null;
    }
  };

  /**
   * The summary of the project module {@code name} as an import spells it (absolute
   * {@code utils.torch_utils}, relative {@code .utils} or {@code ..}), imported by {@code from}'s
   * module ({@code null}: by the file being checked); null when it is not a module of the project
   * (a library, a missing or unreadable file, a syntax error).
   */
  ModuleSummary module(String name, ModuleSummary from);

  /**
   * The transformers version the project targets: the {@code target-transformers} option, else the
   * nearest declared requirement (requirements files, {@code pyproject.toml}, {@code setup.py},
   * {@code setup.cfg}); null when neither says.
   */
  DeclaredVersion transformers();

  /**
   * Whether the torch requirement the project declares nearest to the file (requirements files,
   * {@code pyproject.toml}, {@code setup.py}, {@code setup.cfg}, a conda {@code environment.yml}) allows
   * only releases before {@code version}: it pins an older one ({@code torch==2.0.0+cu117}) or caps below
   * it ({@code <2.4}); without a torch requirement, a torchvision pin that fixes an older torch
   * ({@code torchvision==0.15.2}: torch 2.0). False when none is declared.
   */
  default boolean torchOnlyBefore(String version) {
    return false;
  }

  /**
   * Whether the project targets only transformers releases before {@code version}: the
   * {@code target-transformers} option names an older one, or the nearest declared requirement pins or
   * caps below it ({@code transformers==4.34.0}), or, for 5, a huggingface-hub requirement before 1.0
   * ({@code huggingface-hub==0.16.4}: transformers 5 needs hub 1.x). False when none says.
   */
  default boolean transformersOnlyBefore(String version) {
    return false;
  }

  /**
   * Whether the project declares, for {@code library}, only releases before {@code version} (the file's
   * own install command first, then the nearest declared requirement, as for {@link #torchOnlyBefore}):
   * {@code tensorflow==1.14.0}, {@code keras<2.4}. False when nothing is declared.
   */
  default boolean libraryOnlyBefore(String library, String version) {
    return false;
  }

  /**
   * Whether a file of the project other than this one may spell {@code name} (as a word anywhere: code,
   * comments, strings, configuration, documentation). True when unknown: no project, or one too large
   * to index.
   */
  default boolean othersMayMention(String name) {
    return true;
  }

  /**
   * A library version the project targets: the lowest version its requirement allows, or the
   * option's value.
   *
   * @param lowest the lowest allowed version ({@code 4.36}, {@code 5}); null when the requirement sets no lower bound
   * @param requirement the requirement or option as written ({@code transformers>=4.36})
   * @param source where it was found ({@code requirements.txt}, {@code target-transformers in pyproject.toml})
   */
  record DeclaredVersion(String lowest, String requirement, String source) {
    /** The major part of {@link #lowest}, or -1 when unknown. */
    public int major() {
      if (lowest == null) {
        return -1;
      }
      int end = 0;
      while (end < lowest.length() && Character.isDigit(lowest.charAt(end))) {
        end++;
      }
      if (end == 0 || end > 6) {
        return -1;
      }
      return Integer.parseInt(lowest.substring(0, end));
    }
  }
}
