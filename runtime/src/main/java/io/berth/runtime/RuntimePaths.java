package io.berth.runtime;

import java.nio.file.Path;

/**
 * The runtime's tree under the exec root (a tmpfs: gone at reboot, as are the containers):
 *
 * <pre>
 * &lt;exec-root&gt;/runc/          runc's state (--root)
 * &lt;exec-root&gt;/exits/&lt;id&gt;     exit code written by conmon when the container's process ends
 * &lt;exec-root&gt;/s/&lt;id&gt;         conmon's link to the bundle; s/&lt;id&gt;/attach is the attach socket
 * &lt;exec-root&gt;/b/&lt;id&gt;/        OCI bundle: config.json, pidfile, ctl, winsz
 * &lt;exec-root&gt;/e/&lt;exec id&gt;/   an exec session's: process.json, pidfile, ctl, exits/&lt;container id&gt;
 * &lt;exec-root&gt;/p/&lt;id&gt;/        conmon's persist dir: its copy of the exit code, "oom" after an OOM kill
 * </pre>
 */
public record RuntimePaths(Path execRoot) {
  public Path runcRoot() {
    return execRoot.resolve("runc");
  }

  public Path exits() {
    return execRoot.resolve("exits");
  }

  public Path exitFile(String id) {
    return exits().resolve(id);
  }

  public Path sockets() {
    return execRoot.resolve("s");
  }

  public Path attachSocket(String id) {
    return sockets().resolve(id).resolve("attach");
  }

  public Path bundle(String id) {
    return execRoot.resolve("b").resolve(id);
  }

  /** conmon's persist directory for a container: "oom" appears there when the OOM killer acts. */
  public Path persist(String id) {
    return execRoot.resolve("p").resolve(id);
  }

  /** An exec session's own directory: conmon's bundle for it, and its exit directory. */
  public Path execDir(String execId) {
    return execRoot.resolve("e").resolve(execId);
  }
}
