package io.berth.api.model;

/** A Docker Engine API version such as 1.51; compares numerically. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
  public static final ApiVersion MIN = new ApiVersion(1, 12);
  public static final ApiVersion MAX = new ApiVersion(1, 51);
  public static final ApiVersion DEFAULT = MAX;
  public static final ApiVersion V1_25 = new ApiVersion(1, 25);
  public static final ApiVersion V1_30 = new ApiVersion(1, 30);
  public static final ApiVersion V1_34 = new ApiVersion(1, 34);
  public static final ApiVersion V1_39 = new ApiVersion(1, 39);
  public static final ApiVersion V1_42 = new ApiVersion(1, 42);
  public static final ApiVersion V1_43 = new ApiVersion(1, 43);
  public static final ApiVersion V1_44 = new ApiVersion(1, 44);
  public static final ApiVersion V1_51 = new ApiVersion(1, 51);

  /** Parses {@code 1.51}; returns null for anything else. */
  public static ApiVersion parse(String s) {
    int dot = s.indexOf('.');
    if (dot <= 0 || dot == s.length() - 1) {
      return null;
    }
    try {
      return new ApiVersion(
          Integer.parseInt(s.substring(0, dot)), Integer.parseInt(s.substring(dot + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Parses a version that must be well formed, such as one written in an annotation. */
  public static ApiVersion of(String s) {
    ApiVersion v = parse(s);
    if (v == null) {
      throw new IllegalArgumentException("not an API version: " + s);
    }
    return v;
  }

  public boolean atLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  public boolean lessThan(ApiVersion other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
