package io.berth.registry.manifest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.common.Digest;
import java.util.List;
import java.util.Map;

/** An OCI content descriptor: what a manifest says of a blob or of another manifest. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Descriptor(
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("digest") String digest,
    @JsonProperty("size") long size,
    @JsonProperty("urls") List<String> urls,
    @JsonProperty("annotations") Map<String, String> annotations,
    @JsonProperty("platform") Platform platform) {

  public Descriptor(String mediaType, Digest digest, long size) {
    this(mediaType, digest.toString(), size, null, null, null);
  }

  public Digest parsedDigest() {
    return Digest.parse(digest);
  }

  public List<String> urlList() {
    return urls == null ? List.of() : urls;
  }
}
