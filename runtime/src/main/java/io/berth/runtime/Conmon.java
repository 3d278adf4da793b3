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
  int create(String id, String name, Path logPath, boolean stdin, boolean tty) {
    Path bundle = paths.bundle(id);
    List<String> argv = new ArrayList<>(List.of(
        conmon.toString(), "--api-version", "1", "-c", id, "-u", id, "-r", runc.toString(),
        "-b", bundle.toString(), "-p", bundle.resolve("pidfile").toString(), "-n", name,
        "--exit-dir", paths.exits().toString(), "--socket-dir-path", paths.sockets().toString(),
        // no --conmon-pidfile: conmon fsyncs it, which costs milliseconds on every start
        "-l", "k8s-file:" + logPath, "--log-level", "error",
        // the log is read from the page cache; an fsync would delay the exit file on every exit
        "--no-sync-log",
        "--runtime-arg", "--root=" + paths.runcRoot()));
    if (stdin) {
      argv.add("-i");
    }
    if (tty) {
      argv.add("-t");
    }
    int[] sync = Fd.pipe();
    try {
      int pid;
      try {
        pid = Spawn.spawn(argv, Map.of("_OCI_SYNCPIPE", "3", "PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
            Map.of(3, sync[1]));
      } finally {
        Fd.close(sync[1]);
      }
      int status = Spawn.waitFor(pid);
      String line = readLine(sync[0]);
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

  /** conmon keeps its end open for the container's lifetime: read one line, not to EOF. */
  private static String readLine(int fd) {
    var out = new java.io.ByteArrayOutputStream();
    while (true) {
      byte[] b = Fd.read(fd, 4096);
      out.writeBytes(b);
      String s = out.toString(StandardCharsets.UTF_8);
      int nl = s.indexOf('\n');
      if (b.length == 0 || nl >= 0) {
        return nl >= 0 ? s.substring(0, nl) : s;
      }
    }
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
