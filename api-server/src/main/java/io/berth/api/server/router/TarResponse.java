package io.berth.api.server.router;

import io.berth.api.server.ApiRequest;
import io.berth.api.server.backend.ContainerBackend;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A tar streamed as the response body ({@code export}, {@code save}). */
final class TarResponse {
  private TarResponse() {}

  static void send(ApiRequest r, ContainerBackend.Exporter job) throws IOException {
    var resp = r.response();
    resp.status(200);
    resp.header("Content-Type", "application/x-tar");
    OutputStream out = new BufferedOutputStream(resp.body(), 64 * 1024);
    job.writeTo(out);
    // Ended only when whole: a failure part-way leaves the chunked body unterminated, so the
    // client sees a broken transfer and not a short tar that looks complete.
    out.close();
  }
}
