package dev.oomlint.estimate;

/** The optimizers the estimator tells apart, with their state bytes per trainable parameter. */
public enum Optimizer {
  ADAMW("AdamW", 8),
  ADAM("Adam", 8),
  ADAMW_8BIT("AdamW 8-bit (bitsandbytes)", 2),
  PAGED_ADAMW_8BIT("paged AdamW 8-bit (bitsandbytes)", 2),
  PAGED_ADAMW("paged AdamW 32-bit (bitsandbytes)", 8),
  SGD_MOMENTUM("SGD with momentum", 4),
  SGD("SGD", 0),
  ADAFACTOR("Adafactor", 0),
  RMSPROP("RMSprop", 4),
  ADAGRAD("Adagrad", 4),
  LION("Lion", 4);

  private final String label;
  private final double bytes;

  Optimizer(String label, double bytes) {
    this.label = label;
    this.bytes = bytes;
  }

  public String label() {
    return label;
  }

  /** State bytes per trainable parameter: AdamW two fp32 moments (8), 8-bit Adam 2, SGD+momentum 4, SGD 0. */
  public double bytesPerParameter() {
    return bytes;
  }

  /** Whether swapping to an 8-bit optimizer would save memory. */
  public boolean hasEightBitVariant() {
    return this == ADAMW || this == ADAM || this == PAGED_ADAMW;
  }
}
