package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.client.Containers;
import io.berth.common.HumanSize;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code berth cp}: between a container and the local file system, either way, or as a tar on
 * stdin or stdout ({@code -}), by docker's rules for paths, trailing {@code /} and {@code /.},
 * links ({@code -L}) and owners ({@code -a}).
 */
public final class CpCommand extends Command {
  /** Go's os.ModeDir and os.ModeSymlink, as the daemon's stat header carries them. */
  private static final long MODE_DIR = 1L << 31;
  private static final long MODE_SYMLINK = 1L << 27;
  private static final long MODE_TYPE = MODE_DIR | MODE_SYMLINK | (1L << 26) | (1L << 25) | (1L << 24)
      | (1L << 21) | (1L << 19);

  public CpCommand() {
    flags.bool("L", "follow-link", "Always follow symbol link in SRC_PATH")
        .bool("a", "archive", "Archive mode (copy all uid/gid information)")
        .bool("q", "quiet", "Suppress progress output during copy. Progress output is automatically suppressed"
            + " if no terminal is attached");
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tberth cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH";
  }

  @Override
  public String description() {
    return "Copy files/folders between a container and the local filesystem";
  }

  @Override
  public String aliases() {
    return "berth container cp, berth cp";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(2);
  }

  @Override
  public int run(Cli cli, Parsed p) throws Exception {
    String source = p.args().get(0);
    String destination = p.args().get(1);
    if (source.isEmpty()) {
      throw new StatusError("source can not be empty", 1);
    }
    if (destination.isEmpty()) {
      throw new StatusError("destination can not be empty", 1);
    }
    boolean quiet = p.changed("quiet") ? p.bool("quiet") : !io.berth.cli.Terminal.isTty(1);
    String[] src = split(source);
    String[] dst = split(destination);
    try {
      if (src[0] != null && dst[0] != null) {
        throw new StatusError("copying between containers is not supported", 1);
      }
      if (src[0] != null) {
        fromContainer(cli, src[0], src[1], dst[1], p.bool("follow-link"), quiet);
      } else if (dst[0] != null) {
        toContainer(cli, dst[0], src[1], dst[1], p.bool("follow-link"), p.bool("archive"), quiet);
      } else {
        throw new StatusError("must specify at least one container source", 1);
      }
    } catch (CopyArchive.Failure e) {
      throw new StatusError(e.getMessage(), 1);
    }
    return 0;
  }

  /** docker's splitCpArg: CONTAINER:PATH, unless the argument is an absolute or ./ path. */
  static String[] split(String arg) {
    if (arg.startsWith("/")) {
      return new String[] {null, arg};
    }
    int colon = arg.indexOf(':');
    if (colon < 0 || arg.startsWith(".")) {
      return new String[] {null, arg};
    }
    return new String[] {arg.substring(0, colon), arg.substring(colon + 1)};
  }

  private static void fromContainer(Cli cli, String container, String srcPath, String dstPath, boolean followLink,
      boolean quiet) throws IOException {
    String dst = dstPath.equals("-") ? dstPath : CopyArchive.absolute(dstPath);
    validateOutputPath(dst);
    Containers containers = cli.client().containers();
    String path = srcPath;
    String rebaseName = "";
    if (followLink) {
      try {
        Map<?, ?> stat = containers.statPath(container, path);
        if ((mode(stat) & MODE_SYMLINK) != 0) {
          String target = String.valueOf(stat.get("linkTarget"));
          if (!target.startsWith("/")) {
            target = CopyArchive.clean(CopyArchive.splitDirEntry(path)[0] + "/" + target);
          }
          String[] r = CopyArchive.rebaseName(path, target);
          path = r[0];
          rebaseName = r[1];
        }
      } catch (RuntimeException e) {
        // as docker: a failed look leaves the path as it was
      }
    }
    Containers.Archive archive = containers.archive(container, path);
    try (InputStream tar = archive.tar()) {
      if (dst.equals("-")) {
        tar.transferTo(cli.out());
        cli.out().flush();
        return;
      }
      Counting counted = new Counting(tar);
      var srcInfo = new CopyArchive.Info(path, true, (mode(archive.stat()) & MODE_DIR) != 0, rebaseName);
      InputStream content = counted;
      if (!rebaseName.isEmpty()) {
        content = CopyArchive.rebase(content, CopyArchive.splitDirEntry(path)[1], rebaseName);
      }
      var dstInfo = CopyArchive.destinationInfo(dst);
      var prepared = CopyArchive.prepare(content, srcInfo, dstInfo);
      CopyArchive.untar(prepared.content(), Path.of(prepared.dir()));
      if (!quiet) {
        cli.err().println("Successfully copied " + HumanSize.of(counted.count, 3) + " to " + dst);
      }
    }
  }

