package io.berth.client;

/**
 * An error the daemon reported inside a response body it had already started: a progress-stream
 * {@code {"error": ...}} object or a system-error frame of a multiplexed stream. Docker prints
 * these without the "Error response from daemon" prefix.
 */
public final class StreamErrorException extends RuntimeException {
  public StreamErrorException(String message) {
    super(message);
  }
}
