package io.berth.common;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** 64-hex identifiers of containers and images, and their 12-character short form. */
public final class Id {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");

  private Id() {}

  public static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  public static String shortId(String id) {
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return hex.length() <= 12 ? hex : hex.substring(0, 12);
  }

  /** True when {@code s} could be a (possibly shortened) hex id. */
  public static boolean isHexPrefix(String s) {
    return HEX.matcher(s).matches();
  }

  /** True when {@code s} is a whole 64-hex id. */
  public static boolean isFullId(String s) {
    return s.length() == 64 && HEX.matcher(s).matches();
  }
}
