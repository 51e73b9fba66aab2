package io.vtsdk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.json.VtJson;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCompositionTest {
  static final Fact<Integer> SCORE = Fact.define("/test/score", Integer.class);
  static final Fact<Boolean> FLAG = Fact.define("/test/flag", Boolean.class);
  static final LocalDate ON = LocalDate.of(2026, 11, 23);
  static final Verdict SCORE_UNKNOWN = Verdict.unknown(SCORE);
  static final Verdict FLAG_UNKNOWN = Verdict.unknown(FLAG);

  static Rule scoreAtLeast(int min) {
    return Rule.builder("score>=" + min).source(Source.assumption("test")).description("score", "score")
        .reads(SCORE)
        .when((f, on) -> {
          Integer s = f.get(SCORE);
          return s == null ? SCORE_UNKNOWN : s >= min ? Verdict.pass("ok", "ok") : Verdict.fail("non", "no");
        })
        .build();
  }

  static Rule flag() {
    return Rule.builder("flag").source(Source.assumption("test")).description("flag", "flag").reads(FLAG)
        .when((f, on) -> {
          Boolean b = f.get(FLAG);
          return b == null ? FLAG_UNKNOWN : b ? Verdict.pass("oui", "yes") : Verdict.fail("non", "no");
        })
        .build();
  }

  static Rule.Builder meta(String id) {
    return Rule.builder(id).source(Source.assumption("test")).description(id, id);
  }

  static Outcome eval(Rule r, Integer score, Boolean flag) {
    return r.evaluate(Facts.builder().put(SCORE, score).put(FLAG, flag).build(), ON).outcome();
  }

  @Test
  void allOfAnyOfAndNotFollowThreeValuedLogic() {
    Rule all = Rule.allOf(meta("all"), scoreAtLeast(10), flag());
    Rule any = Rule.anyOf(meta("any"), scoreAtLeast(10), flag());
    Rule not = Rule.not(meta("not"), flag());
    assertThat(eval(all, 12, true)).isEqualTo(Outcome.PASS);
    assertThat(eval(all, 5, null)).isEqualTo(Outcome.FAIL); // a FAIL wins over UNKNOWN
    assertThat(eval(all, 12, null)).isEqualTo(Outcome.UNKNOWN);
    assertThat(eval(any, 5, true)).isEqualTo(Outcome.PASS);
    assertThat(eval(any, 12, null)).isEqualTo(Outcome.PASS); // a PASS wins over UNKNOWN
    assertThat(eval(any, 5, null)).isEqualTo(Outcome.UNKNOWN);
    assertThat(eval(any, 5, false)).isEqualTo(Outcome.FAIL);
    assertThat(eval(not, null, true)).isEqualTo(Outcome.FAIL);
    assertThat(eval(not, null, false)).isEqualTo(Outcome.PASS);
    assertThat(eval(not, null, null)).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void compositionKeepsEveryChildsTraceAndTheMissingPaths() {
    Rule nested = Rule.allOf(meta("outer"), Rule.anyOf(meta("inner"), scoreAtLeast(10), flag()), scoreAtLeast(3));
    TraceEntry e = nested.evaluate(Facts.builder().put(SCORE, 5).build(), ON);
    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(e.missing()).containsExactly("/test/flag");
    assertThat(e.children()).extracting(TraceEntry::ruleId).containsExactly("inner", "score>=3");
    assertThat(e.children().get(0).children()).extracting(TraceEntry::outcome)
        .containsExactly(Outcome.FAIL, Outcome.UNKNOWN);
    assertThat(e.children().get(0).children().get(0).inputs()).containsEntry("/test/score", 5);
    assertThat(VtJson.toJson(e)).contains("\"children\":[{\"ruleId\":\"inner\"");
  }

  @Test
  void aRuleSetNamesEveryFailedRuleAndEachMissingFactOnceAndTracesOnlyTheEffectiveRules() {
    Rule expired = meta("expired").effective(null, ON.minusDays(1)).when((f, on) -> Verdict.fail("non", "no"))
        .build();
    RuleSet set = new RuleSet("test", "1", Target.of(TargetKind.SMR), null, null, Source.assumption("test"),
        List.of(scoreAtLeast(10), expired, scoreAtLeast(20), flag(), Rule.allOf(meta("both"), flag(), flag())));
    Decision failing = set.evaluate(Facts.builder().put(SCORE, 5).build(), ON);
    assertThat(failing).isInstanceOfSatisfying(Decision.Ineligible.class,
        i -> assertThat(i.failed()).containsExactly("score>=10", "score>=20"));
    assertThat(failing.trace()).extracting(TraceEntry::ruleId)
        .containsExactly("score>=10", "score>=20", "flag", "both");
    assertThat(failing.trace().get(3).children()).hasSize(2);
    assertThat(VtJson.toJson(failing.trace().get(0))).contains("\"inputs\":{\"/test/score\":5}");

    Decision incomplete = set.evaluate(Facts.builder().put(SCORE, 30).build(), ON);
    assertThat(incomplete).isInstanceOfSatisfying(Decision.Incomplete.class,
        i -> assertThat(i.missing()).containsExactly("/test/flag"));
    Decision nothingKnown = set.evaluate(Facts.builder().build(), ON);
    assertThat(nothingKnown).isInstanceOfSatisfying(Decision.Incomplete.class,
        i -> assertThat(i.missing()).containsExactly("/test/score", "/test/flag"));
    assertThat(nothingKnown.trace()).isEqualTo(List.copyOf(nothingKnown.trace()));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void engineEnforcesTheRuleContract() {
    Rule returnsNull = meta("bad").when((f, on) -> null).build();
    Rule throwsNpe = meta("npe").when((f, on) -> {
      throw new NullPointerException();
    }).build();
    RuleSet set = new RuleSet("x", "1", Target.of(TargetKind.HAD), null, null, Source.assumption("t"),
        List.of(returnsNull));
    assertThatThrownBy(() -> set.evaluate(Facts.empty(), ON)).hasMessage("rule 'bad' v1 returned null; return a Verdict");
    assertThatThrownBy(() -> throwsNpe.evaluate(Facts.empty(), ON))
        .hasMessageContaining("rule 'npe' v1 threw NullPointerException");
    assertThatThrownBy(() -> meta("nocond").build()).hasMessageContaining("has no condition");
    assertThatThrownBy(() -> Rule.builder("nosource").description("a", "b").when((f, on) -> null).build())
        .hasMessageContaining("rule 'nosource' has no source");
    assertThatThrownBy(() -> new RuleSet("dup", "1", Target.of(TargetKind.HAD), null, null, Source.assumption("t"),
        List.of(flag(), flag()))).hasMessageContaining("has rule 'flag' twice");
    assertThatThrownBy(() -> Fact.define("no/slash", String.class)).hasMessageContaining("JSON Pointer");
    assertThatThrownBy(() -> Facts.builder().put((Fact) SCORE, "x"))
        .hasMessageContaining("/test/score takes a Integer, not a String");
    assertThatThrownBy(() -> Verdict.unknown()).hasMessageContaining("must name the missing facts");
  }

  @Test
  void rulesOutsideTheirEffectivePeriodAreSkipped() {
    Rule old = meta("old").effective(null, LocalDate.of(2020, 12, 31)).when((f, on) -> Verdict.fail("n", "n")).build();
    RuleSet set = new RuleSet("x", "1", Target.of(TargetKind.HAD), null, null, Source.assumption("t"),
        List.of(old, flag()));
    Decision d = set.evaluate(Facts.builder().put(FLAG, true).build(), ON);
    assertThat(d.result()).isEqualTo(Decision.Result.ELIGIBLE);
    assertThat(d.trace()).extracting(TraceEntry::ruleId).containsExactly("flag");
    assertThat(set.evaluate(Facts.builder().put(FLAG, true).build(), LocalDate.of(2020, 1, 1)).result())
        .isEqualTo(Decision.Result.INELIGIBLE);
  }
}
