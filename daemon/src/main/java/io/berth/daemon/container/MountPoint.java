package io.berth.daemon.container;

/**
 * One of a container's mounts, settled at create as dockerd settles them: a volume (named or
 * anonymous), a bind of a host path, or a tmpfs asked for with {@code --mount}. ({@code --tmpfs}
 * mounts are not mount points: dockerd keeps them in the host config only.)
 *
 * @param type {@code volume}, {@code bind} or {@code tmpfs}
 * @param name the volume's name; empty for the others
 * @param source the host path: a bind's source, a volume's data directory; empty for tmpfs
 * @param mode the mode string inspect shows ({@code z} for a local volume given none)
 * @param propagation a bind's propagation ({@code rprivate} unless asked); empty for the others
 * @param anonymous made for this container without a name: {@code rm -v} and {@code --rm} remove it
 * @param createSource a bind of {@code -v}: a missing source directory is made at start
 * @param nonRecursive a bind of the source alone, without the mounts under it
 * @param tmpfsData the tmpfs mount's data ({@code size=64m,mode=1777}); empty for the others
 */
public record MountPoint(
    String type,
    String name,
    String source,
    String destination,
    String driver,
    String mode,
    boolean rw,
    String propagation,
    boolean anonymous,
    boolean createSource,
    boolean nonRecursive,
    String tmpfsData) {

  public boolean isVolume() {
    return type.equals("volume");
  }

  public boolean isBind() {
    return type.equals("bind");
  }

  public MountPoint withSource(String s) {
    return new MountPoint(type, name, s, destination, driver, mode, rw, propagation, anonymous, createSource,
        nonRecursive, tmpfsData);
  }

  /** As {@code --volumes-from} copies it: no mode, read-only if asked, never filled from the image. */
  public MountPoint copied(boolean readOnly) {
    return new MountPoint(type, name, source, destination, driver, "", rw && !readOnly, propagation, anonymous,
        createSource, nonRecursive, tmpfsData);
  }
}
