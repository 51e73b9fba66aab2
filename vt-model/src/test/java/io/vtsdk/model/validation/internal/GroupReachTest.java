package io.vtsdk.model.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.SubmissionGroup;
import io.vtsdk.model.validation.Violation;
import jakarta.validation.Path;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupReachTest {
  /** Holds a submission constraint two cascades down. */
  record Leaf(@NotNull(groups = SubmissionGroup.class, message = "{vt.required}") String name) {}

  record Middle(@Valid Leaf leaf, @Valid List<Leaf> leaves) {}

  /** Only draft constraints. */
  record Plain(@NotNull(message = "{vt.required}") String code) {}

  /** Could be subclassed by a type carrying submission constraints. */
  interface Open {}

  record Root(@Valid Middle middle, @Valid Plain plain, @Valid Open open, @Valid Root self) {}

  private static final Validator METADATA = Validation.buildDefaultValidatorFactory().getValidator();

  private static boolean cascades(GroupReach reach, Object owner, String property) {
    Path.Node node = (Path.Node) java.lang.reflect.Proxy.newProxyInstance(GroupReachTest.class.getClassLoader(),
        new Class<?>[] {Path.Node.class}, (proxy, method, args) -> method.getName().equals("getName") ? property : null);
    return reach.isCascadable(owner, node, owner.getClass(), null, null);
  }

  @Test
  void cascadesOnlyWhereAConstraintOfTheGroupCanBeFound() {
    GroupReach reach = new GroupReach(METADATA, SubmissionGroup.class);
    Root root = new Root(null, null, null, null);

    assertThat(cascades(reach, root, "middle")).as("leads to Leaf's constraint").isTrue();
    assertThat(cascades(reach, new Middle(null, List.of()), "leaves")).as("through a container").isTrue();
    assertThat(cascades(reach, root, "plain")).as("draft constraints only").isFalse();
    assertThat(cascades(reach, root, "open")).as("an interface may be implemented by anything").isTrue();
    assertThat(cascades(reach, root, "self")).as("a cycle leading to the group").isTrue();
  }

  @Test
  void aPlainCycleIsNotCascaded() {
    GroupReach reach = new GroupReach(METADATA, SubmissionGroup.class);
    record Loop(@Valid Loop next, @Valid Plain plain) {}

    assertThat(cascades(reach, new Loop(null, null), "next")).isFalse();
    assertThat(cascades(reach, new Loop(null, null), "plain")).isFalse();
  }

  @Test
  void theValidatorStillFindsSubmissionConstraintsDeepDownAndDraftOnesEverywhere() {
    DossierValidator validator = DossierValidator.builder().build();
    Root root = new Root(new Middle(new Leaf(null), List.of(new Leaf("a"), new Leaf(null))), new Plain(null), null,
        null);

    assertThat(validator.validate(root, Stage.SUBMISSION).violations()).extracting(Violation::path)
        .containsExactly("/middle/leaf/name", "/middle/leaves/1/name", "/plain/code");
    assertThat(validator.validate(root, Stage.DRAFT).violations()).extracting(Violation::path)
        .containsExactly("/plain/code");
  }
}
