package io.berth.daemon.lifecycle;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Predicate;

/**
 * Generated names in Docker's form, {@code adjective_surname}: a space of about 27,000 names, as
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
      "abel", "agnesi", "alhazen", "allen", "ampere", "archimedes", "aryabhata", "austin",
      "avogadro", "babbage", "backus", "bardeen", "bartik", "bassi", "bayes", "becquerel", "bell",
      "bernoulli", "bhabha", "blackwell", "bohr", "boole", "borg", "bose", "boyle", "bragg",
      "brahe", "brattain", "cannon", "cantor", "carson", "cauchy", "cavendish", "cerf", "chadwick",
      "chandrasekhar", "chebyshev", "church", "clarke", "codd", "colden", "conway", "copernicus",
      "corbato", "cori", "coulomb", "crick", "curie", "dalton", "darwin", "descartes", "diffie",
      "dijkstra", "dirac", "doppler", "easley", "edison", "einstein", "elion", "engelbart",
      "eratosthenes", "erdos", "euclid", "euler", "faraday", "fermat", "fermi", "feynman",
      "fibonacci", "fleming", "fourier", "franklin", "galileo", "galois", "gamow", "gauss",
      "germain", "gibbs", "goeppert", "goldberg", "goodall", "hadley", "haldane", "hamilton",
      "hamming", "hawking", "heisenberg", "herschel", "hertz", "hilbert", "hoare", "hodgkin",
      "hollerith", "hooke", "hopper", "hubble", "hume", "huxley", "huygens", "hypatia", "jackson",
      "jemison", "jenner", "johnson", "joule", "kahan", "kahn", "kapitsa", "kare", "kay", "kelvin",
      "kepler", "kernighan", "khayyam", "kilby", "knuth", "kolmogorov", "kowalevski", "kuhn",
      "lagrange", "lamarr", "lamport", "laplace", "lavoisier", "leakey", "leavitt", "lebedev",
      "leibniz", "lemaitre", "liskov", "lorentz", "lovelace", "lovell", "lumiere", "markov",
      "maxwell", "mayer", "mccarthy", "mcclintock", "mcnulty", "meitner", "mendel", "mendeleev",
      "merkle", "milner", "minsky", "mirzakhani", "moore", "morse", "napier", "nash", "naur",
      "neumann", "newton", "nightingale", "nobel", "noether", "noyce", "ohm", "oppenheimer",
      "ostrom", "pare", "pascal", "pasteur", "pauli", "pauling", "peano", "penrose", "perlis",
      "perlman", "pike", "planck", "poincare", "poisson", "ptolemy", "pythagoras", "raman",
      "ramanujan", "riemann", "ritchie", "rivest", "rontgen", "rosalind", "rubin", "russell",
      "rutherford", "sagan", "salk", "sammet", "sanger", "schrodinger", "shamir", "shannon",
      "shockley", "simon", "sinoussi", "snell", "snyder", "somerville", "spence", "stallman",
      "stokes", "stonebraker", "sutherland", "swanson", "szilard", "tesla", "thales", "thompson",
      "thomson", "torvalds", "tukey", "turing", "turner", "vaughan", "vinge", "volta", "wallace",
      "watt", "wheeler", "wiles", "williams", "wilson", "wing", "wirth", "wozniak", "wright", "wu",
      "yalow", "yonath", "yukawa", "zeeman", "zermelo", "zhukovsky", "zuse");

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
