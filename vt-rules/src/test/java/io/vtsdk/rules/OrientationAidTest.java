package io.vtsdk.rules;

import static io.vtsdk.rules.orientation.Questionnaire.Condition.*;
import static io.vtsdk.rules.orientation.Questionnaire.Environment.*;
import static io.vtsdk.rules.orientation.Questionnaire.Objective.*;
import static io.vtsdk.rules.orientation.Questionnaire.Public.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.rules.orientation.OrientationAdvice;
import io.vtsdk.rules.orientation.OrientationAid;
import io.vtsdk.rules.orientation.Proposal;
import io.vtsdk.rules.orientation.Questionnaire;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrientationAidTest {
  static final OrientationAid AID = OrientationAid.standard();

  @Test
  void theSeedsPradoExampleProposesHomeWithPrimaryCareCoordination() {
    OrientationAdvice a = AID.advise(new Questionnaire(FAVORABLE_IMMEDIATE, SIMPLE_CARE_NEEDS_SUPPORT,
        AFTER_ACUTE_EPISODE, ADULT, "Cardiologie et pathologies vasculaires", "Insuffisance cardiaque",
        "Insuffisance cardiaque aiguë sur coeur antérieurement sain"));
    assertThat(a.proposals()).extracting(Proposal::target).containsExactly(TargetKind.DOMICILE);
    Proposal p = a.proposals().get(0);
    assertThat(p.labelFr()).isEqualTo("Lieu de vie - Domicile coordination soins primaires (exemple : PRADO)");
    assertThat(p.source().kind()).isEqualTo(Source.Kind.SEED);
    assertThat(a.synthesisPath()).containsExactly("Adultes", "Cardiologie et pathologies vasculaires",
        "Insuffisance cardiaque", "Insuffisance cardiaque aiguë sur coeur antérieurement sain");
    Orientation o = p.toOrientation(a.synthesisPath());
    assertThat(o.synthesis()).startsWith("Adultes > Cardiologie et pathologies vasculaires > Insuffisance cardiaque");
  }

  @Test
  void complexCardiacCareProposesSmrCardioBeforePolyvalent() {
    OrientationAdvice a = AID.advise(new Questionnaire(UNFAVORABLE, COMPLEX_CARE, AFTER_ACUTE_EPISODE, ADULT,
        "Cardiologie et pathologies vasculaires", null, null));
    assertThat(a.proposals()).extracting(Proposal::smrMention)
        .containsExactly(SmrMention.CARDIO_VASCULAIRE, SmrMention.POLYVALENT);
    assertThat(a.matchedRows()).containsExactly("smr-cardio", "smr-polyvalent");
    assertThat(a.proposals()).allMatch(p -> p.source().isAssumption());
  }

  @Test
  void elderlyAndChildrenGetTheirMentions() {
    assertThat(AID.advise(new Questionnaire(UNFAVORABLE, COMPLEX_CARE, AFTER_ACUTE_EPISODE, ELDERLY, "Neurologie",
        null, null)).proposals()).extracting(Proposal::smrMention)
        .containsExactly(SmrMention.SYSTEME_NERVEUX, SmrMention.GERIATRIE);
    assertThat(AID.advise(new Questionnaire(UNFAVORABLE, COMPLEX_CARE, AFTER_ACUTE_EPISODE, CHILD, null, null, null))
        .proposals()).extracting(Proposal::smrMention).containsExactly(SmrMention.PEDIATRIE);
  }

  @Test
  void palliativeAndTechnicalCare() {
    assertThat(AID.advise(new Questionnaire(FAVORABLE_IMMEDIATE, COMPLEX_END_OF_LIFE, PALLIATIVE, ADULT, null, null,
        null)).proposals()).extracting(Proposal::target).containsExactly(TargetKind.USP, TargetKind.HAD);
    assertThat(AID.advise(new Questionnaire(FAVORABLE_IMMEDIATE, HOSPITAL_LEVEL_TECHNICAL_CARE, AFTER_ACUTE_EPISODE,
        ADULT, null, null, null)).proposals()).extracting(Proposal::target).containsExactly(TargetKind.HAD);
  }

  @Test
  void noAnswersNoProposal() {
    assertThat(AID.advise(new Questionnaire(null, null, null, null, null, null, null)).isEmpty()).isTrue();
  }

  @Test
  void aBadTableIsRejectedWithItsLine() {
    String csv = "id,environment,condition,objective,public,family,target,smrMention,priority,label,source\n"
        + "ok,*,*,*,*,*,HAD,,1,HAD,assumption\n"
        + "bad,*,*,*,*,*,EHPAD,,1,EHPAD,assumption\n";
    assertThatThrownBy(() -> OrientationAid.fromCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        "mine.csv")).hasMessageContaining("mine.csv:3: target EHPAD is not a SANITAIRE target");
    assertThat(AID.size()).isGreaterThan(15);
  }
}
