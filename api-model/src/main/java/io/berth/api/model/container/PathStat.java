package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A container path's stat, sent base64-encoded in {@code X-Docker-Container-Path-Stat}. {@code mode}
 * is Go's {@code os.FileMode} (type bits high, permissions low), not a Unix st_mode.
 */
@JsonPropertyOrder({"name", "size", "mode", "mtime", "linkTarget"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PathStat(
    @JsonProperty("name") String name,
    @JsonProperty("size") long size,
    @JsonProperty("mode") long mode,
    @JsonProperty("mtime") String mtime,
    @JsonProperty("linkTarget") String linkTarget) {

  public static final long MODE_DIR = 1L << 31;
  public static final long MODE_SYMLINK = 1L << 27;
  public static final long MODE_DEVICE = 1L << 26;
  public static final long MODE_NAMED_PIPE = 1L << 25;
  public static final long MODE_SOCKET = 1L << 24;
  public static final long MODE_SETUID = 1L << 23;
  public static final long MODE_SETGID = 1L << 22;
  public static final long MODE_CHAR_DEVICE = 1L << 21;
  public static final long MODE_STICKY = 1L << 20;

  public boolean isDir() {
    return (mode & MODE_DIR) != 0;
  }
}
