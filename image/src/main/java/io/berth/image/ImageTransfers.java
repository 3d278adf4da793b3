package io.berth.image;

import io.berth.common.Id;
import io.berth.common.error.SystemException;
import io.berth.image.ImageStore.Stored;
import io.berth.image.layer.LayerInfo;
import io.berth.image.layer.LayerStore;
import io.berth.image.pull.Progress;
import io.berth.image.pull.PullTarget;
import io.berth.image.push.Pusher;
import io.berth.image.reference.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store as pulls, pushes, saves and loads see it: the slow parts (unpacking, reading blobs)
 * run outside the store's lock, publishing inside it.
 */
final class ImageTransfers {
  private static final java.util.regex.Pattern HEX64 = java.util.regex.Pattern.compile("[0-9a-f]{64}");
  private final ImageService svc;

  ImageTransfers(ImageService svc) {
    this.svc = svc;
  }

  /** The store as a push reads it. */
  final class PushSource implements Pusher.Source {
    @Override
    public Optional<Pusher.LayerTar> layerTar(String diffId) throws IOException {
      return svc.layerStore.rebuiltTar(diffId).map(t -> new Pusher.LayerTar(t.stream(), t.size()));
    }

    @Override
    public Optional<Pusher.Image> image(String familiarRef) {
      svc.lock.lock();
      try {
        return svc.refs.get(familiarRef).flatMap(svc.images::get).map(s -> new Pusher.Image(s.id(), s.raw(),
            s.doc().rootfs() == null || s.doc().rootfs().diffIds() == null ? List.of() : s.doc().rootfs().diffIds()));
      } finally {
        svc.lock.unlock();
      }
    }

    @Override
    public List<String> tags(String familiarName) {
      svc.lock.lock();
      try {
        List<String> out = new ArrayList<>();
        for (Stored s : svc.images.all()) {
          for (String r : svc.refs.refsOf(s.id())) {
            if (!r.contains("@") && Reference.parse(r).familiarName().equals(familiarName)) {
              out.add(r);
            }
          }
        }
        out.sort(null);
        return out;
      } finally {
        svc.lock.unlock();
      }
    }

    @Override
    public void addReference(String familiarRef, String imageId) {
      svc.lock.lock();
      try {
        if (svc.images.get(imageId).isPresent()) {
          svc.refs.put(familiarRef, imageId);
        }
      } catch (IOException e) {
        throw new SystemException("cannot save references: " + e.getMessage(), e);
      } finally {
        svc.lock.unlock();
      }
    }
  }

  /** The store as a pull sees it: unpacking runs outside the lock, publishing inside. */
  final class Target implements PullTarget {
    @Override
    public boolean hasImage(String id) {
      svc.lock.lock();
      try {
        return svc.images.get(id).isPresent();
      } finally {
        svc.lock.unlock();
      }
    }

    @Override
    public boolean hasLayer(String chainId) {
      return svc.layerStore.get(chainId).isPresent();
    }

    @Override
    public LayerStore.Pending extract(InputStream tar) {
      return svc.layerStore.extract(tar);
    }

    @Override
    public LayerInfo commit(LayerStore.Pending pending, String parent) {
      svc.lock.lock();
      try {
        return svc.layerStore.commit(pending, parent);
      } finally {
        svc.lock.unlock();
      }
    }

    @Override
    public void discard(LayerStore.Pending pending) {
      svc.layerStore.discard(pending.workDir());
    }

    @Override
    public boolean store(byte[] config, List<String> refNames) {
      svc.lock.lock();
      try {
        Stored img = svc.images.add(config);
        boolean moved = !svc.refs.get(refNames.getFirst()).equals(Optional.of(img.id()));
        for (String r : refNames) {
          if (!svc.refs.get(r).equals(Optional.of(img.id()))) {
            svc.refs.put(r, img.id());
          }
        }
        return moved;
      } catch (IOException e) {
        throw new SystemException("cannot store pulled image: " + e.getMessage(), e);
      } finally {
        svc.lock.unlock();
      }
    }
  }

