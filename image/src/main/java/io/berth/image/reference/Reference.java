package io.berth.image.reference;

import io.berth.common.error.InvalidParameterException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalised image name: {@code busybox} is held as domain {@code docker.io}, path {@code
 * library/busybox}. The engine keys its tags by {@link #familiarString()} so that every spelling of
 * the same name finds the same image.
 *
 * @param domain registry host[:port], {@code docker.io} for Docker Hub
 * @param path repository path inside the registry
 * @param tag the tag, or null
 * @param digest {@code sha256:<hex>}, or null
 */
public record Reference(String domain, String path, String tag, String digest) {
  public static final String DEFAULT_TAG = "latest";
  private static final String DEFAULT_DOMAIN = "docker.io";
  private static final String LEGACY_DOMAIN = "index.docker.io";
  private static final String OFFICIAL_PREFIX = "library/";
  private static final int MAX_PATH = 255;
  private static final int MAX_INPUT = 4096;

  private static final String ALNUM = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[(?:[a-fA-F0-9:]+)\\])";
  private static final String DOMAIN_AND_PORT = HOST + "(?::[0-9]+)?";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
  private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
  private static final String REMOTE_NAME = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String NAME = "(?:" + DOMAIN_AND_PORT + "/)?" + REMOTE_NAME;

  private static final Pattern REFERENCE =
      Pattern.compile("^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
  private static final Pattern ANCHORED_NAME =
      Pattern.compile("^(?:(" + DOMAIN_AND_PORT + ")/)?(" + REMOTE_NAME + ")$");
  private static final Pattern ANCHORED_TAG = Pattern.compile("^" + TAG + "$");
  private static final Pattern IDENTIFIER = Pattern.compile("^[a-f0-9]{64}$");
  private static final Pattern SHA256_HEX = Pattern.compile("^[a-f0-9]{64}$");

  public Reference {
    Objects.requireNonNull(domain);
    Objects.requireNonNull(path);
  }

  /**
   * Parses a name the way {@code docker} does for user input ({@code ParseNormalizedNamed}): {@code
   * busybox}, {@code busybox:1}, {@code library/busybox}, {@code localhost:5000/x/y:t@sha256:...}.
   *
   * @throws InvalidParameterException with Docker's message when the name is invalid
   */
  public static Reference parse(String s) {
    if (s.length() > MAX_INPUT) {
      throw invalid("invalid reference format");
    }
    if (IDENTIFIER.matcher(s).matches()) {
      throw invalid(
          "invalid repository name (" + s + "), cannot specify 64-byte hexadecimal strings");
    }
    String[] split = splitDomain(s);
    String remainder = split[1];
    int colon = remainder.indexOf(':');
    String remote = colon >= 0 ? remainder.substring(0, colon) : remainder;
    if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
      throw invalid("invalid reference format: repository name (" + remote + ") must be lowercase");
    }
    return parseCanonical(split[0] + "/" + remainder);
  }

  /**
   * A repository and separate tag as given to {@code POST /images/{name}/tag} or an import: the tag
   * defaults to {@code latest} and digests are refused.
   */
  public static Reference parseRepoTag(String repo, String tag) {
    Reference ref = parse(repo);
    if (ref.digest != null) {
      throw invalid("cannot import digest reference");
    }
    if (tag == null || tag.isEmpty()) {
      return ref.withDefaultTag();
    }
    if (!ANCHORED_TAG.matcher(tag).matches()) {
      throw invalid("invalid tag format");
    }
    return new Reference(ref.domain, ref.path, tag, null);
  }

  /** The name with {@code :latest} added when it carries neither tag nor digest. */
  public Reference withDefaultTag() {
    return tag == null && digest == null ? new Reference(domain, path, DEFAULT_TAG, null) : this;
  }

  /** {@code docker.io/library/busybox}. */
  public String name() {
    return domain + "/" + path;
  }

  /** {@code busybox}, {@code user/app}, {@code localhost:5000/x}. */
  public String familiarName() {
    if (!DEFAULT_DOMAIN.equals(domain)) {
      return name();
    }
    if (path.startsWith(OFFICIAL_PREFIX)) {
      String rest = path.substring(OFFICIAL_PREFIX.length());
      if (rest.indexOf('/') < 0) {
        return rest;
      }
    }
    return path;
  }

  /** The familiar name with its tag and digest: the form stored and shown in RepoTags. */
  public String familiarString() {
    return familiarName() + suffix();
  }

  @Override
  public String toString() {
    return name() + suffix();
  }

  private String suffix() {
    return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  private static Reference parseCanonical(String s) {
    Matcher m = REFERENCE.matcher(s);
    if (!m.matches()) {
      if (s.isEmpty()) {
        throw invalid("repository name must have at least one component");
      }
      if (REFERENCE.matcher(s.toLowerCase(Locale.ROOT)).matches()) {
        throw invalid("repository name must be lowercase");
      }
      throw invalid("invalid reference format");
    }
    Matcher name = ANCHORED_NAME.matcher(m.group(1));
    String domain = "";
    String path = m.group(1);
    if (name.matches()) {
      domain = name.group(1) == null ? "" : name.group(1);
      path = name.group(2);
    }
    if (path.length() > MAX_PATH) {
      throw invalid("repository name must not be more than " + MAX_PATH + " characters");
    }
    return new Reference(domain, path, m.group(2), checkDigest(m.group(3)));
  }

  private static String checkDigest(String digest) {
    if (digest == null) {
      return null;
    }
    int colon = digest.indexOf(':');
    if (!"sha256".equals(digest.substring(0, colon))) {
      throw invalid("unsupported digest algorithm");
    }
    if (!SHA256_HEX.matcher(digest.substring(colon + 1)).matches()) {
      throw invalid("invalid checksum digest length");
    }
    return digest;
  }

  /** Docker's splitDockerDomain: the first component is a registry only if it looks like one. */
  private static String[] splitDomain(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return new String[] {DEFAULT_DOMAIN, OFFICIAL_PREFIX + s};
    }
    String first = s.substring(0, slash);
    String rest = s.substring(slash + 1);
    String domain;
    String remote;
    if (first.equals("localhost")
        || first.contains(".")
        || first.contains(":")
        || !first.toLowerCase(Locale.ROOT).equals(first)) {
      domain = first.equals(LEGACY_DOMAIN) ? DEFAULT_DOMAIN : first;
      remote = rest;
    } else {
      domain = DEFAULT_DOMAIN;
      remote = s;
    }
    if (domain.equals(DEFAULT_DOMAIN) && remote.indexOf('/') < 0) {
      remote = OFFICIAL_PREFIX + remote;
    }
    return new String[] {domain, remote};
  }

  private static InvalidParameterException invalid(String message) {
    return new InvalidParameterException(message);
  }
}
