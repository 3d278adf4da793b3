package io.berth.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** Downcall plumbing shared by the bindings: libc lookup and errno capture. */
final class Native {
  static final Linker LINKER = Linker.nativeLinker();
  static final SymbolLookup LIBC = LINKER.defaultLookup();
  private static final MemoryLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final MethodHandle STRERROR =
      LINKER.downcallHandle(
          LIBC.find("strerror").orElseThrow(),
          FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

  static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
  static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
  static final ValueLayout PTR = ValueLayout.ADDRESS;

  private Native() {}

  /** A handle whose first argument is the errno capture segment. */
  static MethodHandle errnoHandle(String name, FunctionDescriptor fd) {
    return LINKER.downcallHandle(
        LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError(name)),
        fd,
        Linker.Option.captureCallState("errno"));
  }

  static MethodHandle handle(String name, FunctionDescriptor fd) {
    return LINKER.downcallHandle(
        LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError(name)), fd);
  }

  static MemorySegment errnoSegment(Arena arena) {
    return arena.allocate(CAPTURE);
  }

  static int errno(MemorySegment capture) {
    return (int) ERRNO.get(capture, 0L);
  }

  static String strerror(int errno) {
    try {
      MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
      return s.reinterpret(4096).getString(0);
    } catch (Throwable t) {
      return "errno " + errno;
    }
  }

  static NativeException fail(String call, String what, MemorySegment capture) {
    int e = errno(capture);
    return new NativeException(call + " " + what + ": " + strerror(e), e);
  }

  static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }
}
