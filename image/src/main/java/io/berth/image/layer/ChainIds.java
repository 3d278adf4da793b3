package io.berth.image.layer;

import io.berth.common.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chain ids as the OCI image spec defines them: a layer's identity including everything below it,
 * so equal chain ids mean identical unpacked filesystems. {@code chainId(L0) = diffId(L0)}, {@code
 * chainId(Ln) = sha256(chainId(Ln-1) + " " + diffId(Ln))}.
 */
public final class ChainIds {
  private ChainIds() {}

  /** The chain id of the layer {@code diffId} on top of {@code parent} (null for a base layer). */
  public static String next(String parent, String diffId) {
    if (parent == null) {
      return Digest.parse(diffId).toString();
    }
    byte[] input = (parent + " " + diffId).getBytes(StandardCharsets.UTF_8);
    return Digest.sha256(input).toString();
  }

  /** The chain ids of a stack of diff ids, bottom first. */
  public static List<String> of(List<String> diffIds) {
    List<String> out = new ArrayList<>(diffIds.size());
    String parent = null;
    for (String d : diffIds) {
      parent = next(parent, d);
      out.add(parent);
    }
    return out;
  }
}
