package io.berth.api.model;

/** A Docker Engine API version such as 1.51; compares numerically. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
  public static final ApiVersion MIN = new ApiVersion(1, 12);
  public static final ApiVersion MAX = new ApiVersion(1, 51);
  public static final ApiVersion DEFAULT = MAX;
  public static final ApiVersion V1_30 = new ApiVersion(1, 30);
  public static final ApiVersion V1_42 = new ApiVersion(1, 42);

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