  /**
   * Finds the images of {@code docker save}: a name with a tag (or a digest), a bare name for
   * every tag of that repository, an id for the image without names; the job writes the tarball.
   *
   * @throws NotFoundException for a name that is no image, before anything is written
   */
  ImageService.SaveJob save(List<String> names) {
    List<ImageSaver.Item> items = new ArrayList<>();
    svc.lock.lock();
    try {
      java.util.Map<String, List<String>> byId = new java.util.LinkedHashMap<>();
      java.util.Map<String, Stored> stored = new java.util.HashMap<>();
      for (String name : names) {
        Stored img;
        List<String> tags = new ArrayList<>();
        if (isIdLike(name)) {
          img = svc.resolve(name);
        } else {
          Reference r = Reference.parse(name);
          if (r.tag() == null && r.digest() == null) {
            for (Stored s : svc.images.all()) {
              for (String t : svc.refs.refsOf(s.id())) {
                if (!t.contains("@") && Reference.parse(t).familiarName().equals(r.familiarName())) {
                  stored.put(s.id(), s);
                  byId.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(t);
                }
              }
            }
            if (!byId.isEmpty()) {
              continue;
            }
          }
          img = svc.resolve(name);
          if (r.digest() == null) {
            tags.add(r.withDefaultTag().familiarString());
          }
        }
        stored.put(img.id(), img);
        List<String> list = byId.computeIfAbsent(img.id(), k -> new ArrayList<>());
        tags.stream().filter(t -> !list.contains(t)).forEach(list::add);
      }
      byId.forEach((id, tags) -> items.add(new ImageSaver.Item(stored.get(id), tags)));
    } finally {
      svc.lock.unlock();
    }
    java.util.Map<String, Long> tarSizes = new java.util.HashMap<>();
    java.util.Map<String, String> rebuildable = new java.util.HashMap<>();
    for (ImageSaver.Item item : items) {
      for (String chainId : item.image().chainIds()) {
        svc.layerStore.get(chainId).ifPresent(l -> {
          tarSizes.put(l.diffId(), l.tarSize());
          if (svc.layerStore.hasTarSplit(chainId)) {
            rebuildable.put(l.diffId(), chainId);
          }
        });
      }
    }
    ImageSaver.LayerTars tars = new ImageSaver.LayerTars() {
      @Override
      public boolean write(String diffId, java.io.OutputStream out) throws IOException {
        String chainId = rebuildable.get(diffId);
        return chainId != null && svc.layerStore.writeTar(chainId, out);
      }

      @Override
      public boolean has(String diffId) {
        return rebuildable.containsKey(diffId);
      }

      @Override
      public void broken(String diffId) throws IOException {
        String chainId = rebuildable.get(diffId);
        if (chainId != null) {
          svc.layerStore.dropTarSplit(chainId);
        }
      }
    };
    return out -> new ImageSaver(svc.content, svc.metadata, svc.paths.tmp(), d -> tarSizes.getOrDefault(d, 0L),
        tars).write(items, out);
  }


  private boolean isIdLike(String name) {
    String hex = name.startsWith("sha256:") ? name.substring(7) : name;
    return HEX64.matcher(hex).matches() || (!name.contains("/") && !name.contains(":") && Id.isHexPrefix(hex)
        && svc.refs.get(Reference.parse(name).withDefaultTag().familiarString()).isEmpty()
        && svc.images.byPrefix(hex).size() == 1);
  }

  /**
   * Loads {@code docker save} tarballs (Docker 25+ and older), or OCI layouts, plain or
   * compressed; {@code out} receives {@code Loaded image: busybox:latest} lines.
   */
  void load(InputStream archive, Consumer<String> out, Progress progress) {
    ImageLoader.Target t = new ImageLoader.Target() {
      @Override
      public LayerStore layers() {
        return svc.layerStore;
      }

      @Override
      public void commit(LayerStore.Pending p, String parent) {
        svc.lock.lock();
        try {
          svc.layerStore.commit(p, parent);
        } finally {
          svc.lock.unlock();
        }
      }

      @Override
      public List<String> store(byte[] config, List<String> tags) {
        svc.lock.lock();
        try {
          Stored img = svc.images.add(config);
          List<String> lines = new ArrayList<>();
          for (String tag : tags) {
            Optional<String> old = svc.refs.get(tag);
            if (old.isPresent() && !old.get().equals(img.id())) {
              lines.add("The image " + tag + " already exists, renaming the old one with ID " + old.get()
                  + " to empty string");
            }
            svc.refs.put(tag, img.id());
            lines.add("Loaded image: " + tag);
          }
          if (tags.isEmpty()) {
            lines.add("Loaded image ID: " + img.id());
          }
          return lines;
        } catch (IOException e) {
          throw new SystemException("cannot store loaded image: " + e.getMessage(), e);
        } finally {
          svc.lock.unlock();
        }
      }
    };
    try {
      new ImageLoader(svc.content, svc.metadata, t, progress).load(archive, out);
    } catch (IOException e) {
      throw new SystemException("cannot load images: " + e.getMessage(), e);
    }
  }

}
