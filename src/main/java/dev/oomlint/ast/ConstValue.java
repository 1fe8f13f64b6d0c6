package dev.oomlint.ast;

import java.math.BigInteger;

/** The value of a {@link Expr.Constant}, mirroring the Python types a constant can have. */
public sealed interface ConstValue {
  record Str(String value) implements ConstValue {}

  /** Bytes as unsigned values 0..255 stored in a byte array. */
  record Bytes(byte[] value) implements ConstValue {}

  record Int(BigInteger value) implements ConstValue {}

  record Float(double value) implements ConstValue {}

  /** An imaginary literal such as {@code 3j}; {@code imag} is its coefficient. */
  record Imaginary(double imag) implements ConstValue {}

  record Bool(boolean value) implements ConstValue {}

  enum Singleton implements ConstValue { NONE, ELLIPSIS }
}
