package io.berth.daemon.lifecycle;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Predicate;

/** Docker-style generated names: {@code adjective_surname}. */
final class Names {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> LEFT = List.of("admiring", "brave", "calm", "dazzling",
      "eager", "focused", "gifted", "happy", "jolly", "keen", "loving", "modest", "nifty",
      "optimistic", "peaceful", "quirky", "relaxed", "serene", "trusting", "upbeat", "vibrant",
      "wizardly", "youthful", "zealous");
  private static final List<String> RIGHT = List.of("agnesi", "babbage", "curie", "dijkstra",
      "euler", "feynman", "gauss", "hopper", "hypatia", "knuth", "lamarr", "lovelace", "meitner",
      "noether", "pascal", "ritchie", "shannon", "thompson", "turing", "wozniak");

  private Names() {}

  static String generate(Predicate<String> taken) {
    for (int i = 0; ; i++) {
      String n = LEFT.get(RANDOM.nextInt(LEFT.size())) + "_" + RIGHT.get(RANDOM.nextInt(RIGHT.size()));
      if (i > 10) {
        n = n + RANDOM.nextInt(100);
      }
      if (!taken.test(n)) {
        return n;
      }
    }
  }
}
