package io.berth.image;

import io.berth.common.error.EngineException;
import io.berth.common.error.SystemException;
import io.berth.common.json.Json;
import io.berth.image.ImageStore.Stored;
import io.berth.image.content.ContentStore;
import io.berth.image.layer.LayerInfo;
import io.berth.image.layer.LayerStore;
import io.berth.image.reference.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code docker commit}: a container's layer over its image, as a new image of the store. */
final class ImageCommits {
  private final ImageService svc;

  ImageCommits(ImageService svc) {
    this.svc = svc;
  }

  /**
   * Makes an image of a container's layer over its image, as {@code docker commit}: the parent's
   * config with the new run configuration, a history entry ({@code empty_layer} when the container
   * changed nothing) and the layer's diffID; its tar is kept for push and save.
   *
   * @return the new image's id
   */
  String commit(String containerId, String parentImageId, ImageService.Commit c) {
    Reference tag = c.repoTag() == null ? null : Reference.parseRepoTag(c.repoTag(), null);
    Path diff = svc.containers.diffDir(containerId);
    LayerStore.Pending pending = null;
    boolean empty;
    try (var entries = java.nio.file.Files.list(diff)) {
      empty = entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new SystemException("cannot read the layer of container " + containerId + ": " + e.getMessage(), e);
    }
    if (!empty) {
      io.berth.common.Digest tar;
      try (ContentStore.Writer w = svc.content.writer(null, -1)) {
        io.berth.image.archive.DirectoryTar.write(diff, Set.of(), w.stream());
        tar = w.commit();
      } catch (IOException e) {
        throw new SystemException("cannot write the layer of container " + containerId + ": " + e.getMessage(), e);
      }
      try (InputStream in = svc.content.open(tar)) {
        pending = svc.layerStore.extract(in);
      } catch (IOException e) {
        throw new SystemException("cannot unpack the committed layer: " + e.getMessage(), e);
      }
    }
    svc.lock.lock();
    try {
      Stored parent = svc.images.get(parentImageId)
          .orElseThrow(() -> EngineException.noSuch("image", parentImageId));
      var doc = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(parent.raw());
      String now = Instant.now().toString();
      List<String> chain = new ArrayList<>(parent.chainIds());
      if (pending != null) {
        String top = chain.isEmpty() ? null : chain.getLast();
        LayerInfo layer = svc.layerStore.commit(pending, top);
        pending = null;
        var rootfs = doc.withObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.withArray("diff_ids").add(layer.diffId());
      }
      doc.put("created", now);
      doc.put("container", containerId);
      doc.set("container_config", Json.mapper().valueToTree(c.containerConfig()));
      doc.set("config", Json.mapper().valueToTree(c.config()));
      doc.put("docker_version", "28.5.2");
      putOrRemove(doc, "author", c.author());
      putOrRemove(doc, "comment", c.comment());
      var h = doc.withArray("history").addObject();
      h.put("created", now);
      if (c.author() != null && !c.author().isEmpty()) {
        h.put("author", c.author());
      }
      h.put("created_by", c.createdBy());
      if (c.comment() != null && !c.comment().isEmpty()) {
        h.put("comment", c.comment());
      }
      if (empty) {
        h.put("empty_layer", true);
      }
      Stored img = svc.images.add(Json.bytes(doc));
      if (tag != null) {
        svc.refs.put(tag.familiarString(), img.id());
      }
      return img.id();
    } catch (IOException e) {
      throw new SystemException("cannot store the committed image: " + e.getMessage(), e);
    } finally {
      svc.lock.unlock();
      if (pending != null) {
        svc.layerStore.discard(pending.workDir());
      }
    }
  }

  private static void putOrRemove(com.fasterxml.jackson.databind.node.ObjectNode doc, String field, String value) {
    if (value == null || value.isEmpty()) {
      doc.remove(field);
    } else {
      doc.put(field, value);
    }
  }

}
