package io.berth.cli.auth;

import io.berth.cli.StatusError;
import io.berth.client.json.JsonReader;
import io.berth.client.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The docker CLI's {@code config.json} ({@code $DOCKER_CONFIG}, else {@code ~/.docker}), read and
 * written so that docker and berth share logins: {@code auths} entries ({@code auth} is base64 of
 * {@code user:password}), and {@code credsStore}/{@code credHelpers}, whose {@code
 * docker-credential-<name>} programs hold the secrets instead. Keys Berth does not use are kept.
 */
public final class DockerConfig {
  /** The key Docker Hub credentials are kept under. */
  public static final String HUB = "https://index.docker.io/v1/";

  /** A stored login. */
  public record Login(String username, String password, String identityToken) {}

  private final Path file;
  private final Map<String, Object> doc;

  private DockerConfig(Path file, Map<String, Object> doc) {
    this.file = file;
    this.doc = doc;
  }

  public Path file() {
    return file;
  }

  /** Loads the file of {@code env} (an absent file is an empty config). */
  public static DockerConfig load(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    Path base = dir != null && !dir.isEmpty() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".docker");
    Path file = base.resolve("config.json");
    try {
      byte[] raw = Files.readAllBytes(file);
      return new DockerConfig(file, raw.length == 0 ? new LinkedHashMap<>() : new LinkedHashMap<>(JsonReader.object(raw)));
    } catch (NoSuchFileException e) {
      return new DockerConfig(file, new LinkedHashMap<>());
    } catch (IOException | RuntimeException e) {
      throw new StatusError("loading config file: " + file + ": " + e.getMessage(), 1);
    }
  }

  /** The {@code detachKeys} the file sets, else empty (the default sequence). */
  public String detachKeys() {
    return doc.get("detachKeys") instanceof String k ? k : "";
  }

  /** The key a registry's credentials are kept under: Hub's URL, or {@code host[:port]}. */
  public static String serverKey(String domain) {
    return domain.equals("docker.io") || domain.equals("index.docker.io") ? HUB : domain;
  }

  private String helperFor(String server) {
    if (doc.get("credHelpers") instanceof Map<?, ?> m && m.get(server) instanceof String h && !h.isEmpty()) {
      return h;
    }
    return doc.get("credsStore") instanceof String s && !s.isEmpty() ? s : null;
  }

  private Map<String, Object> auths() {
    if (doc.get("auths") instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) m;
      return typed;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    doc.put("auths", created);
    return created;
  }

  /** The login stored for {@code server}, from its helper or from {@code auths}. */
  public Optional<Login> get(String server) {
    String helper = helperFor(server);
    if (helper != null) {
      Helper.Result r = Helper.run(helper, "get", server);
      if (r.exit() != 0) {
        return Optional.empty(); // "credentials not found in native keychain"
      }
      Map<String, Object> m = JsonReader.object(r.out());
      String user = String.valueOf(m.getOrDefault("Username", ""));
      String secret = String.valueOf(m.getOrDefault("Secret", ""));
      return Optional.of(user.equals("<token>") ? new Login("", "", secret) : new Login(user, secret, ""));
    }
    if (!(auths().get(server) instanceof Map<?, ?> entry)) {
      return Optional.empty();
    }
    String user = "";
    String password = "";
    if (entry.get("auth") instanceof String a && !a.isEmpty()) {
      String pair = new String(Base64.getDecoder().decode(a), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      user = colon < 0 ? pair : pair.substring(0, colon);
      password = colon < 0 ? "" : pair.substring(colon + 1);
    }
    String token = entry.get("identitytoken") instanceof String t ? t : "";
    return Optional.of(new Login(user, password, token));
  }

  /** The {@code X-Registry-Auth} value for {@code server}: empty when nothing is stored. */
  public String registryAuth(String server) {
    return get(server).map(l -> encode(l, server)).orElse("");
  }

  /** base64url JSON, as the docker CLI encodes an AuthConfig. */
  public static String encode(Login l, String server) {
    JsonWriter w = new JsonWriter().beginObject();
    if (!l.username().isEmpty()) {
      w.member("username", l.username());
    }
    if (!l.password().isEmpty()) {
      w.member("password", l.password());
    }
    if (!l.identityToken().isEmpty()) {
      w.member("identitytoken", l.identityToken());
    }
    w.member("serveraddress", server).endObject();
    return Base64.getUrlEncoder().encodeToString(w.toBytes());
  }

  /** Stores a login; true when it went to a credential helper rather than the file. */
  public boolean store(String server, Login l) {
    String helper = helperFor(server);
    if (helper != null) {
      String user = l.identityToken().isEmpty() ? l.username() : "<token>";
      String secret = l.identityToken().isEmpty() ? l.password() : l.identityToken();
      byte[] in = new JsonWriter().beginObject().member("ServerURL", server).member("Username", user)
          .member("Secret", secret).endObject().toBytes();
      Helper.Result r = Helper.run(helper, "store", in);
      if (r.exit() != 0) {
        throw new StatusError("error storing credentials - err: exit status " + r.exit() + ", out: `"
            + new String(r.out(), StandardCharsets.UTF_8).trim() + "`", 1);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      auths().put(server, entry);
      save();
      return true;
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    if (l.identityToken().isEmpty()) {
      entry.put("auth", Base64.getEncoder().encodeToString(
          (l.username() + ":" + l.password()).getBytes(StandardCharsets.UTF_8)));
    } else {
      entry.put("auth", Base64.getEncoder().encodeToString((l.username() + ":").getBytes(StandardCharsets.UTF_8)));
      entry.put("identitytoken", l.identityToken());
    }
    auths().put(server, entry);
    save();
    return false;
  }

  /** Forgets a login; false when there was none. */
  public boolean erase(String server) {
    boolean had = auths().remove(server) != null;
    String helper = helperFor(server);
    if (helper != null) {
      had |= Helper.run(helper, "erase", server).exit() == 0;
    }
    if (had) {
      save();
    }
    return had;
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "config.json", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      JsonWriter w = new JsonWriter();
      write(w, doc);
      Files.write(tmp, w.toBytes());
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new StatusError("saving config file: " + file + ": " + e.getMessage(), 1);
    }
  }

  private static void write(JsonWriter w, Object v) {
    switch (v) {
      case null -> w.nullValue();
      case Map<?, ?> m -> {
        w.beginObject();
        m.forEach((k, x) -> {
          w.name(String.valueOf(k));
          write(w, x);
        });
        w.endObject();
      }
      case List<?> l -> {
        w.beginArray();
        l.forEach(x -> write(w, x));
        w.endArray();
      }
      case Boolean b -> w.value(b);
      case Long n -> w.value(n);
      case Integer n -> w.value(n);
      case BigInteger n -> w.value(n.longValue());
      case BigDecimal n -> w.value(n.toPlainString());
      default -> w.value(String.valueOf(v));
    }
  }

  /** {@code docker-credential-<name>}, the credential helper protocol. */
  static final class Helper {
    record Result(int exit, byte[] out) {}

    static Result run(String name, String verb, String input) {
      return run(name, verb, input.getBytes(StandardCharsets.UTF_8));
    }

    static Result run(String name, String verb, byte[] input) {
      String program = "docker-credential-" + name;
      try {
        Process p = new ProcessBuilder(program, verb).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getOutputStream()) {
          in.write(input);
        }
        byte[] out;
        try (InputStream o = p.getInputStream()) {
          out = o.readAllBytes();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return new Result(-1, out);
        }
        return new Result(p.exitValue(), out);
      } catch (IOException e) {
        throw new StatusError("error getting credentials - err: exec: \"" + program
            + "\": executable file not found in $PATH, out: ``", 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StatusError("interrupted", 1);
      }
    }
  }
}
