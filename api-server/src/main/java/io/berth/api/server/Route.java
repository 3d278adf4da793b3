package io.berth.api.server;

import io.berth.api.model.ApiVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One route: a method, a path template with {@code {name}} variables, and its handler. */
public record Route(String method, String template, Handler handler, ApiVersion minVersion) {

  @FunctionalInterface
  public interface Handler {
    void handle(ApiRequest request) throws Exception;
  }

  public static Route get(String template, Handler h) {
    return new Route("GET", template, h, ApiVersion.MIN);
  }

  public static Route head(String template, Handler h) {
    return new Route("HEAD", template, h, ApiVersion.MIN);
  }

  public static Route post(String template, Handler h) {
    return new Route("POST", template, h, ApiVersion.MIN);
  }

  public static Route put(String template, Handler h) {
    return new Route("PUT", template, h, ApiVersion.MIN);
  }

  public static Route delete(String template, Handler h) {
    return new Route("DELETE", template, h, ApiVersion.MIN);
  }

  public Route since(ApiVersion v) {
    return new Route(method, template, handler, v);
  }

  /** The compiled form; {@code {name}} matches one segment, {@code {name:.*}} the rest. */
  record Compiled(Route route, Pattern pattern, List<String> vars) {
    static Compiled of(Route r) {
      List<String> vars = new ArrayList<>();
      StringBuilder re = new StringBuilder();
      Matcher m = Pattern.compile("\\{([a-z]+)(:\\.\\*)?}").matcher(r.template());
      int last = 0;
      while (m.find()) {
        re.append(Pattern.quote(r.template().substring(last, m.start())));
        re.append(m.group(2) != null ? "(.+)" : "([^/]+)");
        vars.add(m.group(1));
        last = m.end();
      }
      re.append(Pattern.quote(r.template().substring(last)));
      return new Compiled(r, Pattern.compile(re.toString()), List.copyOf(vars));
    }

    Map<String, String> match(String path) {
      Matcher m = pattern.matcher(path);
      if (!m.matches()) {
        return null;
      }
      var out = new java.util.HashMap<String, String>();
      for (int i = 0; i < vars.size(); i++) {
        out.put(vars.get(i), m.group(i + 1));
      }
      return out;
    }
  }
}
