package io.berth.image.pull;

/** Where a pull or push reports what it does, in Docker's words. */
public interface Progress {
  /** A line about the whole operation: {@code id} is null, or the tag for {@code Pulling from}. */
  void status(String id, String status);

  /** A step of one layer ({@code Pulling fs layer}, {@code Pull complete}), {@code id} its short digest. */
  default void layer(String id, String status) {
    progress(id, status, -1, -1);
  }

  /** A line with a byte count, such as {@code Downloading}. */
  void progress(String id, String status, long current, long total);

  /** The result record of a push: {@code {"Tag", "Digest", "Size"}}. */
  default void aux(String tag, String digest, long size) {}

  Progress NONE =
      new Progress() {
        @Override
        public void status(String id, String status) {}

        @Override
        public void progress(String id, String status, long current, long total) {}
      };
}
