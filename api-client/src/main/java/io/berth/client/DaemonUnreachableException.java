package io.berth.client;

/** The daemon's socket could not be reached at all; no request was answered. */
public final class DaemonUnreachableException extends RuntimeException {
  public DaemonUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  static DaemonUnreachableException at(DockerHost host, Throwable cause) {
    String m = cause.getMessage();
    if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("permission denied")) {
      return new DaemonUnreachableException("permission denied while trying to connect to the Berth daemon socket at "
          + host + ": " + m, cause);
    }
    return new DaemonUnreachableException(
        "Cannot connect to the Berth daemon at " + host + ". Is the berth daemon running?", cause);
  }
}
