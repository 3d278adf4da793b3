package io.berth.cli.command.image;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.command.FilterFlag;
import io.berth.cli.command.ImageRef;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.JsonValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code berth images}: one row per repository and tag, {@code <none>} for dangling images. */
public final class ImagesCommand extends Command {
  static final String DEFAULT_TABLE =
      "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";
  static final String DIGEST_TABLE = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}"
      + "\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";

  public ImagesCommand() {
    flags.bool("a", "all", "Show all images (default hides intermediate images)")
        .bool(null, "digests", "Show digests")
        .value("f", "filter", "filter", null, "Filter output based on conditions provided")
        .string(null, "format", "Format output using a custom template")
        .bool(null, "no-trunc", "Don't truncate output")
        .bool("q", "quiet", "Only show image IDs");
  }

  @Override
  public String use() {
    return "[OPTIONS] [REPOSITORY[:TAG]]";
  }

  @Override
  public String description() {
    return "List images";
  }

  @Override
  public String aliases() {
    return "berth image ls, berth image list, berth images";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atMost(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    Map<String, List<String>> filters = FilterFlag.parse(p.list("filter"));
    if (!p.args().isEmpty()) {
      List<String> refs = filters.get("reference");
      if (refs == null) {
        refs = new ArrayList<>();
        filters.put("reference", refs);
      }
      refs.add(p.args().getFirst());
    }
    Object images = JsonValues.parse(cli.client().images().listRaw(p.bool("all"), filters));
    boolean digests = p.bool("digests");
    String format = effectiveFormat(p.string("format", ""), p.bool("quiet"), digests);
    boolean needDigest = digests || format.contains("{{.Digest}}");
    List<ImageRow> rows = rows(images, !p.bool("no-trunc"), needDigest, digests, Instant.now());
    cli.out().print(Formatter.render(format, ImageRow.HEADER, rows));
    return 0;
  }

  /** docker's NewImageFormat. */
  static String effectiveFormat(String source, boolean quiet, boolean digests) {
    if (source.isEmpty() || source.equals("table")) {
      return quiet ? "{{.ID}}" : digests ? DIGEST_TABLE : DEFAULT_TABLE;
    }
    if (Formatter.isTable(source) && digests && !source.contains("{{.Digest}}")) {
      return source + "\t{{.Digest}}";
    }
    return source;
  }

  @SuppressWarnings("unchecked")
  static List<ImageRow> rows(Object images, boolean trunc, boolean needDigest, boolean showDigests, Instant now) {
    List<ImageRow> rows = new ArrayList<>();
    if (!(images instanceof List<?> list)) {
      return rows;
    }
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> raw)) {
        continue;
      }
      Map<String, Object> img = (Map<String, Object>) raw;
      List<String> tags = strings(img.get("RepoTags"));
      List<String> digests = strings(img.get("RepoDigests"));
      boolean dangling = (tags.isEmpty() && digests.isEmpty())
          || (tags.equals(List.of("<none>:<none>")) && digests.equals(List.of("<none>@<none>")));
      if (dangling) {
        rows.add(new ImageRow(img, "<none>", "<none>", "<none>", trunc, now));
        continue;
      }
      Map<String, List<String>> repoTags = new LinkedHashMap<>();
      Map<String, List<String>> repoDigests = new LinkedHashMap<>();
      for (String t : tags) {
        ImageRef r = ImageRef.parse(t);
        if (r.tag() != null && !t.startsWith("<none>")) {
          group(repoTags, r.familiarName()).add(r.tag());
        }
      }
      for (String d : digests) {
        ImageRef r = ImageRef.parse(d);
        if (r.digest() != null && !d.startsWith("<none>")) {
          group(repoDigests, r.familiarName()).add(r.digest());
        }
      }
      for (Map.Entry<String, List<String>> e : repoTags.entrySet()) {
        String repo = e.getKey();
        List<String> ds = repoDigests.remove(repo);
        if (!needDigest) {
          ds = null;
        }
        for (String tag : e.getValue()) {
          if (ds == null || ds.isEmpty()) {
            rows.add(new ImageRow(img, repo, tag, "<none>", trunc, now));
          } else {
            for (String d : ds) {
              rows.add(new ImageRow(img, repo, tag, d, trunc, now));
            }
          }
        }
      }
      for (Map.Entry<String, List<String>> e : repoDigests.entrySet()) {
        if (showDigests) {
          for (String d : e.getValue()) {
            rows.add(new ImageRow(img, e.getKey(), "<none>", d, trunc, now));
          }
        } else {
          rows.add(new ImageRow(img, e.getKey(), "<none>", "", trunc, now));
        }
      }
    }
    return rows;
  }

  /** Loops rather than lambdas throughout: each lambda is one more class to load at start-up. */
  private static List<String> group(Map<String, List<String>> groups, String key) {
    List<String> l = groups.get(key);
    if (l == null) {
      l = new ArrayList<>();
      groups.put(key, l);
    }
    return l;
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object x : l) {
        out.add(String.valueOf(x));
      }
    }
    return out;
  }
}
