package io.berth.http;

import java.io.IOException;

/**
 * The client sent something HTTP cannot make sense of (a broken chunked body, a bad percent-escape):
 * its mistake, worth a 400, unlike the plain {@link IOException} of a client that went away.
 */
public class MalformedRequestException extends IOException {
  public MalformedRequestException(String message) {
    super(message);
  }

  public MalformedRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
