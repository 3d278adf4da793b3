package io.berth.daemon.query;

import io.berth.api.model.container.TopResponse;
import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.SystemException;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker top}: the host's {@code ps} with the client's arguments ({@code -ef} by default),
 * its rows kept for the processes of the container's cgroup, as dockerd does.
 */
public final class Top {
  private static final Pattern PID_OPTION = Pattern.compile("\\s+([^\\s]*)=\\s*(PID[^\\s]*)");

  private Top() {}

  public static TopResponse top(Container c, String psArgs, List<Long> pids) {
    if (!(c.state() instanceof ContainerState.Running)) {
      throw new ConflictException("container " + c.id() + " is not running");
    }
    String args = psArgs == null || psArgs.isEmpty() ? "-ef" : psArgs;
    Matcher m = PID_OPTION.matcher(args);
    while (m.find()) {
      if (!m.group(1).equals("pid")) {
        throw new InvalidParameterException("specifying \"" + m.group(1) + "=" + m.group(2) + "\" is not allowed");
      }
    }
    List<String> argv = new ArrayList<>(List.of("ps"));
    argv.addAll(Arrays.asList(args.strip().split("\\s+")));
    String out;
    try {
      Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      int rc = p.waitFor();
      if (rc != 0) {
        throw new SystemException("ps: exit status " + rc + ": " + err.strip());
      }
    } catch (IOException e) {
      throw new SystemException("Error running ps: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted");
    }
    return parse(out, new HashSet<>(pids));
  }

  static TopResponse parse(String out, Set<Long> pids) {
    List<String> lines = out.lines().toList();
    if (lines.isEmpty()) {
      throw new SystemException("Couldn't find PID field in ps output");
    }
    List<String> titles = fields(lines.getFirst());
    int pidIndex = titles.indexOf("PID");
    if (pidIndex < 0) {
      throw new SystemException("Couldn't find PID field in ps output");
    }
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = new ArrayList<>(fields(line));
      if (f.size() <= pidIndex) {
        continue;
      }
      long pid;
      try {
        pid = Long.parseLong(f.get(pidIndex));
      } catch (NumberFormatException e) {
        throw new SystemException("Unexpected pid '" + f.get(pidIndex) + "': " + e.getMessage());
      }
      if (!pids.contains(pid)) {
        continue;
      }
      if (f.size() > titles.size()) {
        String last = String.join(" ", f.subList(titles.size() - 1, f.size()));
        f = new ArrayList<>(f.subList(0, titles.size() - 1));
        f.add(last);
      }
      rows.add(f);
    }
    return new TopResponse(titles, rows);
  }

  private static List<String> fields(String line) {
    return Arrays.stream(line.strip().split("[ \\t\\n\\r\\f\\u000b]+")).filter(s -> !s.isEmpty()).toList();
  }
}
