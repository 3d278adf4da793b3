package io.berth.linux;

/** A failed system call, with its errno. */
public final class NativeException extends RuntimeException {
  public static final int ENOENT = 2;
  public static final int EINTR = 4;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int EINVAL = 22;

  private final int errno;

  public NativeException(String message, int errno) {
    super(message);
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }
}
