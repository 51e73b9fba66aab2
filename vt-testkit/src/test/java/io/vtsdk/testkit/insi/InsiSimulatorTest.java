package io.vtsdk.server.insi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.InsAuthority;
import io.vtsdk.model.identity.Sex;
import io.vtsdk.model.identity.insi.InsTraits;
import io.vtsdk.model.identity.insi.InsiClient;
import io.vtsdk.model.identity.insi.InsiClient.Outcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The INSi simulator: the teleservice's two operations over a synthetic population, deterministic, test OIDs only. */
class InsiSimulatorTest {
  final InsiSimulator insi = InsiSimulator.seeded(42);

  @Test
  void everyoneIsFoundByTheirTraitsWithTheirInsOnTheTestAuthorityOnly() {
    assertThat(insi.people()).hasSize(1_000);
    for (InsiSimulator.Person p : insi.people()) {
      assertThat(p.ins().authority()).isEqualTo(InsAuthority.NIR_TEST);
      InsiClient.SearchResult r = insi.search(p.traits());
      assertThat(r.outcome()).as(p.toString()).isEqualTo(Outcome.FOUND);
      assertThat(r.ins()).isEqualTo(p.ins());
      assertThat(r.reference()).isEqualTo(p.traits());
      assertThat(insi.verify(p.ins(), p.traits()).ok()).isTrue();
      // the NIR agrees with the traits: sex, birth year and month, birthplace
      String nir = p.ins().number().value();
      assertThat(nir.charAt(0)).isEqualTo(p.traits().sex() == Sex.F ? '2' : '1');
      assertThat(nir.substring(5, 10)).isEqualTo(p.traits().birthPlace());
      assertThat(p.traits().birthGivenNames()).as("INSi's list begins with the first given name")
          .matches(java.util.regex.Pattern.quote(p.traits().firstBirthGivenName()) + "( .+)?");
    }
  }

  @Test
  void namesAreComparedAsTheTeleserviceAsksUpperCaseWithoutAccents() {
    InsiSimulator.Person p = insi.people().stream().filter(x -> !x.traits().birthName().equals(
        InsTraits.normalise(x.traits().birthName()))).findFirst().orElseThrow();
    InsTraits typed = new InsTraits(InsTraits.normalise(p.traits().birthName()).toLowerCase(),
        p.traits().firstBirthGivenName(), p.traits().sex(), p.traits().birthDate(), null);
    assertThat(insi.search(typed).outcome()).isIn(Outcome.FOUND, Outcome.SEVERAL);
    assertThat(InsTraits.normalise("Lefèvre")).isEqualTo("LEFEVRE");
    assertThat(InsTraits.normalise("d'Almeida")).isEqualTo("D ALMEIDA");
    assertThat(InsTraits.normalise("Anne-Sophie")).isEqualTo("ANNE SOPHIE");
  }

  @Test
  void homonymsNeedTheBirthplaceAndUnknownPeopleAreNone() {
    Map<String, List<InsiSimulator.Person>> byTraits = insi.people().stream().collect(Collectors.groupingBy(
        p -> InsTraits.normalise(p.traits().birthName()) + "|" + InsTraits.normalise(p.traits().firstBirthGivenName())
            + "|" + p.traits().sex() + "|" + p.traits().birthDate()));
    List<InsiSimulator.Person> pair = byTraits.values().stream().filter(l -> l.size() == 2).findFirst().orElseThrow();
    InsTraits withoutPlace = new InsTraits(pair.get(0).traits().birthName(), pair.get(0).traits().firstBirthGivenName(),
        pair.get(0).traits().sex(), pair.get(0).traits().birthDate(), null);
    assertThat(insi.search(withoutPlace).outcome()).isEqualTo(Outcome.SEVERAL);
    assertThat(insi.search(withoutPlace).ins()).isNull();
    assertThat(insi.search(pair.get(1).traits()).ins()).isEqualTo(pair.get(1).ins());
    assertThat(byTraits.values().stream().filter(l -> l.size() > 1).count()).as("planted pairs").isGreaterThanOrEqualTo(20);
    assertThat(insi.search(new InsTraits("PERSONNE", "Inconnue", Sex.F, java.time.LocalDate.of(1901, 1, 1), null))
        .outcome()).isEqualTo(Outcome.NONE);
  }

  @Test
  void aVerificationNamesTheTraitsThatDifferNeverTheirValues() {
    InsiSimulator.Person p = insi.people().get(7);
    InsTraits t = p.traits();
    InsiClient.Verification ko = insi.verify(p.ins(), new InsTraits("AUTRE", t.firstBirthGivenName(), t.sex(),
        t.birthDate().plusDays(1), t.birthPlace()));
    assertThat(ko.ok()).isFalse();
    assertThat(ko.problems()).containsExactly("birthName", "birthDate");
    assertThat(ko.toString()).doesNotContain("AUTRE", t.birthName());
    Ins unknown = new Ins(insi.people().get(8).ins().number(), InsAuthority.NIR);
    assertThat(insi.verify(unknown, t).problems()).as("same number, another authority").containsExactly("ins");
  }

  @Test
  void theSameSeedGivesTheSamePeopleAndNothingPersonalIsPrinted() {
    assertThat(InsiSimulator.seeded(42).people()).isEqualTo(insi.people());
    assertThat(InsiSimulator.seeded(43).people()).isNotEqualTo(insi.people());
    InsiSimulator.Person p = insi.people().get(0);
    assertThat(p.toString()).doesNotContain(p.traits().birthName(), p.ins().number().value(),
        p.traits().birthDate().toString());
    assertThat(insi.search(p.traits()).toString()).isEqualTo("SearchResult[FOUND]");
    assertThatThrownBy(() -> new InsTraits(" ", "Marie", Sex.F, java.time.LocalDate.of(1950, 1, 1), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("birthName is required");
  }
}
