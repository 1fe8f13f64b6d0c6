package dev.oomlint.estimate;

/** The optimizers the estimator tells apart, with their state bytes per trainable parameter. */
public enum Optimizer {
  ADAMW("AdamW", 8, false),
  ADAM("Adam", 8, false),
  ADAMW_8BIT("AdamW 8-bit (bitsandbytes)", 2, true),
  PAGED_ADAMW_8BIT("paged AdamW 8-bit (bitsandbytes)", 2, true),
  PAGED_ADAMW("paged AdamW 32-bit (bitsandbytes)", 8, false),
  SGD_MOMENTUM("SGD with momentum", 4, false),
  SGD("SGD", 0, false),
  ADAFACTOR("Adafactor", 0, false),
  RMSPROP("RMSprop", 4, false),
  ADAGRAD("Adagrad", 4, false),
  LION("Lion", 4, false);

  private final String label;
  private final double bytes;
  private final boolean eightBit;

  Optimizer(String label, double bytes, boolean eightBit) {
    this.label = label;
    this.bytes = bytes;
    this.eightBit = eightBit;
  }

  public String label() {
    return label;
  }

  /** State bytes per trainable parameter: AdamW two fp32 moments (8), 8-bit Adam 2, SGD+momentum 4, SGD 0. */
  public double bytesPerParameter() {
    return bytes;
  }

  public boolean isEightBit() {
    return eightBit;
  }

  /** Whether swapping to an 8-bit optimizer would save memory. */
  public boolean hasEightBitVariant() {
    return this == ADAMW || this == ADAM || this == PAGED_ADAMW;
  }
}
