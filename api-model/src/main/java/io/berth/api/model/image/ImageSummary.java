package io.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.AddedIn;
import io.berth.api.model.ApiVersion;
import io.berth.api.model.ForVersion;
import io.berth.api.model.RemovedIn;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code GET /images/json}, with every field any API version shows.
 *
 * @param containers how many containers use the image; clients older than 1.51 get -1
 */
public record ImageSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("ParentId") String parentId,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("RepoTags") List<String> repoTags,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Created") long created,
    @JsonProperty("Size") long size,
    @JsonProperty("SharedSize") long sharedSize,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Containers") long containers,
    @AddedIn("1.48") @JsonProperty("Descriptor") Descriptor descriptor)
    implements ForVersion<ImageSummary> {

  /** The size again under its pre-1.44 name, which dockerd still fills for those clients. */
  @RemovedIn("1.44")
  @JsonProperty("VirtualSize")
  public long virtualSize() {
    return size;
  }

  @Override
  public ImageSummary forVersion(ApiVersion v) {
    List<String> tags = repoTags == null ? List.of() : repoTags;
    List<String> digests = repoDigests == null ? List.of() : repoDigests;
    if (v.lessThan(ApiVersion.V1_43) && tags.isEmpty() && digests.isEmpty()) {
      tags = List.of("<none>:<none>");
      digests = List.of("<none>@<none>");
    }
    // dockerd counts an image's containers in this list from 1.51 on only
    long count = v.lessThan(ApiVersion.V1_51) ? -1 : containers;
    return new ImageSummary(id, parentId, tags, digests, created, size, sharedSize, labels, count,
        descriptor);
  }
}
