package io.berth.cli.command.system;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.TabWriter;
import io.berth.cli.format.Template;
import io.berth.cli.format.TemplateException;
import io.berth.cli.format.TemplateObject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code berth version}: client and server versions, laid out by docker's own template. */
public final class VersionCommand extends Command {
  /** docker's default template, with the client's toolchain line naming Java. */
  static final String TEMPLATE = """
      {{with .Client -}}
      Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
       Version:\t{{.Version}}
       API version:\t{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
       Java version:\t{{.JavaVersion}}
       Git commit:\t{{.GitCommit}}
       Built:\t{{.BuildTime}}
       OS/Arch:\t{{.Os}}/{{.Arch}}
       Context:\t{{.Context}}
      {{- end}}

      {{- if ne .Server nil}}{{with .Server}}

      Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
       {{- range $component := .Components}}
       {{$component.Name}}:
        {{- if eq $component.Name "Engine" }}
        Version:\t{{.Version}}
        API version:\t{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
        Go version:\t{{index .Details "GoVersion"}}
        Git commit:\t{{index .Details "GitCommit"}}
        Built:\t{{index .Details "BuildTime"}}
        OS/Arch:\t{{index .Details "Os"}}/{{index .Details "Arch"}}
        Experimental:\t{{index .Details "Experimental"}}
        {{- else }}
        Version:\t{{$component.Version}}
        {{- $detailsOrder := getDetailsOrder $component}}
        {{- range $key := $detailsOrder}}
        {{$key}}:\t{{index $component.Details $key}}
         {{- end}}
        {{- end}}
       {{- end}}
       {{- end}}{{- end}}""";

  public VersionCommand() {
    flags.string("f", "format", "Format output using a custom template:\n"
        + "'json':             Print in JSON format\n"
        + "'TEMPLATE':         Print output using the given Go template.");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "Show the Berth version information";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String format = p.string("format", "");
    Template t;
    try {
      t = Template.parse(format.isEmpty() ? TEMPLATE : format.equals("json") ? "{{json .}}" : format);
    } catch (TemplateException e) {
      throw new StatusError("template parsing error: " + e.getMessage(), 64);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("Client", client());
    data.put("Server", null);
    RuntimeException failure = null;
    try {
      data.put("Server", server(JsonValues.parse(cli.client().system().versionRaw())));
    } catch (RuntimeException e) {
      failure = e;
    }
    String text;
    try {
      text = t.execute(data, Map.of("getDetailsOrder", VersionCommand::detailsOrder));
    } catch (TemplateException e) {
      throw new StatusError("template: " + e.getMessage(), 1);
    }
    cli.out().print(new TabWriter(20, 1).write(text).write("\n").flush());
    if (failure != null) {
      throw new StatusError(Main.message(failure), 1);
    }
    return 0;
  }

  private static Map<String, Object> client() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Platform", new LinkedHashMap<>(Map.of("Name", "")));
    c.put("Version", Main.VERSION);
    c.put("APIVersion", io.berth.client.DockerClient.API_VERSION);
    c.put("DefaultAPIVersion", io.berth.client.DockerClient.API_VERSION);
    c.put("JavaVersion", Runtime.version().toString());
    c.put("GitCommit", "unknown");
    c.put("BuildTime", "unknown");
    c.put("Os", "linux");
    String arch = System.getProperty("os.arch", "");
    c.put("Arch", arch.equals("x86_64") ? "amd64" : arch.equals("aarch64") ? "arm64" : arch);
    c.put("Context", "default");
    return c;
  }

  /** Fills what docker's typed struct would default, and synthesises the Engine component. */
  @SuppressWarnings("unchecked")
  private static Object server(Object raw) {
    if (!(raw instanceof Map<?, ?> m)) {
      return raw;
    }
    Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) m);
    Object platform = s.get("Platform");
    if (!(platform instanceof Map<?, ?> pm) || !pm.containsKey("Name")) {
      s.put("Platform", new LinkedHashMap<>(Map.of("Name", "")));
    }
    List<Object> components = s.get("Components") instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    boolean engine = false;
    for (int i = 0; i < components.size(); i++) {
      if (components.get(i) instanceof Map<?, ?> cm && "Engine".equals(cm.get("Name"))) {
        engine = true;
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) cm);
        if (copy.get("Details") instanceof Map<?, ?> d) {
          Map<String, Object> details = new LinkedHashMap<>((Map<String, Object>) d);
          if (details.get("BuildTime") instanceof String bt) {
            details.put("BuildTime", reformatDate(bt));
          }
          copy.put("Details", details);
        }
        components.set(i, copy);
      }
    }
    if (!engine) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("ApiVersion", s.getOrDefault("ApiVersion", ""));
      details.put("MinAPIVersion", s.getOrDefault("MinAPIVersion", ""));
      details.put("GitCommit", s.getOrDefault("GitCommit", ""));
      details.put("GoVersion", s.getOrDefault("GoVersion", ""));
      details.put("Os", s.getOrDefault("Os", ""));
      details.put("Arch", s.getOrDefault("Arch", ""));
      details.put("BuildTime", reformatDate(String.valueOf(s.getOrDefault("BuildTime", ""))));
      details.put("Experimental", String.valueOf(Boolean.TRUE.equals(s.get("Experimental"))));
      components.add(new LinkedHashMap<>(Map.of("Name", "Engine", "Version", s.getOrDefault("Version", ""),
          "Details", details)));
    }
    s.put("Components", components);
    return new ServerVersion(s);
  }

  /**
   * The server document as docker's typed struct presents it to templates: field names are the
   * Go ones ({@code .Server.APIVersion} reads the JSON key {@code ApiVersion}).
   */
  private record ServerVersion(Map<String, Object> raw) implements TemplateObject {
    private static final List<String> FIELDS = List.of("Platform", "Components", "Version", "APIVersion",
        "MinAPIVersion", "GitCommit", "GoVersion", "Os", "Arch", "KernelVersion", "Experimental", "BuildTime");

    @Override
    public Object field(String name) {
      String key = name.equals("APIVersion") ? "ApiVersion" : name;
      if (raw.containsKey(key)) {
        return raw.get(key);
      }
      if (!FIELDS.contains(name)) {
        return MISSING;
      }
      return name.equals("Experimental") ? Boolean.FALSE : "";
    }

    @Override
    public Map<String, Object> toJson() {
      return raw;
    }

    @Override
    public String typeName() {
      return "*types.Version";
    }
  }

  private static Object detailsOrder(List<Object> args) {
    if (args.size() == 1 && args.getFirst() instanceof Map<?, ?> c && c.get("Details") instanceof Map<?, ?> d) {
      return new ArrayList<Object>(new TreeMap<>(d).keySet());
    }
    return new ArrayList<>();
  }

  /** docker shows the engine's build time in ANSIC form, local time. */
  static String reformatDate(String s) {
    try {
      return OffsetDateTime.parse(s).atZoneSameInstant(ZoneId.systemDefault())
          .format(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US));
    } catch (DateTimeParseException e) {
      return s;
    }
  }
}
