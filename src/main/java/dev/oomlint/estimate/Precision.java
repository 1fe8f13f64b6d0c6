package dev.oomlint.estimate;

/**
 * How a model's weights are stored on the GPU: a floating-point dtype, or a bitsandbytes
 * quantization. {@link #bytesPerParameter} is what {@link Formulas#weights} charges.
 */
public enum Precision {
  FLOAT32("float32", null, 4),
  FLOAT16("float16", null, 2),
  BFLOAT16("bfloat16", null, 2),
  INT8("int8", "int8", 1),
  NF4("nf4", "nf4", 0.5),
  FP4("fp4", "fp4", 0.5);

  private final String dtype;
  private final String quantization;
  private final double bytes;

  Precision(String dtype, String quantization, double bytes) {
    this.dtype = dtype;
    this.quantization = quantization;
    this.bytes = bytes;
  }

  /** The name used in the output: {@code float32}, {@code bfloat16}, {@code int8}, {@code nf4}... */
  public String dtypeName() {
    return dtype;
  }

  /** {@code int8}, {@code nf4}, {@code fp4}, or null for an unquantized dtype. */
  public String quantization() {
    return quantization;
  }

  /** Bytes per weight before quantization constants. */
  public double bytesPerParameter() {
    return bytes;
  }

  public boolean isQuantized() {
    return quantization != null;
  }

  public boolean isFourBit() {
    return this == NF4 || this == FP4;
  }
}
