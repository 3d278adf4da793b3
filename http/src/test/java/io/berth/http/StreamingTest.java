package io.berth.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.http.client.ClientResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StreamingTest {

  @Test
  void body_writeThenWait_clientSeesFirstChunkBeforeSecondIsWritten() throws Exception {
    CountDownLatch clientGotFirst = new CountDownLatch(1);
    HttpHandler handler =
        (req, resp) -> {
          resp.header("Content-Type", "text/plain");
          try (OutputStream out = resp.body()) {
            out.write("first".getBytes(StandardCharsets.UTF_8));
            if (!clientGotFirst.await(5, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the first chunk never reached the client");
            }
            out.write("second".getBytes(StandardCharsets.UTF_8));
          }
        };
    try (TestServer s = new TestServer(handler);
        ClientResponse r = s.client().request("GET", "/logs?follow=1", null, (byte[]) null)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(r.header("Content-Length")).isNull();
      assertThat(new String(r.body().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("first");
      clientGotFirst.countDown();
      assertThat(r.text()).isEqualTo("second");
    }
  }

  @Test
  void flush_beforeAnyBody_sendsStatusAndHeadersAtOnce() throws Exception {
    CountDownLatch clientGotHead = new CountDownLatch(1);
    HttpHandler handler =
        (req, resp) -> {
          resp.status(200);
          resp.header("Content-Type", "application/json");
          resp.flush();
          if (!clientGotHead.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("headers never reached the client");
          }
          try (OutputStream out = resp.body()) {
            out.write("{\"StatusCode\":0}".getBytes(StandardCharsets.UTF_8));
          }
        };
    try (TestServer s = new TestServer(handler);
        ClientResponse r = s.client().request("POST", "/containers/c/wait", null, (byte[]) null)) {
      assertThat(r.status()).isEqualTo(200);
      clientGotHead.countDown();
      assertThat(r.text()).isEqualTo("{\"StatusCode\":0}");
    }
  }

  @Test
  void body_chunkedUploadOfMegabytes_handlerReadsWhileClientStillSends() throws Exception {
    int first = 1 << 20;
    int total = 4 << 20;
    byte[] data = new byte[total];
    new Random(42).nextBytes(data);
    CRC32 expected = new CRC32();
    expected.update(data);
    CountDownLatch handlerGotFirstPart = new CountDownLatch(1);
    HttpHandler handler =
        (req, resp) -> {
          CRC32 crc = new CRC32();
          long count = 0;
          byte[] buf = new byte[32 * 1024];
          InputStream in = req.body();
          int n;
          while ((n = in.read(buf)) >= 0) {
            crc.update(buf, 0, n);
            count += n;
            if (count >= first) {
              handlerGotFirstPart.countDown();
            }
          }
          resp.send(200, "text/plain", (count + " " + crc.getValue()).getBytes());
        };
    // Holds back the rest of the body until the handler has seen the first part: a server that
    // gathered the whole body before calling the handler would never get there.
    InputStream body =
        new InputStream() {
          private int pos;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (pos == total) {
              return -1;
            }
            if (pos == first) {
              try {
                if (!handlerGotFirstPart.await(5, TimeUnit.SECONDS)) {
                  throw new IOException("the handler did not see the first part while streaming");
                }
              } catch (InterruptedException e) {
                throw new IOException(e);
              }
            }
            int n = Math.min(len, (pos < first ? first : total) - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
          }
        };
    try (TestServer s = new TestServer(handler);
        ClientResponse r = s.client().request("POST", "/images/load", null, body)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo(total + " " + expected.getValue());
    }
  }

  @Test
  void write_clientDisconnectsMidStream_handlerGetsIOExceptionAndServerKeepsServing()
      throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch handlerDone = new CountDownLatch(1);
    HttpHandler handler =
        (req, resp) -> {
          if (req.path().equals("/ping")) {
            resp.send(200, "text/plain", "OK".getBytes());
            return;
          }
          byte[] line = "log line that goes on and on\n".repeat(100).getBytes();
          try (OutputStream out = resp.body()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
              out.write(line);
            }
          } catch (IOException e) {
            failure.set(e);
          } finally {
            handlerDone.countDown();
          }
        };
    try (TestServer s = new TestServer(handler)) {
      try (ClientResponse r = s.client().request("GET", "/logs", null, (byte[]) null)) {
        assertThat(r.body().readNBytes(100)).hasSize(100);
      }
      assertThat(handlerDone.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(failure.get()).isInstanceOf(IOException.class);
      try (ClientResponse r = s.client().request("GET", "/ping", null, (byte[]) null)) {
        assertThat(r.text()).isEqualTo("OK");
      }
    }
  }
}
