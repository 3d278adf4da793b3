package io.berth.http;

/** Serves one request. Runs on its own virtual thread and may block. */
@FunctionalInterface
public interface HttpHandler {
  void handle(HttpRequest request, HttpResponse response) throws Exception;
}
