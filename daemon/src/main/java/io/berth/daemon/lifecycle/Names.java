package io.berth.daemon.lifecycle;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Predicate;

/**
 * Generated names in Docker's form, {@code adjective_surname}: a space of about 20,000 names, as
 * large as Docker's, so that concurrent creates rarely draw the same one; from the second draw
 * on a digit is appended, as Docker does, and the caller reserves the name atomically.
 */
final class Names {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> LEFT = List.of(
      "able", "admiring", "agile", "amazing", "amused", "ardent", "artful", "awesome", "blissful",
      "bold", "bouncy", "brave", "bright", "brisk", "busy", "calm", "candid", "careful", "charming",
      "cheerful", "clever", "cool", "cosmic", "crisp", "curious", "daring", "dazzling", "deft",
      "devoted", "diligent", "dreamy", "eager", "earnest", "ecstatic", "elastic", "elated",
      "elegant", "epic", "fearless", "fervent", "festive", "fluent", "focused", "frosty", "gallant",
      "gentle", "gifted", "glad", "gleaming", "graceful", "happy", "hardy", "hearty", "helpful",
      "heuristic", "honest", "humble", "inspired", "intrepid", "jolly", "jovial", "keen", "kind",
      "laughing", "lively", "loving", "lucid", "lucky", "magical", "mellow", "merry", "mighty",
      "modest", "nifty", "nimble", "noble", "optimistic", "patient", "peaceful", "placid",
      "playful", "plucky", "polite", "practical", "proud", "quick", "quiet", "quirky", "radiant",
      "rapid", "relaxed", "resolute", "serene", "sharp", "shiny", "sincere", "sleepy", "snappy",
      "spirited", "stoic", "sturdy", "sunny", "swift", "tender", "thirsty", "tidy", "trusting",
      "upbeat", "valiant", "vibrant", "vigilant", "vivid", "warm", "wise", "witty", "wizardly",
      "youthful", "zealous", "zen");
  private static final List<String> RIGHT = List.of(
      "abel", "agnesi", "alhazen", "allen", "archimedes", "aryabhata", "austin", "babbage",
      "backus", "bardeen", "bartik", "bassi", "bell", "bernoulli", "bhabha", "blackwell", "bohr",
      "boole", "borg", "bose", "boyle", "brahe", "brattain", "cannon", "cantor", "carson", "cauchy",
      "cerf", "chandrasekhar", "chebyshev", "clarke", "colden", "conway", "copernicus", "corbato",
      "cori", "curie", "darwin", "descartes", "dijkstra", "dirac", "easley", "edison", "einstein",
      "elion", "engelbart", "euclid", "euler", "faraday", "fermat", "fermi", "feynman", "fibonacci",
      "fourier", "franklin", "galileo", "galois", "gauss", "germain", "gibbs", "goldberg",
      "goodall", "hamilton", "hawking", "heisenberg", "hertz", "hilbert", "hodgkin", "hollerith",
      "hopper", "hubble", "huygens", "hypatia", "jackson", "jemison", "johnson", "joule", "kahan",
      "kapitsa", "kare", "kay", "kelvin", "kepler", "khayyam", "kilby", "knuth", "kowalevski",
      "lagrange", "lamarr", "lamport", "laplace", "leakey", "leavitt", "lebedev", "leibniz",
      "lemaitre", "liskov", "lovelace", "lumiere", "maxwell", "mayer", "mcclintock", "meitner",
      "mendel", "mendeleev", "merkle", "minsky", "mirzakhani", "morse", "napier", "nash",
      "neumann", "newton", "nobel", "noether", "noyce", "ohm", "pare", "pascal", "pasteur",
      "pauli", "pauling", "perlman", "pike", "planck", "poincare", "ptolemy", "raman",
      "ramanujan", "riemann", "ritchie", "rosalind", "rubin", "rutherford", "sagan", "salk",
      "sammet", "sanger", "shannon", "shockley", "sinoussi", "snyder", "somerville", "spence",
      "stallman", "stonebraker", "sutherland", "swanson", "tesla", "thompson", "torvalds",
      "turing", "vaughan", "volta", "wallace", "watt", "wiles", "williams", "wilson", "wing",
      "wozniak", "wright", "wu", "yalow", "yonath", "zhukovsky", "zuse");

  private Names() {}

  /** A name for which {@code take} succeeds; {@code take} must reserve it atomically. */
  static String generate(Predicate<String> take) {
    for (int i = 0; ; i++) {
      String n = LEFT.get(RANDOM.nextInt(LEFT.size())) + "_" + RIGHT.get(RANDOM.nextInt(RIGHT.size()));
      if (i > 0) {
        n = n + RANDOM.nextInt(10);
      }
      if (take.test(n)) {
        return n;
      }
    }
  }

  static int size() {
    return LEFT.size() * RIGHT.size();
  }
}
