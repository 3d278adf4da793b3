package io.berth.http;

import io.berth.common.json.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessageDecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client connection. The event loop only moves bytes: decoded input is queued here and
 * consumed by the exchange's virtual thread, which asks for more ({@link Channel#read()}) only when
 * the queue runs dry, so a slow handler throttles the client instead of filling memory.
 *
 * <p>The request decoder is taken out of the pipeline as soon as a request's body has been
 * decoded, and put back when the exchange is over. While it is out, whatever the client sends
 * arrives as raw bytes: that is what a hijacked connection needs (stdin may share a packet with the
 * request head), and for a kept-alive connection the raw bytes are simply replayed through a fresh
 * decoder.
 */
final class Connection extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger("berth.http");
  private static final String HEAD_TOO_LARGE = "request header fields too large";
  static final String DECODER = "http-decoder";
  static final String ENCODER = "http-encoder";
  static final String EXPECT = "http-expect";

  /** Queued after the last input: the client half-closed or went away. Never removed by take. */
  static final Object END = new Object();

  /**
   * Go's http.DefaultMaxHeaderBytes, for the request line and headers together, counted as Netty
   * counts them: without line ends (Go, for its part, allows 4 KiB over).
   */
  static final int MAX_HEAD = 1 << 20;
  private static final int MAX_CHUNK = 64 * 1024;
  /**
   * How long a connection we refused stays half-open, reading and dropping what the client still
   * sends: closing with unread input would reset the connection, and the client might lose the
   * answer. Go's server waits the same 500 ms (its rstAvoidanceDelay).
   */
  private static final long LINGER_MS = 500;

  private final HttpHandler handler;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Object> inbound = new ArrayDeque<>();
  private Channel channel;
  private int waiting;
  private boolean endQueued;
  private volatile ChannelFuture lastWrite;
  private volatile boolean outputShut;
  /** Event loop only. */
  private Exchange current;
  /** Event loop only: once the HTTP codecs are out, the end of input is just the end of stdin. */
  private boolean hijacked;
  /** Event loop only: a request was refused, and whatever follows it is dropped. */
  private boolean rejected;
  /** Guarded by lock; made when a handler first asks, so that unwatched connections cost nothing. */
  private CompletableFuture<Void> closedSignal;
  /** Guarded by lock. */
  private boolean gone;
  /** Guarded by lock: what requests on this connection asked to run when the client leaves. */
  private final java.util.Set<Runnable> leaving = new java.util.HashSet<>();

  Connection(HttpHandler handler) {
    this.handler = handler;
  }

  /**
   * Netty limits the request line and the headers separately; each may have all of {@link
   * #MAX_HEAD}, and {@link #channelRead} checks their sum.
   */
  static HttpRequestDecoder newDecoder() {
    return new HttpRequestDecoder(
        new HttpDecoderConfig()
            .setMaxInitialLineLength(MAX_HEAD)
            .setMaxHeaderSize(MAX_HEAD)
            .setMaxChunkSize(MAX_CHUNK));
  }

  // ---- event loop side ----

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.read();
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (rejected) {
      ReferenceCountUtil.release(msg);
      return;
    }
    switch (msg) {
      case HttpRequest head -> {
        ReferenceCountUtil.release(head);
        if (head.decoderResult().isFailure()) {
          Throwable cause = head.decoderResult().cause();
          if (cause instanceof TooLongHttpLineException
              || cause instanceof TooLongHttpHeaderException) {
            // Go answers 431 for any head over its limit, a long request line included.
            reject(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, HEAD_TOO_LARGE);
          } else {
            reject(ctx, HttpResponseStatus.BAD_REQUEST, "bad request: " + cause.getMessage());
          }
        } else if (head.decoderResult() instanceof HttpMessageDecoderResult r
            && r.totalSize() > MAX_HEAD) {
          reject(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, HEAD_TOO_LARGE);
        } else if (current != null) {
          // The decoder is only in place between exchanges, so this cannot happen; refuse loudly.
          reject(
              ctx,
              HttpResponseStatus.BAD_REQUEST,
              "bad request: request while another is in progress");
        } else {
          current = new Exchange(this, handler, head);
          Thread.ofVirtual().name("http-" + head.method()).start(current);
        }
      }
      case HttpContent content -> {
        enqueue(content);
        if (content instanceof LastHttpContent && ctx.pipeline().get(DECODER) != null) {
          // Removing the decoder hands its leftover bytes to us, raw and in order.
          ctx.pipeline().remove(DECODER);
        }
      }
      case ByteBuf raw when raw.isReadable() -> enqueue(raw);
      default -> ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    boolean more;
    lock.lock();
    try {
      more = current == null || (waiting > 0 && inbound.isEmpty());
    } finally {
      lock.unlock();
    }
    if (more && ctx.channel().isActive()) {
      ctx.read();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      if (!hijacked) {
        // A close and a half-close look alike here; see HttpRequest.closed for why both count.
        clientGone();
      }
      enqueue(END);
      if (current == null) {
        closeAfterWrites();
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    signal();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    clientGone();
    enqueue(END);
    signal();
    if (current == null) {
      releaseInbound();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Resets and broken pipes are a client's business; the exchange sees them as end of input.
    LOG.log(System.Logger.Level.DEBUG, "closing {0}: {1}", ctx.channel(), cause.toString());
    ctx.close();
  }

  /**
   * Answers a request whose head cannot be served, with no handler involved, then ends the
   * connection: the decoder cannot tell where the next request would start.
   */
  private void reject(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
    rejected = true;
    releaseInbound();
    byte[] body = Json.bytes(Map.of("message", message));
    var response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    Channel ch = ctx.channel();
    ch.writeAndFlush(response)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!f.isSuccess() || !ch.isActive()) {
                    ch.close();
                    return;
                  }
                  // Reading goes on (channelReadComplete asks while no exchange runs) and drops
                  // everything; the client's end of input closes at once, the timer otherwise.
                  ((DuplexChannel) ch).shutdownOutput();
                  ch.eventLoop().schedule(() -> ch.close(), LINGER_MS, TimeUnit.MILLISECONDS);
                });
  }

  /** Runs on the event loop once an exchange's virtual thread is done with the connection. */
  private void exchangeDone(boolean keepAlive) {
    current = null;
    if (!keepAlive || !channel.isActive()) {
      releaseInbound();
      closeAfterWrites();
      return;
    }
    List<Object> pending;
    lock.lock();
    try {
      pending = new ArrayList<>(inbound);
      inbound.clear();
      endQueued = false;
    } finally {
      lock.unlock();
    }
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addFirst(DECODER, newDecoder());
    for (Object o : pending) {
      if (o == END) {
        pipeline.fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
      } else {
        pipeline.fireChannelRead(o);
      }
    }
    pipeline.fireChannelReadComplete();
  }

  /** Event loop: the client left (or, before a hijack, stopped sending). */
  private void clientGone() {
    CompletableFuture<Void> signal;
    List<Runnable> actions;
    lock.lock();
    try {
      if (gone) {
        return;
      }
      gone = true;
      signal = closedSignal;
      actions = List.copyOf(leaving);
      leaving.clear();
    } finally {
      lock.unlock();
    }
    // What a handler asked for must neither run on nor block the event loop.
    if (signal != null || !actions.isEmpty()) {
      Thread.ofVirtual().name("http-closed").start(() -> {
        if (signal != null) {
          signal.complete(null);
        }
        actions.forEach(Runnable::run);
      });
    }
  }

  /** See {@link io.berth.http.HttpRequest#whenClientLeaves}. */
  io.berth.http.HttpRequest.Registration whenClientLeaves(Runnable action) {
    lock.lock();
    try {
      if (!gone) {
        leaving.add(action);
        return () -> {
          lock.lock();
          try {
            leaving.remove(action);
          } finally {
            lock.unlock();
          }
        };
      }
    } finally {
      lock.unlock();
    }
    Thread.ofVirtual().name("http-closed").start(action);
    return () -> {};
  }

  // ---- exchange (virtual thread) side ----

  /** See {@link io.berth.http.HttpRequest#closed}. */
  CompletionStage<Void> closed() {
    lock.lock();
    try {
      if (closedSignal == null) {
        closedSignal = new CompletableFuture<>();
        if (gone) {
          closedSignal.complete(null);
        }
      }
      return closedSignal.minimalCompletionStage();
    } finally {
      lock.unlock();
    }
  }

  boolean isGone() {
    lock.lock();
    try {
      return gone;
    } finally {
      lock.unlock();
    }
  }

  void finished(boolean keepAlive) {
    try {
      channel.eventLoop().execute(() -> exchangeDone(keepAlive));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // The server is shutting down; its close() takes the channel with it.
      channel.close();
    }
  }

  /**
   * The next queued input: an {@link HttpContent} while a request body is decoded, raw {@link
   * ByteBuf}s after it, or {@link #END}. Blocks, asking the channel for more, while there is none.
   * The caller owns (and releases) what it gets, except {@link #END}.
   */
  Object take() throws IOException {
    lock.lock();
    try {
      while (inbound.isEmpty()) {
        waiting++;
        try {
          channel.read();
          changed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading the request");
        } finally {
          waiting--;
        }
      }
      return inbound.peekFirst() == END ? END : inbound.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  /** Writes and flushes {@code msg}, then blocks while the channel has more queued than it should. */
  void write(Object msg, boolean flush) throws IOException {
    if (!channel.isActive() || outputShut) {
      ReferenceCountUtil.release(msg);
      throw gone(null);
    }
    ChannelFuture f = flush ? channel.writeAndFlush(msg) : channel.write(msg);
    lastWrite = f;
    if (!channel.isWritable()) {
      if (!flush) {
        // Waiting for room that only a flush can make would wait forever.
        channel.flush();
      }
      f.addListener(x -> signal());
      lock.lock();
      try {
        while (channel.isActive() && !channel.isWritable() && !failed(f)) {
          changed.await(1, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing the response");
      } finally {
        lock.unlock();
      }
    }
    if (failed(f)) {
      throw gone(f.cause());
    }
  }

  /** Writes raw header bytes for a hijack after the HTTP codecs are out of the way. */
  void hijack(byte[] head) throws IOException {
    var done =
        channel
            .eventLoop()
            .submit(
                () -> {
                  hijacked = true;
                  ChannelPipeline p = channel.pipeline();
                  for (String name : List.of(DECODER, EXPECT, ENCODER)) {
                    if (p.get(name) != null) {
                      p.remove(name);
                    }
                  }
                  return null;
                });
    done.awaitUninterruptibly();
    if (!done.isSuccess()) {
      throw new IOException("cannot take over the connection", done.cause());
    }
    write(Unpooled.wrappedBuffer(head), true);
  }

  void shutdownOutputAfterWrites() {
    outputShut = true;
    afterWrites(f -> ((DuplexChannel) channel).shutdownOutput());
  }

  void closeAfterWrites() {
    afterWrites(f -> channel.close());
  }

  private void afterWrites(ChannelFutureListener action) {
    ChannelFuture f = lastWrite;
    if (f == null) {
      f = channel.newSucceededFuture();
    }
    f.addListener(action);
  }

  private static boolean failed(ChannelFuture f) {
    return f.isDone() && !f.isSuccess();
  }

  static IOException gone(Throwable cause) {
    return new IOException("client went away", cause);
  }

  private void enqueue(Object o) {
    lock.lock();
    try {
      if (endQueued) {
        ReferenceCountUtil.release(o);
        return;
      }
      inbound.addLast(o);
      endQueued = o == END;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void releaseInbound() {
    lock.lock();
    try {
      for (Object o : inbound) {
        if (o != END) {
          ReferenceCountUtil.release(o);
        }
      }
      inbound.clear();
      inbound.addLast(END);
      endQueued = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
