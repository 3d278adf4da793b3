package io.berth.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogReaderTest {
  private static final String T = "2026-11-23T21:47:34.034605497+00:00";

  @TempDir Path dir;
  // no safety net within any test's time: a follower that sees a write was woken by it
  private final LogWatch watch = newWatch();

  private static LogWatch newWatch() {
    try {
      return new LogWatch(600_000);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @org.junit.jupiter.api.AfterEach
  void closeWatch() throws Exception {
    watch.close();
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(LogEntry e) {
    return new String(e.content(), StandardCharsets.UTF_8);
  }

  private static String line(int i) {
    return T + " " + (i % 2 == 0 ? "stdout" : "stderr") + " F line " + i + "\n";
  }

  @Test
  void parse_stdoutFullLine_hasTimeStreamAndContent() {
    LogEntry e = LogReader.parse(b(T + " stdout F out 0"));

    assertThat(e).isNotNull();
    assertThat(e.time()).isEqualTo(Instant.parse("2026-11-23T21:47:34.034605497Z"));
    assertThat(e.stderr()).isFalse();
    assertThat(e.partial()).isFalse();
    assertThat(text(e)).isEqualTo("out 0");
    assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo("out 0\n");
  }

  @Test
  void parse_stderr_isMarkedStderr() {
    LogEntry e = LogReader.parse(b(T + " stderr F oops"));

    assertThat(e.stderr()).isTrue();
    assertThat(text(e)).isEqualTo("oops");
  }

  @Test
  void parse_partial_hasNoNewlineInPayload() {
    LogEntry e = LogReader.parse(b(T + " stdout P prompt> "));

    assertThat(e.partial()).isTrue();
    assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo("prompt> ");
  }

  @Test
  void parse_emptyContent_isEmptyLine() {
    LogEntry e = LogReader.parse(b(T + " stdout F "));

    assertThat(e.content()).isEmpty();
    assertThat(e.payload()).containsExactly('\n');
  }

  @Test
  void parse_nonUtf8Content_isKeptAsBytes() {
    byte[] head = b(T + " stdout F ");
    byte[] line = new byte[head.length + 2];
    System.arraycopy(head, 0, line, 0, head.length);
    line[head.length] = (byte) 0xff;
    line[head.length + 1] = (byte) 0xfe;

    assertThat(LogReader.parse(line).content()).containsExactly(0xff, 0xfe);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "2026-11-23 stdout", T + " stdout F", "yesterday stdout F hi"})
  void parse_malformed_isNull(String line) {
    assertThat(LogReader.parse(b(line))).isNull();
  }

  @Test
  void read_stopAlreadyTrue_readsEverythingAndReturnsEndOffset() throws Exception {
    Path log = dir.resolve("container.log");
    String content = line(0) + line(1) + "not a log line\n" + line(2);
    Files.writeString(log, content);
    List<String> seen = new ArrayList<>();

    long end = LogReader.read(log, 0, e -> seen.add(text(e)), () -> true);

    assertThat(seen).containsExactly("line 0", "line 1", "line 2");
    assertThat(end).isEqualTo(content.length());
  }

  @Test
  void read_fromOffset_skipsEarlierLines() throws Exception {
    Path log = dir.resolve("container.log");
    Files.writeString(log, line(0) + line(1));
    List<String> seen = new ArrayList<>();

    LogReader.read(log, line(0).length(), e -> seen.add(text(e)), () -> true);

    assertThat(seen).containsExactly("line 1");
  }

  @Test
  void read_trailingPartialWrite_stopsBeforeIt() throws Exception {
    Path log = dir.resolve("container.log");
    Files.writeString(log, line(0) + T + " stdout F half");
    List<String> seen = new ArrayList<>();

    long end = LogReader.read(log, 0, e -> seen.add(text(e)), () -> true);

    assertThat(seen).containsExactly("line 0");
    assertThat(end).isEqualTo(line(0).length());
  }

  @Test
  void read_consumerReturnsFalse_stopsAfterThatLine() throws Exception {
    Path log = dir.resolve("container.log");
    Files.writeString(log, line(0) + line(1) + line(2));
    List<String> seen = new ArrayList<>();

    long end = LogReader.read(log, 0, e -> {
      seen.add(text(e));
      return seen.size() < 2;
    }, () -> false);

    assertThat(seen).containsExactly("line 0", "line 1");
    assertThat(end).isEqualTo(line(0).length() + line(1).length());
  }

  @Test
  void read_missingFileAndStopped_returnsOffset() throws Exception {
    assertThat(LogReader.read(dir.resolve("none.log"), 7, e -> true, () -> true)).isEqualTo(7);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void read_following_seesLineAppendedLaterThenStops() throws Exception {
    Path log = dir.resolve("container.log");
    Files.writeString(log, line(0));
    AtomicBoolean stop = new AtomicBoolean();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try {
        while (seen.isEmpty()) {
          Thread.sleep(5);
        }
        // half a line first: the follower must wait for its end rather than drop or split it
        Files.writeString(log, T + " stdout F la", StandardOpenOption.APPEND);
        Thread.sleep(60);
        Files.writeString(log, "ter\n", StandardOpenOption.APPEND);
        stop.set(true);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    long end = LogReader.read(log, 0, e -> seen.add(text(e)), stop::get);

    writer.get();
    assertThat(seen).containsExactly("line 0", "later");
    assertThat(end).isEqualTo(Files.size(log));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void follow_futureCompletesAfterAppend_readsToTheEnd() throws Exception {
    Path log = dir.resolve("container.log");
    Files.writeString(log, line(0));
    CompletableFuture<Void> exited = new CompletableFuture<>();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try {
        while (seen.isEmpty()) {
          Thread.sleep(5);
        }
        Files.writeString(log, line(1), StandardOpenOption.APPEND);
        exited.complete(null);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    long end = LogReader.follow(log, 0, e -> seen.add(text(e)), exited, () -> {}, watch);

    writer.get();
    assertThat(seen).containsExactly("line 0", "line 1");
    assertThat(end).isEqualTo(Files.size(log));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void follow_lineWritten_wakesTheReaderBeforeTheEnd() throws Exception {
    Path log = dir.resolve("container.log");
    Files.writeString(log, line(0));
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try {
        while (seen.isEmpty()) {
          Thread.sleep(5);
        }
        Files.writeString(log, line(1), StandardOpenOption.APPEND);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    LogReader.follow(log, 0, e -> seen.add(text(e)) && seen.size() < 2,
        new CompletableFuture<Void>(), () -> {}, watch);

    writer.get();
    assertThat(seen).containsExactly("line 0", "line 1");
  }

  @Test
  void read_caughtUp_toldAfterTheLinesSoFar() throws Exception {
    Path log = dir.resolve("caught.log");
    Files.writeString(log, line(0) + line(1));
    List<String> events = new ArrayList<>();

    LogReader.read(log, 0, e -> events.add(text(e)), () -> true, () -> events.add("caught up"));

    assertThat(events).containsExactly("line 0", "line 1", "caught up");
  }

  @Test
  void follow_fileAppearsLater_isRead() throws Exception {
    Path log = dir.resolve("later.log");
    CompletableFuture<Void> exited = new CompletableFuture<>();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(40);
        Files.writeString(log, line(0));
        exited.complete(null);
      } catch (Exception e) {
        exited.completeExceptionally(e);
      }
    });

    LogReader.follow(log, 0, e -> seen.add(text(e)), exited, () -> {}, watch);

    assertThat(seen).containsExactly("line 0");
  }

  @Test
  void tail_n_returnsLastNEntries() throws Exception {
    Path log = dir.resolve("container.log");
    Files.writeString(log, line(0) + line(1) + line(2) + line(3));

    assertThat(LogReader.tail(log, 2)).extracting(LogReaderTest::text).containsExactly("line 2", "line 3");
    assertThat(LogReader.tail(log, 0)).isEmpty();
    assertThat(LogReader.tail(log, -1)).hasSize(4);
    assertThat(LogReader.tail(log, 10)).hasSize(4);
  }
}
