package io.berth.common;

import java.util.List;

/** What to mount: produced by storage, performed by whoever owns the mount namespace. */
public record Mount(String type, String source, List<String> options) {
  public Mount {
    options = List.copyOf(options);
  }
}
