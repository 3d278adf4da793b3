package io.berth.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The signals an attached client acts on, as docker's does: a terminal's new size is passed to
 * the container ({@code SIGWINCH}), and without a terminal the signals a user sends the client
 * go to the container ({@code --sig-proxy}). The JDK's {@code sun.misc.Signal} is the one way
 * to catch a signal without native code. Closing puts the previous handlers back.
 */
public final class Signals implements AutoCloseable {
  /**
   * What the CLI forwards: those a user sends a foreground process. SIGQUIT stays the JVM's, and
   * SIGKILL and SIGSTOP can't be caught (docker's client can't forward those either).
   */
  private static final List<String> FORWARDED = List.of("INT", "TERM", "HUP", "USR2", "ALRM");

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  private Signals() {}

  /** Receives a signal's name. */
  public interface Receiver {
    void received(String name);
  }

  /** Calls {@code onResize} each time the terminal changes size. */
  public static Signals onResize(Runnable onResize) {
    Signals s = new Signals();
    s.handle("WINCH", n -> onResize.run());
    return s;
  }

  /** Hands the signals a user sends the client to {@code to} instead of ending the client. */
  public static Signals forward(Receiver to) {
    Signals s = new Signals();
    for (String name : FORWARDED) {
      s.handle(name, to);
    }
    return s;
  }

  private void handle(String name, Receiver r) {
    try {
      Signal sig = new Signal(name);
      SignalHandler old = Signal.handle(sig, x -> {
        // off the signal thread: what is done with it may block on the daemon
        Thread.ofPlatform().daemon().start(() -> {
          try {
            r.received(name);
          } catch (RuntimeException e) {
            // the container may be gone already; the session's end reports that
          }
        });
      });
      signals.add(sig);
      previous.add(old);
    } catch (IllegalArgumentException e) {
      // a signal the JVM keeps for itself
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      try {
        Signal.handle(signals.get(i), previous.get(i));
      } catch (IllegalArgumentException e) {
        // nothing to put back
      }
    }
  }
}
