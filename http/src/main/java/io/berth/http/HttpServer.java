package io.berth.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server on Netty's epoll transport. Netty threads only move bytes; each request runs
 * its {@link HttpHandler} on a new virtual thread, which may block for as long as it likes.
 */
public final class HttpServer implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final ChannelGroup connections;
  private final Path socket;

  private HttpServer(EventLoopGroup group, Channel serverChannel, ChannelGroup connections, Path socket) {
    this.group = group;
    this.serverChannel = serverChannel;
    this.connections = connections;
    this.socket = socket;
  }

  /**
   * Listens on a Unix socket, replacing a stale socket file left by an earlier run, and gives it
   * {@code perms} (Docker uses {@code rw-rw----}); null leaves the umask's choice.
   */
  public static HttpServer bindUnix(Path socket, Set<PosixFilePermission> perms, HttpHandler handler)
      throws IOException {
    if (Files.isDirectory(socket)) {
      throw new IOException(socket + " is a directory");
    }
    Path parent = socket.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.deleteIfExists(socket);
    HttpServer server =
        bind(
            EpollServerDomainSocketChannel.class,
            new DomainSocketAddress(socket.toString()),
            handler,
            socket);
    try {
      if (perms != null) {
        Files.setPosixFilePermissions(socket, perms);
      }
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Listens on a TCP address (port 0 picks a free port; see {@link #address()}). */
  public static HttpServer bindTcp(InetSocketAddress address, HttpHandler handler)
      throws IOException {
    return bind(EpollServerSocketChannel.class, address, handler, null);
  }

  /** The bound address: a {@link DomainSocketAddress} or an {@link InetSocketAddress}. */
  public SocketAddress address() {
    return serverChannel.localAddress();
  }

  private static HttpServer bind(
      Class<? extends ServerChannel> type, SocketAddress address, HttpHandler handler, Path socket)
      throws IOException {
    Epoll.ensureAvailability();
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            Runtime.getRuntime().availableProcessors(), EpollWorkaround.factory());
    ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    try {
      ChannelFuture bound =
          new ServerBootstrap()
              .group(group)
              .channel(type)
              // Reading is driven by whoever consumes the request: see Connection.
              .childOption(ChannelOption.AUTO_READ, false)
              // A client's shutdown(SHUT_WR) after a hijack ends its stdin, not the connection.
              .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
              .childHandler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                      connections.add(ch);
                      ch.pipeline()
                          .addLast(Connection.DECODER, Connection.newDecoder())
                          .addLast(Connection.ENCODER, new HttpResponseEncoder())
                          .addLast(Connection.EXPECT, new HttpServerExpectContinueHandler())
                          .addLast(new Connection(handler));
                    }
                  })
              .bind(address)
              .awaitUninterruptibly();
      if (!bound.isSuccess()) {
        throw new IOException("cannot listen on " + address, bound.cause());
      }
      return new HttpServer(group, bound.channel(), connections, socket);
    } catch (IOException | RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** Stops accepting, drops open connections and removes the socket file. */
  @Override
  public void close() {
    serverChannel.close().awaitUninterruptibly();
    connections.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    if (socket != null) {
      try {
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
