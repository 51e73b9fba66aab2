package io.vtsdk.model.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.nos.Concept;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VigilanceAttributeTest {
  /** The codes of fr-core-cs-v2-0445 that are identity statuses, not attributes. */
  private static final Set<String> STATUSES = Set.of("VIDE", "PROV", "VALI");

  @Test
  void everyNonStatusCodeOfTheCodeSystemIsAnAttributeAndNothingElse() {
    Set<String> codes = Nomenclatures.get(NosTable.FR_CORE_0445).concepts().stream().map(Concept::code)
        .filter(c -> !STATUSES.contains(c)).collect(Collectors.toSet());
    assertThat(Arrays.stream(VigilanceAttribute.values()).map(VigilanceAttribute::code))
        .containsExactlyInAnyOrderElementsOf(codes);
    for (String code : codes) {
      assertThat(VigilanceAttribute.fromCode(code)).as(code).isPresent();
    }
    assertThat(VigilanceAttribute.fromCode("VALI")).isEmpty();
  }

  @Test
  void theRnivAttributesAreHomonymDoubtfulAndFictitious() {
    assertThat(Arrays.stream(VigilanceAttribute.values()).filter(VigilanceAttribute::rnivAttribute))
        .containsExactlyInAnyOrder(VigilanceAttribute.HOMONYME_DETECTE, VigilanceAttribute.HOMONYME_AVERE,
            VigilanceAttribute.IDENTITE_DOUTEUSE, VigilanceAttribute.IDENTITE_FICTIVE);
    assertThat(VigilanceAttribute.HOMONYME_DETECTE.label()).isEqualTo("Homonyme détecté");
  }

  @Test
  void onlyAQualifiedIdentityConveysItsIns() {
    assertThat(Arrays.stream(IdentityStatus.values()).filter(IdentityStatus::conveysIns))
        .containsExactly(IdentityStatus.QUALIFIEE);
    assertThat(IdentityStatus.RECUPEREE.needsIns()).as("an INS from INSi, kept locally").isTrue();
  }
}
