package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.api.RequestFigures;
import io.vtsdk.api.WaitingListRow;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.rules.indicators.Tuv;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Observatory}: request figures, waiting lists and the observatory's indicators, each within its scope. */
public class ObservatoryTest extends CoreTestBase {

  @Test
  void requestFiguresCountThePartysOwnRequests() {
    Dossier d = create(requester, sanitaire());
    List<AdmissionRequest> sent = send(requester, d.id(), SMR1, SMR2);
    core.requests().respond(smr1, sent.get(0).id(), new Response(ResponseKind.ACCEPTED, null, null, null, null,
        null), o());
    RequestFigures mine = core.observatory().requestFigures(requester, VtModule.SANITAIRE);
    assertThat(mine.requests()).isEqualTo(2);
    assertThat(core.observatory().requestFigures(smr1, null).requests()).isEqualTo(1);
    assertThat(core.observatory().requestFigures(requester, VtModule.PRADO).requests()).isZero();
  }

  @Test
  void waitingListsAreAnEsmsOwnAndAnMdphsDepartement() {
    AdmissionRequest n = notify(IME);
    core.handicap().reportStatus(ime, n.id(), status("42", null), o());
    List<WaitingListRow> ime69 = core.observatory().waitingLists(ime);
    assertThat(ime69).anySatisfy(row -> assertThat(row.waiting()).isEqualTo(1));
    assertThat(core.observatory().waitingLists(mdph)).anySatisfy(row -> assertThat(row.waiting()).isEqualTo(1));
    refused(VtCoreException.Kind.FORBIDDEN, () -> core.observatory().waitingLists(requester));
  }

  @Test
  void thePradoTuvCountsTheEstablishmentsAdhesionsForItsUnitsOnly() {
    Dossier d = create(requester, prado());
    AdmissionRequest r = send(requester, d.id(), CPAM).get(0);
    core.requests().respond(cpam, r.id(), new Response(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, null, null, null,
        null, null), o());
    core.requests().respond(cpam, r.id(), new Response(ResponseKind.PRADO_ADHESION, null, null, null, null, null), o());
    List<Tuv.Row> rows = core.observatory().tuv(requester, Tuv.Grouping.ESTABLISHMENT, Tuv.Period.YEAR);
    assertThat(rows).extracting(Tuv.Row::group).containsOnly(WARD_FINESS.value());
    assertThat(core.observatory().tuv(cpam, Tuv.Grouping.ESTABLISHMENT, Tuv.Period.YEAR))
        .extracting(Tuv.Row::group).containsOnly(WARD_FINESS.value());
    refused(VtCoreException.Kind.FORBIDDEN, () -> core.observatory().tuv(smr1, Tuv.Grouping.ESTABLISHMENT,
        Tuv.Period.YEAR));
    assertThat(core.observatory().handicap(mdph)).as("no notification: nobody counted")
        .allSatisfy(row -> assertThat(row.people()).isZero());
  }
}
