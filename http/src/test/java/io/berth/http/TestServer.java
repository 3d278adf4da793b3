package io.berth.http;

import io.berth.http.client.HttpClient;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A server on a Unix socket in a short temporary directory, removed again on close. */
final class TestServer implements AutoCloseable {
  final Path dir;
  final Path socket;
  final HttpServer server;

  TestServer(HttpHandler handler) throws IOException {
    // @TempDir paths can exceed the 108-byte limit of a socket address.
    this.dir = Files.createTempDirectory(Path.of("/tmp"), "h");
    this.socket = dir.resolve("s.sock");
    this.server =
        HttpServer.bindUnix(socket, PosixFilePermissions.fromString("rw-rw----"), handler);
  }

  HttpClient client() {
    return HttpClient.unix(socket);
  }

  RawConnection raw() throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    return new RawConnection(ch);
  }

  @Override
  public void close() throws IOException {
    try {
      server.close();
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}
