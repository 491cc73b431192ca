package org.spil.model;

/** Reliability of a source (the admiralty code's letter): A reliable .. C mostly not, X unknown. */
public enum SourceGrade {
  A,
  B,
  C,
  X;

  public static SourceGrade parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("source_grade must be one of A, B, C, X, not '" + s + "'");
    }
  }
}
