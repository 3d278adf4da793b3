package io.berth.image;

import io.berth.common.Id;
import io.berth.common.error.ConflictException;
import io.berth.image.ImageStore.Stored;
import io.berth.image.layer.ContainerLayers;
import io.berth.image.layer.LayerStore;
import io.berth.image.reference.Reference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker rmi} semantics, following the daemon's rules: removing a tag only untags while
 * other tags remain; a container's image cannot lose its last tag unless forced; a running
 * container's image can never be deleted; a stopped container's, or one with several tags when
 * named by id, only when forced. The caller holds the store lock.
 */
final class ImageRemover {
  private final ImageStore images;
  private final ReferenceStore refs;
  private final LayerStore layers;
  private final ContainerLayers containers;

  ImageRemover(
      ImageStore images, ReferenceStore refs, LayerStore layers, ContainerLayers containers) {
    this.images = images;
    this.refs = refs;
    this.layers = layers;
    this.containers = containers;
  }

  /** A reason not to delete; {@code hard} ones cannot be forced. */
  private record Conflict(String imageId, boolean hard, boolean used, String message) {
    ConflictException exception() {
      return new ConflictException(
          "conflict: unable to delete "
              + Id.shortId(imageId)
              + (hard ? " (cannot be forced) - " : " (must be forced) - ")
              + message);
    }
  }

  List<DeleteItem> remove(String ref, Stored img, boolean force, ContainerUsage usage)
      throws IOException {
    String id = img.id();
    List<DeleteItem> records = new ArrayList<>();
    List<ImageUser> users = usage.usersOf(id);
    List<String> tags = refs.refsOf(id);
    boolean quiet = false;
    if (!isIdPrefix(id, ref)) {
      if (!force && tags.size() == 1 && !users.isEmpty()) {
        throw new ConflictException(
            "conflict: unable to remove repository reference \""
                + ref
                + "\" (must force) - container "
                + Id.shortId(users.getFirst().containerId())
                + " is using its referenced image "
                + Id.shortId(id));
      }
      Reference named = Reference.parse(ref).withDefaultTag();
      String tag = named.familiarString();
      refs.remove(tag);
      records.add(DeleteItem.untagged(tag));
      if (named.digest() == null) {
        untagDigestsWithoutTag(id, named.familiarName(), records);
      }
      if (!refs.refsOf(id).isEmpty()) {
        return records;
      }
      quiet = true;
    } else if (isSingleReference(tags)) {
      Optional<Conflict> c = conflict(id, users, false, !force);
      if (c.isPresent()) {
        throw c.get().exception();
      }
      untagAll(id, records);
    }
    delete(id, users, records, force, quiet);
    return records;
  }

  /**
   * Deletes the image unless something stops it. After a tag removal ({@code quiet}) a conflict
   * caused by a container leaves the now untagged image in place without an error.
   */
  private void delete(
      String id, List<ImageUser> users, List<DeleteItem> records, boolean force, boolean quiet)
      throws IOException {
    Optional<Conflict> c = conflict(id, users, !force, !force);
    if (c.isPresent()) {
      boolean dangling = refs.refsOf(id).isEmpty();
      if (quiet && (!dangling || c.get().used())) {
        return;
      }
      throw c.get().exception();
    }
    Stored img = images.get(id).orElseThrow();
    untagAll(id, records);
    images.delete(id);
    records.add(DeleteItem.deleted(id));
    Set<String> inUse = new HashSet<>(containers.referencedChainIds());
    images.all().forEach(s -> inUse.addAll(s.chainIds()));
    for (String chainId : img.chainIds().reversed()) {
      if (!inUse.contains(chainId) && layers.get(chainId).isPresent()) {
        layers.delete(chainId);
        records.add(DeleteItem.deleted(chainId));
      }
    }
  }

  /** Docker's order of checks: running container, other tags, stopped container. */
  private Optional<Conflict> conflict(
      String id, List<ImageUser> users, boolean checkRefs, boolean checkStopped) {
    for (ImageUser u : users) {
      if (u.running()) {
        return Optional.of(
            new Conflict(id, true, true, "image is being used by running container " + shortId(u)));
      }
    }
    if (checkRefs && !refs.refsOf(id).isEmpty()) {
      return Optional.of(
          new Conflict(id, false, false, "image is referenced in multiple repositories"));
    }
    if (checkStopped && !users.isEmpty()) {
      return Optional.of(
          new Conflict(
              id,
              false,
              true,
              "image is being used by stopped container " + shortId(users.getFirst())));
    }
    return Optional.empty();
  }

  private void untagAll(String id, List<DeleteItem> records) throws IOException {
    for (String tag : refs.refsOf(id)) {
      refs.remove(tag);
      records.add(DeleteItem.untagged(tag));
    }
  }

  /**
   * After a tag goes, the digests of its repository go too unless another tag of that repository
   * remains, as in Docker: {@code rmi x:1} of a pulled image leaves no {@code x@sha256:...}.
   */
  private void untagDigestsWithoutTag(String id, String name, List<DeleteItem> records)
      throws IOException {
    List<String> left = refs.refsOf(id);
    if (left.stream().anyMatch(r -> !r.contains("@") && nameOf(r).equals(name))) {
      return;
    }
    for (String r : left) {
      if (r.contains("@") && nameOf(r).equals(name)) {
        refs.remove(r);
        records.add(DeleteItem.untagged(r));
      }
    }
  }

  /** At most one tag, and every reference in one repository: removing by id takes them all. */
  private static boolean isSingleReference(List<String> all) {
    if (all.isEmpty()) {
      return false;
    }
    long tags = all.stream().filter(r -> !r.contains("@")).count();
    return tags <= 1 && all.stream().map(ImageRemover::nameOf).distinct().count() == 1;
  }

  private static String nameOf(String familiarRef) {
    return Reference.parse(familiarRef).familiarName();
  }

  private static String shortId(ImageUser u) {
    return Id.shortId(u.containerId());
  }

  /** Whether the user named the image by (a prefix of) its id rather than by a tag. */
  static boolean isIdPrefix(String id, String ref) {
    return id.startsWith(ref) || id.substring(id.indexOf(':') + 1).startsWith(ref);
  }
}
