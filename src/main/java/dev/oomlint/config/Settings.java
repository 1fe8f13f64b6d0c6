package dev.oomlint.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code [tool.oomlint]} options of one configuration file; every field is null when the file
 * does not set it. {@code file} is null when no configuration file was found, {@code projectRoot}
 * is the file's directory (else the working directory); relative globs are resolved against it.
 * {@code targetVersion} is a valid {@code py3N} name; {@code requiresPython} is the
 * {@code [project] requires-python} of the same pyproject.toml, as written. {@code gpuMemory} is the GPU
 * memory budget in bytes ({@code gpu-memory}, else the memory of {@code gpu}) and {@code gpuMemoryOrigin}
 * says which option of which file set it, for messages. {@code maxFileSize}
 * is {@code max-file-size} in bytes. {@code targetTransformers} is the oldest transformers version the
 * code must run with ({@code target-transformers}, a version such as {@code "4.46"} or {@code "5"}), and
 * {@code targetTransformersOrigin} says where it was set ({@code pyproject.toml}, {@code the command line}), for messages.
 */
public record Settings(Path file, Path projectRoot, List<String> select, List<String> extendSelect,
    List<String> ignore, Map<String, List<String>> perFileIgnores, List<String> exclude,
    List<String> extendExclude, Boolean fix, Boolean unsafeFixes, String outputFormat, String targetVersion,
    String requiresPython, Long gpuMemory, String gpuMemoryOrigin, Long maxFileSize, String targetTransformers,
    String targetTransformersOrigin) {

  /** No configuration file: every option at its default. */
  public static Settings none(Path projectRoot) {
    return new Settings(null, projectRoot, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /** These settings with {@code max-file-size} set to {@code bytes} (the command line's). */
  public Settings withMaxFileSize(Long bytes) {
    return new Settings(file, projectRoot, select, extendSelect, ignore, perFileIgnores, exclude, extendExclude,
        fix, unsafeFixes, outputFormat, targetVersion, requiresPython, gpuMemory, gpuMemoryOrigin, bytes,
        targetTransformers, targetTransformersOrigin);
  }

  /** These settings with {@code target-transformers} set to {@code version}, set by {@code origin}. */
  public Settings withTargetTransformers(String version, String origin) {
    return new Settings(file, projectRoot, select, extendSelect, ignore, perFileIgnores, exclude, extendExclude,
        fix, unsafeFixes, outputFormat, targetVersion, requiresPython, gpuMemory, gpuMemoryOrigin, maxFileSize,
        version, origin);
  }
}
