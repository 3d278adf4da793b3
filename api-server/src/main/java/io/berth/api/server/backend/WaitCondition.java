package io.berth.api.server.backend;

import io.berth.common.error.InvalidParameterException;

/** The {@code condition} of {@code POST /containers/{id}/wait}. */
public enum WaitCondition {
  NOT_RUNNING,
  NEXT_EXIT,
  REMOVED;

  public static WaitCondition parse(String s) {
    return switch (s == null ? "" : s) {
      case "", "not-running" -> NOT_RUNNING;
      case "next-exit" -> NEXT_EXIT;
      case "removed" -> REMOVED;
      default -> throw new InvalidParameterException("invalid condition: \"" + s + "\"");
    };
  }
}
