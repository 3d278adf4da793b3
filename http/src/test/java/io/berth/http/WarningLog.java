package io.berth.http;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the server logs at WARNING or above (System.Logger goes to java.util.logging). */
final class WarningLog implements AutoCloseable {
  private final Logger logger = Logger.getLogger("berth.http");
  private final List<String> records = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
            synchronized (records) {
              records.add(r.getLevel() + " " + r.getMessage() + " " + r.getThrown());
            }
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  WarningLog() {
    logger.addHandler(handler);
  }

  List<String> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
