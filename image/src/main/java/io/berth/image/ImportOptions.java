package io.berth.image;

import java.time.Instant;
import java.util.List;

/**
 * Options of {@link ImageService#importImage}.
 *
 * @param repoTag {@code name[:tag]} to tag the new image with, or null
 * @param changes Dockerfile-like lines applied to the config ({@code CMD ["sh"]}), or null
 * @param message the history comment; null or empty gives {@code Imported from -}
 * @param created the creation time, or null for now
 */
public record ImportOptions(String repoTag, List<String> changes, String message, Instant created) {
  public ImportOptions {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  /** No tag, no changes, default message, created now. */
  public static ImportOptions defaults() {
    return new ImportOptions(null, List.of(), null, null);
  }
}
