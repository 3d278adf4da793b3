package io.berth.image;

/** One line of an image removal report: exactly one of the two is set, as in Docker's API. */
public record DeleteItem(String untagged, String deleted) {
  public static DeleteItem untagged(String ref) {
    return new DeleteItem(ref, null);
  }

  public static DeleteItem deleted(String id) {
    return new DeleteItem(null, id);
  }
}
