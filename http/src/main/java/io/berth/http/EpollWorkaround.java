package io.berth.http;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.util.concurrent.ThreadAwareExecutor;

/**
 * Netty's epoll handler (4.2.17) takes a socket out of the epoll set when its interest set becomes
 * empty, yet later changes it with {@code EPOLL_CTL_MOD}, which then fails with ENOENT and closes
 * the channel. An empty set is exactly where a half-closed connection ends up (no read interest
 * once the input is over, no write interest while the socket has room), so the next write that
 * has to wait for room killed a hijacked stream after the client had closed its stdin.
 *
 * <p>This wraps the handler and registers an empty interest set as {@code EPOLLET} alone: the
 * socket stays in the set, and the error and hang-up events the kernel always reports fire once
 * rather than on every wakeup, which is what dropping it was meant to prevent.
 */
final class EpollWorkaround implements IoHandler {
  private final IoHandler delegate;

  private EpollWorkaround(IoHandler delegate) {
    this.delegate = delegate;
  }

  static IoHandlerFactory factory() {
    IoHandlerFactory epoll = EpollIoHandler.newFactory();
    return new IoHandlerFactory() {
      @Override
      public IoHandler newHandler(ThreadAwareExecutor executor) {
        return new EpollWorkaround(epoll.newHandler(executor));
      }

      @Override
      public boolean isChangingThreadSupported() {
        return epoll.isChangingThreadSupported();
      }
    };
  }

  @Override
  public void initialize() {
    delegate.initialize();
  }

  @Override
  public int run(IoHandlerContext context) {
    return delegate.run(context);
  }

  @Override
  public void prepareToDestroy() {
    delegate.prepareToDestroy();
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }

  @Override
  public IoRegistration register(IoHandle handle) throws Exception {
    return new Registration(delegate.register(handle));
  }

  @Override
  public void wakeup() {
    delegate.wakeup();
  }

  @Override
  public boolean isCompatible(Class<? extends IoHandle> handleType) {
    return delegate.isCompatible(handleType);
  }

  private record Registration(IoRegistration delegate) implements IoRegistration {
    @Override
    public <T> T attachment() {
      return delegate.attachment();
    }

    @Override
    public long submit(IoOps ops) {
      if (ops instanceof EpollIoOps epoll && epoll.value() == EpollIoOps.NONE.value()) {
        ops = EpollIoOps.EPOLLET;
      }
      return delegate.submit(ops);
    }

    @Override
    public boolean isValid() {
      return delegate.isValid();
    }

    @Override
    public boolean cancel() {
      return delegate.cancel();
    }
  }
}
