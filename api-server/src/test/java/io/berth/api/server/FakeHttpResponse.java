package io.berth.api.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.json.Json;
import io.berth.http.Hijacked;
import io.berth.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records what a handler does to a response. It enforces the real contract (no status or header
 * changes once committed) so a handler that relies on a lenient server fails here too.
 * {@link #events} keeps the order of commits, body writes and close.
 */
public final class FakeHttpResponse implements HttpResponse {
  public final List<String> events = new ArrayList<>();
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final byte[] clientInput;
  private int status = 200;
  private boolean committed;
  private boolean finished;
  private FakeHijacked hijacked;
  private String statusLine;
  private Map<String, String> headersAtCommit;

  public FakeHttpResponse() {
    this(new byte[0]);
  }

  /** @param clientInput what the client sends after a hijack */
  public FakeHttpResponse(byte[] clientInput) {
    this.clientInput = clientInput.clone();
  }

  @Override
  public synchronized void status(int code) {
    checkNotCommitted();
    status = code;
  }

  @Override
  public synchronized void header(String name, String value) {
    checkNotCommitted();
    if (value == null) {
      headers.remove(name);
    } else {
      headers.put(name, value);
    }
  }

  @Override
  public OutputStream body() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        synchronized (FakeHttpResponse.this) {
          if (finished) {
            throw new IOException("response body already closed");
          }
          commit();
          events.add("body");
          body.write(b, off, len);
        }
      }

      @Override
      public void close() {
        synchronized (FakeHttpResponse.this) {
          commit();
          if (!finished) {
            finished = true;
            events.add("close");
          }
        }
      }
    };
  }

  @Override
  public synchronized void flush() {
    commit();
  }

  @Override
  public synchronized void send(int code, String contentType, byte[] bytes) {
    checkNotCommitted();
    status = code;
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    headers.put("Content-Length", String.valueOf(bytes.length));
    commit();
    events.add("body");
    body.writeBytes(bytes);
    finished = true;
    events.add("close");
  }

  @Override
  public synchronized boolean committed() {
    return committed;
  }

  @Override
  public synchronized Hijacked hijack(String line) {
    checkNotCommitted();
    committed = true;
    finished = true;
    statusLine = line;
    headersAtCommit = new TreeMap<>(headers);
    events.add("hijack");
    hijacked = new FakeHijacked(clientInput);
    return hijacked;
  }

  private void commit() {
    if (!committed) {
      committed = true;
      headersAtCommit = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headersAtCommit.putAll(headers);
      events.add("headers");
    }
  }

  private void checkNotCommitted() {
    if (committed) {
      throw new IllegalStateException("response already committed");
    }
  }

  public synchronized int status() {
    return status;
  }

  /** A header as it is now (before commit) or as it went out. */
  public synchronized String header(String name) {
    return headers.get(name);
  }

  public synchronized byte[] bodyBytes() {
    return body.toByteArray();
  }

  public synchronized String bodyString() {
    return body.toString(StandardCharsets.UTF_8);
  }

  public JsonNode json() {
    return Json.tree(bodyBytes());
  }

  public synchronized boolean finished() {
    return finished;
  }

  public synchronized String statusLine() {
    return statusLine;
  }

  public synchronized FakeHijacked hijacked() {
    return hijacked;
  }

  /** A hijacked connection over byte arrays. */
  public static final class FakeHijacked implements Hijacked {
    private final InputStream in;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private volatile boolean outputShut;
    private volatile boolean closed;

    FakeHijacked(byte[] input) {
      this.in = new ByteArrayInputStream(input);
    }

    @Override
    public InputStream in() {
      return in;
    }

    @Override
    public OutputStream out() {
      return out;
    }

    public byte[] written() {
      return out.toByteArray();
    }

    @Override
    public void shutdownOutput() {
      outputShut = true;
    }

    public boolean outputShut() {
      return outputShut;
    }

    @Override
    public void close() {
      closed = true;
    }

    public boolean closed() {
      return closed;
    }
  }
}
