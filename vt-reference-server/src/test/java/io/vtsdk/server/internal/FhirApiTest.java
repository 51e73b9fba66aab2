package io.vtsdk.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of HAPI's validation messages may go back to the caller: the rule and the element, never a value. */
class FhirApiTest {

  @Test
  void quotedValuesAreCutElementPathsOfTheResourceKept() {
    assertThat(FhirApi.withoutValues("Slice 'Task.input:nomESMS': a matching slice is required", "Task"))
        .isEqualTo("Slice 'Task.input:nomESMS': a matching slice is required");
    assertThat(FhirApi.withoutValues("Value is 'DUPONT' but must be \"MARTIN\"", "Task"))
        .isEqualTo("Value is '…' but must be '…'");
    assertThat(FhirApi.withoutValues("The value 'Jean.Dupont' is not valid", "Task")).doesNotContain("Dupont");
    assertThat(FhirApi.withoutValues(null, "Task")).isEmpty();
  }
}
