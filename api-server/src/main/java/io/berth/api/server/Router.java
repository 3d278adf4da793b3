package io.berth.api.server;

import java.util.List;

/** The routes of one API resource. A router parses, calls its backend and encodes: no logic. */
public interface Router {
  List<Route> routes();
}
