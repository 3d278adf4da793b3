package io.berth.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.json.Json;
import io.berth.linux.Fd;
import io.berth.linux.Spawn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts conmon for one container. conmon runs {@code runc create}, holds the container's stdio,
 * writes the log and the exit file, and outlives the daemon. Its answer comes back on the sync
 * pipe (fd 3 in conmon): {@code {"data": pid}} or {@code {"data": -1, "message": "..."}}.
 */
final class Conmon {
  private final Path conmon;
  private final Path runc;
  private final RuntimePaths paths;

  Conmon(Path conmon, Path runc, RuntimePaths paths) {
    this.conmon = conmon;
    this.runc = runc;
    this.paths = paths;
  }

  /** Blocks (natively) until runc create has finished: call from a platform thread. */
  int create(String id, String name, Path logPath, Stdin stdin, boolean tty) {
    Path bundle = paths.bundle(id);
    List<String> argv = new ArrayList<>(List.of(
        conmon.toString(), "--api-version", "1", "-c", id, "-u", id, "-r", runc.toString(),
        "-b", bundle.toString(), "-p", bundle.resolve("pidfile").toString(), "-n", name,
        "--exit-dir", paths.exits().toString(), "--socket-dir-path", paths.sockets().toString(),
        // no --conmon-pidfile: conmon fsyncs it, which costs milliseconds on every start
        "-l", "k8s-file:" + logPath, "--log-level", "error",
        // the log is read from the page cache; an fsync would delay the exit file on every exit
        "--no-sync-log",
        // conmon marks an OOM kill with a file "oom" here (and in its working directory: the bundle)
        "--persist-dir", paths.persist(id).toString(),
        "--runtime-arg", "--root=" + paths.runcRoot()));
    stdin.addTo(argv);
    if (tty) {
      argv.add("-t");
    }
    int[] sync = Fd.pipe();
    try {
      int pid;
      try {
        try {
          java.nio.file.Files.createDirectories(paths.persist(id));
          java.nio.file.Files.deleteIfExists(paths.persist(id).resolve("oom"));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        pid = Spawn.spawn(argv, Map.of("_OCI_SYNCPIPE", "3", "PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
            Map.of(3, sync[1]), bundle);
      } finally {
        Fd.close(sync[1]);
      }
      int status = Spawn.waitFor(pid);
      String line = new Lines(sync[0]).next();
      if (line.isEmpty()) {
        throw new OciError("conmon exited with status " + status + " before creating the container");
      }
      JsonNode n = Json.tree(line.getBytes(StandardCharsets.UTF_8));
      int data = n.path("data").asInt(-1);
      if (data <= 0) {
        throw new OciError(runcMessage(n.path("message").asText("runc create failed")));
      }
      return data;
    } finally {
      Fd.close(sync[0]);
    }
  }

  /**
   * An exec session's conmon while it runs: the socket its output comes from (null when not
   * attached) and the sync pipe that carries the exit code at the end.
   */
  record Exec(int pid, io.berth.linux.SeqPacketSocket attach, Lines sync) {}

  /**
   * The lines conmon writes on a pipe. A quick process's pid and exit code can arrive in one
   * read: what follows the first line is kept for the next.
   */
  static final class Lines {
    private final int fd;
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    Lines(int fd) {
      this.fd = fd;
    }

    /** The next line without its newline; empty at the end. */
    String next() {
      while (true) {
        byte[] have = pending.toByteArray();
        for (int i = 0; i < have.length; i++) {
          if (have[i] == '\n') {
            pending.reset();
            pending.write(have, i + 1, have.length - i - 1);
            return new String(have, 0, i, StandardCharsets.UTF_8);
          }
        }
        byte[] b = Fd.read(fd, 4096);
        if (b.length == 0) {
          pending.reset();
          return new String(have, StandardCharsets.UTF_8);
        }
        pending.writeBytes(b);
      }
    }

    void close() {
      Fd.close(fd);
    }
  }

  /**
   * Has conmon run {@code runc exec} for one process (blocks natively: a platform thread). With
   * {@code attach}, the attach socket is connected before the process starts, so no output is
   * lost; conmon logs nothing, output goes to the attached client only.
   */
  Exec exec(String containerId, String execId, String name, Path processJson, Stdin stdin, boolean tty,
      boolean attach) {
    Path dir = paths.execDir(execId);
    List<String> argv = new ArrayList<>(List.of(
        conmon.toString(), "--api-version", "1", "-c", containerId, "-u", execId, "-r", runc.toString(),
        "-b", dir.toString(), "-p", dir.resolve("pidfile").toString(), "-n", name,
        "--exit-dir", dir.resolve("exits").toString(), "--socket-dir-path", paths.sockets().toString(),
        "-l", "none", "--log-level", "error", "--exec", "--exec-process-spec", processJson.toString(),
        "--runtime-arg", "--root=" + paths.runcRoot()));
    if (attach) {
      argv.add("--exec-attach");
    }
    stdin.addTo(argv);
    if (tty) {
      argv.add("-t");
    }
    int[] sync = Fd.pipe();
    Lines syncLines = new Lines(sync[0]);
    int[] start = Fd.pipe();
    int[] ready = attach ? Fd.pipe() : null;
    io.berth.linux.SeqPacketSocket socket = null;
    boolean ok = false;
    try {
      Map<String, String> env = new java.util.HashMap<>(Map.of("_OCI_SYNCPIPE", "3", "_OCI_STARTPIPE", "4",
          "PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
      Map<Integer, Integer> fds = new java.util.HashMap<>(Map.of(3, sync[1], 4, start[0]));
      if (attach) {
        env.put("_OCI_ATTACHPIPE", "5");
        fds.put(5, ready[1]);
      }
      int pid;
      try {
        pid = Spawn.spawn(argv, env, fds, dir);
      } finally {
        Fd.close(sync[1]);
        Fd.close(start[0]);
        if (attach) {
          Fd.close(ready[1]);
        }
      }
      long t0 = System.nanoTime();
      // conmon waits for this before it forks into the background
      Fd.write(start[1], new byte[] {'0'});
      Spawn.waitFor(pid);
      long t1 = System.nanoTime();
      if (attach) {
        String line = new Lines(ready[0]).next();
        if (line.isEmpty()) {
          throw new OciError(execFailure(syncLines.next()));
        }
        socket = io.berth.linux.SeqPacketSocket.connect(paths.sockets().resolve(execId).resolve("attach"));
        // now the process may start: its first byte has a reader
        Fd.write(start[1], new byte[] {'0'});
      }
      long t2 = System.nanoTime();
      String line = syncLines.next();
      int data = line.isEmpty() ? -1 : Json.tree(line.getBytes(StandardCharsets.UTF_8)).path("data").asInt(-1);
      if (data <= 0) {
        throw new OciError(execFailure(line));
      }
      System.getLogger("berth.exec").log(System.Logger.Level.DEBUG, "exec {0}: conmon up {1} us, attached {2} us,"
          + " runc exec {3} us", execId, (t1 - t0) / 1000, (t2 - t1) / 1000, (System.nanoTime() - t2) / 1000);
      ok = true;
      return new Exec(data, socket, syncLines);
    } finally {
      Fd.close(start[1]);
      if (attach) {
        Fd.close(ready[0]);
      }
      if (!ok) {
        syncLines.close();
        if (socket != null) {
          socket.close();
        }
      }
    }
  }

  /** The exit code conmon sends when the exec'd process ends (blocks natively); -1 if none came. */
  static int execExit(Lines sync) {
    try {
      String line = sync.next();
      return line.isEmpty() ? -1 : Json.tree(line.getBytes(StandardCharsets.UTF_8)).path("data").asInt(-1);
    } finally {
      sync.close();
    }
  }

  private static String execFailure(String line) {
    if (line.isEmpty()) {
      return "conmon exited before running the exec";
    }
    JsonNode n = Json.tree(line.getBytes(StandardCharsets.UTF_8));
    return runcMessage(n.path("message").asText("runc exec failed"));
  }

  /** runc logs {@code time=... level=error msg="..."}: keep the message. */
  static String runcMessage(String stderr) {
    var m = java.util.regex.Pattern.compile("msg=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(stderr);
    String msg = stderr.strip();
    while (m.find()) {
      msg = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return msg;
  }
}