  private static void toContainer(Cli cli, String container, String srcPath, String dstPath, boolean followLink,
      boolean copyUidGid, boolean quiet) throws IOException {
    Containers containers = cli.client().containers();
    String dst = dstPath;
    Map<?, ?> stat = null;
    try {
      stat = containers.statPath(container, dst);
      if ((mode(stat) & MODE_SYMLINK) != 0) {
        String target = String.valueOf(stat.get("linkTarget"));
        if (!target.startsWith("/")) {
          target = CopyArchive.clean(CopyArchive.splitDirEntry(dst)[0] + "/" + target);
        }
        dst = target;
        try {
          stat = containers.statPath(container, target);
        } catch (RuntimeException e) {
          stat = null;
        }
      }
    } catch (RuntimeException e) {
      // as docker: the destination may not exist yet, its parent then must
    }
    if (stat != null && (mode(stat) & MODE_TYPE) != 0 && (mode(stat) & MODE_DIR) == 0) {
      throw new StatusError("destination \"" + container + ":" + dstPath
          + "\" must be a directory or a regular file: got a special file", 1);
    }
    var dstInfo = new CopyArchive.Info(dst, stat != null, stat != null && (mode(stat) & MODE_DIR) != 0, "");
    if (srcPath.equals("-")) {
      if (!dstInfo.dir()) {
        throw new StatusError("destination \"" + container + ":" + dstPath + "\" must be a directory", 1);
      }
      containers.putArchive(container, dstInfo.path(), cli.in(), copyUidGid);
      return;
    }
    var srcInfo = CopyArchive.sourceInfo(CopyArchive.absolute(srcPath), followLink);
    Counting counted = new Counting(CopyArchive.tarSource(srcInfo));
    try (InputStream content = counted) {
      var prepared = CopyArchive.prepare(content, srcInfo, dstInfo);
      containers.putArchive(container, prepared.dir(), prepared.content(), copyUidGid);
    }
    if (!quiet) {
      cli.err().println("Successfully copied " + HumanSize.of(counted.count, 3) + " to " + container + ":"
          + dstInfo.path());
    }
  }

  private static long mode(Map<?, ?> stat) {
    return stat != null && stat.get("mode") instanceof Number n ? n.longValue() : 0;
  }

  /** docker's ValidateOutputPath: the parent must exist, the path be a directory or regular file. */
  private static void validateOutputPath(String path) {
    if (path.equals("-")) {
      return;
    }
    String dir = CopyArchive.dir(CopyArchive.clean(path));
    if (!dir.isEmpty() && !dir.equals(".") && !Files.exists(Path.of(dir))) {
      throw new StatusError("invalid output path: directory \"" + dir + "\" does not exist", 1);
    }
    Path p = Path.of(path);
    if (Files.exists(p) && !Files.isDirectory(p) && !Files.isRegularFile(p)) {
      throw new StatusError("invalid output path: \"" + path + "\" must be a directory or a regular file", 1);
    }
  }

  /** Counts what passes, for docker's "Successfully copied" line. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
