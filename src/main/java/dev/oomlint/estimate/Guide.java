package dev.oomlint.estimate;

/**
 * The guide's "Image Generation Memory" table (minimum VRAM per model and resolution), the only
 * source oomlint has for the working set of a diffusion pipeline.
 */
final class Guide {
  private Guide() {}

  record Minimum(String label, int resolution, int gb) {
    long bytes() {
      return gb * 1_000_000_000L;
    }
  }

  private static final Minimum[] TABLE = {
    new Minimum("SD 1.5 at 512×512", 512, 4),
    new Minimum("SD 1.5 at 768×768", 768, 6),
    new Minimum("SDXL at 1024×1024", 1024, 8),
    new Minimum("SDXL + ControlNet at 1024×1024", 1024, 12),
    new Minimum("Flux.1 at 1024×1024", 1024, 16),
  };

  /** The guide's row for a pipeline kind (sd15, sdxl, flux), with ControlNet or not, nearest in resolution; or null. */
  static Minimum minimum(String kind, boolean controlnet, int resolution) {
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      case "sd15" -> resolution > 640 ? TABLE[1] : TABLE[0];
      case "sdxl" -> controlnet ? TABLE[3] : TABLE[2];
      case "flux" -> TABLE[4];
      default -> null;
    };
  }
}
