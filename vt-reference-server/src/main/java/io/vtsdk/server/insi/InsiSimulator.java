package io.vtsdk.server.insi;

import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.InsAuthority;
import io.vtsdk.model.identity.Nir;
import io.vtsdk.model.identity.Sex;
import io.vtsdk.model.identity.insi.InsTraits;
import io.vtsdk.model.identity.insi.InsiClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * The INSi teleservice, simulated over a deterministic synthetic population: every INS is on the <em>test</em> NIR
 * authority ({@code 1.2.250.1.213.1.4.10}), consistent with the person's sex, birth date and birthplace; no real
 * person. The same seed gives the same people. Some pairs are planted homonyms (same names, sex and birth date, born in
 * different places): searched without the birthplace they give {@link InsiClient.Outcome#SEVERAL}, with it
 * {@code FOUND} — the case the RNIV asks callers to resolve with more traits.
 *
 * <pre>{@code
 * InsiClient insi = InsiSimulator.seeded(42);
 * InsiSimulator.Person p = ((InsiSimulator) insi).people().get(0);
 * InsiClient.SearchResult r = insi.search(p.traits());   // FOUND, p.ins()
 * }</pre>
 *
 * <p>Thread-safe (immutable once built).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class InsiSimulator implements InsiClient {
  /** One person of the synthetic population: the national identity and its reference traits. */
  public record Person(Ins ins, InsTraits traits) {
    @Override
    public String toString() {
      return "Person[ins=***, " + traits + "]";
    }
  }

  private static final String[] BIRTH_NAMES = {"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD",
      "DURAND", "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND",
      "MOREL", "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MÜLLER",
      "D'ALMEIDA", "SAINT-JUST", "N'DIAYE"};
  private static final String[] FEMALE = {"Marie", "Jeanne", "Françoise", "Monique", "Catherine", "Nathalie",
      "Isabelle", "Léa", "Chloé", "Inès", "Zoé", "Anne-Sophie"};
  private static final String[] MALE = {"Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Nicolas", "Hugo",
      "Lucas", "Noé", "Jean-Baptiste", "Raphaël"};
  /** INSEE codes of birthplaces (département + commune): Lyon, Paris, Marseille, Toulouse, Carcassonne,
   * Montpellier, Bourg-en-Bresse, Ajaccio. */
  private static final String[] BIRTHPLACES = {"69123", "75056", "13055", "31555", "11069", "34172", "01053",
      "2A004"};

  private final List<Person> people;
  private final Map<String, Person> byNir = new HashMap<>();

  private InsiSimulator(List<Person> people) {
    this.people = List.copyOf(people);
    for (Person p : this.people) {
      byNir.put(p.ins().number().value(), p);
    }
  }

  /** A population of 1,000 people (and 20 planted homonym pairs among them) for {@code seed}. */
  public static InsiSimulator seeded(long seed) {
    return seeded(seed, 1_000);
  }

  /** A population of {@code size} people (at least 2), one pair in fifty a planted homonym pair. */
  public static InsiSimulator seeded(long seed, int size) {
    if (size < 2) {
      throw new IllegalArgumentException("size must be at least 2");
    }
    Random r = new Random(seed);
    Random more = new Random(~seed); // second given names: drawn apart, so a seed's population is what it was
    List<Person> out = new ArrayList<>(size);
    java.util.Set<String> nirs = new java.util.HashSet<>();
    while (out.size() < size) {
      Sex sex = r.nextBoolean() ? Sex.F : Sex.M;
      LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(95 * 365));
      String name = BIRTH_NAMES[r.nextInt(BIRTH_NAMES.length)];
      String given = (sex == Sex.F ? FEMALE : MALE)[r.nextInt(12)];
      boolean homonyms = out.size() % 50 == 0 && out.size() + 1 < size;
      int places = homonyms ? 2 : 1;
      int first = r.nextInt(BIRTHPLACES.length);
      for (int i = 0; i < places; i++) {
        String place = BIRTHPLACES[(first + i) % BIRTHPLACES.length];
        Nir nir = nir(sex, birth, place, r);
        if (nirs.add(nir.value())) {
          String[] names = sex == Sex.F ? FEMALE : MALE;
          String list = more.nextInt(3) == 0 ? given : given + " " + names[more.nextInt(names.length)];
          out.add(new Person(new Ins(nir, InsAuthority.NIR_TEST),
              new InsTraits(name, given, list, sex, birth, place)));
        }
      }
    }
    return new InsiSimulator(out.subList(0, size));
  }

  private static Nir nir(Sex sex, LocalDate birth, String insee, Random r) {
    String first13 = (sex == Sex.F ? "2" : "1") + two(birth.getYear() % 100) + two(birth.getMonthValue()) + insee
        + String.format("%03d", 1 + r.nextInt(999));
    return Nir.parse(first13 + two(Nir.key(first13)));
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** The population, in a stable order. */
  public List<Person> people() {
    return people;
  }

  @Override
  public SearchResult search(InsTraits traits) {
    Objects.requireNonNull(traits, "traits");
    Person found = null;
    int n = 0;
    for (Person p : people) {
      if (traits.matches(p.traits())) {
        found = p;
        n++;
      }
    }
    return n == 0 ? SearchResult.of(Outcome.NONE) : n > 1 ? SearchResult.of(Outcome.SEVERAL)
        : SearchResult.found(found.ins(), found.traits());
  }

  @Override
  public Verification verify(Ins ins, InsTraits traits) {
    Objects.requireNonNull(ins, "ins");
    Objects.requireNonNull(traits, "traits");
    Person p = byNir.get(ins.number().value());
    if (p == null || p.ins().authority() != ins.authority()) {
      return new Verification(false, List.of("ins"));
    }
    List<String> problems = traits.differencesFrom(p.traits());
    return new Verification(problems.isEmpty(), problems);
  }

  @Override
  public String toString() {
    return "InsiSimulator[" + people.size() + " people]";
  }
}
