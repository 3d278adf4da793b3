package io.berth.registry.manifest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes image manifests byte for byte as dockerd does ({@code json.MarshalIndent} with a
 * three-space indent, no trailing newline), so that a push of the same image by Berth and by
 * Docker yields the same manifest digest.
 */
public final class ManifestWriter {
  private ManifestWriter() {}

  /** A Docker schema2 (or, for {@code mediaType} OCI, an OCI) image manifest. */
  public static byte[] image(String mediaType, Descriptor config, List<Descriptor> layers) {
    StringBuilder b = new StringBuilder("{\n");
    b.append("   \"schemaVersion\": 2,\n");
    b.append("   \"mediaType\": ").append(quote(mediaType)).append(",\n");
    b.append("   \"config\": ");
    descriptor(b, config, "   ");
    b.append(",\n   \"layers\": [");
    for (int i = 0; i < layers.size(); i++) {
      b.append(i == 0 ? "\n      " : ",\n      ");
      descriptor(b, layers.get(i), "      ");
    }
    b.append(layers.isEmpty() ? "]\n}" : "\n   ]\n}");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void descriptor(StringBuilder b, Descriptor d, String indent) {
    String in = indent + "   ";
    b.append("{\n");
    b.append(in).append("\"mediaType\": ").append(quote(d.mediaType())).append(",\n");
    b.append(in).append("\"size\": ").append(d.size()).append(",\n");
    b.append(in).append("\"digest\": ").append(quote(d.digest()));
    if (!d.urlList().isEmpty()) {
      b.append(",\n").append(in).append("\"urls\": [");
      for (int i = 0; i < d.urlList().size(); i++) {
        b.append(i == 0 ? "\n" : ",\n").append(in).append("   ").append(quote(d.urlList().get(i)));
      }
      b.append("\n").append(in).append("]");
    }
    b.append("\n").append(indent).append("}");
  }

  /** A JSON string as Go's encoder writes it: {@code <}, {@code >} and {@code &} escaped too. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<', '>', '&' -> b.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
