package io.berth.api.server.stream;

import io.berth.api.model.stream.JsonMessage;
import io.berth.api.model.stream.JsonProgress;
import io.berth.api.server.backend.ProgressListener;
import io.berth.common.json.Json;
import io.berth.http.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A progress stream: one JSON object per line, each flushed. The status line goes out only with
 * the first message, so an error before any progress can still be a real HTTP error.
 */
public final class JsonMessageWriter implements ProgressListener {
  private final HttpResponse response;
  private OutputStream out;

  public JsonMessageWriter(HttpResponse response) {
    this.response = response;
  }

  public synchronized void write(JsonMessage m) {
    try {
      if (out == null) {
        response.status(200);
        response.header("Content-Type", "application/json");
        out = response.body();
      }
      out.write(Json.bytes(m));
      out.write('\r');
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void status(String id, String status) {
    write(new JsonMessage(status, id, null, null, null, null, null));
  }

  @Override
  public void progress(String id, String status, long current, long total) {
    java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>();
    if (current >= 0) {
      detail.put("current", current);
      if (total > 0) {
        detail.put("total", total);
      }
    }
    String text = JsonProgress.of(detail).text(JsonProgress.NO_TERMINAL_WIDTH, System.currentTimeMillis());
    write(new JsonMessage(status, id, null, detail, text.isEmpty() ? null : text, null, null, null));
  }

  @Override
  public void aux(java.util.Map<String, Object> aux) {
    write(new JsonMessage(null, null, null, java.util.Map.of(), null, null, aux));
  }

  public boolean started() {
    return out != null;
  }

  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
