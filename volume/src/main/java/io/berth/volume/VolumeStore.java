package io.berth.volume;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where volumes and their data live. A create or a remove is whole or not at all, also across a
 * crash: a store never shows a volume without its metadata or its data directory.
 */
public interface VolumeStore {
  /**
   * Makes a volume with an empty data directory. Null labels or options are kept as null.
   *
   * @throws io.berth.common.error.ConflictException when the name is taken
   */
  Volume create(String name, Map<String, String> labels, Map<String, String> options);

  Optional<Volume> get(String name);

  /** Every volume, by name. */
  List<Volume> list();

  /**
   * Removes the volume and its data. Links in the data are removed, never followed.
   *
   * @throws io.berth.common.error.NotFoundException when there is none by that name
   */
  void remove(String name);

  /** The bytes its data takes, links not followed. */
  long size(String name);
}
