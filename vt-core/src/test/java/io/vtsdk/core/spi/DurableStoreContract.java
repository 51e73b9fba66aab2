package io.vtsdk.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vtsdk.core.VtCore;
import io.vtsdk.core.WriteOptions;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.workflow.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link Store} contract of a durable store, beyond {@link StoreContract}: a write that the database fails to make
 * durable (a full disk, an I/O error) keeps nothing, and the store recovers by itself once the cause is gone — no
 * restart; what was committed survives reopening. Each store says how its database fails ({@link #breakWrites()})
 * and heals ({@link #heal()}) for real: SQLite with a page limit, PostgreSQL with a commit-time failure.
 */
public abstract class DurableStoreContract extends StoreContract {

  /** Makes the database fail every write from now on, as a full disk or a failing device would. */
  protected abstract void breakWrites();

  /** Removes the cause of the failure (frees space, repairs the device). */
  protected abstract void heal();

  /** Closes {@link #store} and opens the same database again. */
  protected abstract Store reopen();

  private void write(String id) {
    store.write(tx -> {
      put(tx, id);
      return null;
    });
  }

  @Test
  void aWriteTheDatabaseFailsKeepsNothingAndTheStoreRecoversOnceTheCauseIsGone() {
    write("D-1");
    List<String> before = dossierIds();
    breakWrites();
    List<String> committed = dossierIds();
    assertThat(committed).containsAll(before);
    StoreException failed = catchThrowableOfType(StoreException.class, () -> write("D-FAILED"));
    assertThat(failed).as("the write fails").isNotNull();
    assertThat(failed.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE);
    assertThat(failed.getMessage()).contains("nothing of the write was kept").doesNotContain("Sanitaire");
    StoreException again = catchThrowableOfType(StoreException.class, () -> write("D-FAILED"));
    assertThat(again).as("it keeps failing while the cause is there").isNotNull();
    heal();
    write("D-2");
    assertThat(dossierIds()).doesNotContain("D-FAILED").containsAll(before).endsWith("D-2");
    write("D-3");
    assertThat(dossierIds()).endsWith("D-2", "D-3");
  }

  @Test
  void aCoreOnAFailingStoreRefusesThenWritesAgainWithoutARestart() {
    UnitId ward = UnitId.of("U-WARD");
    VtCore core = VtCore.builder().store(store).build();
    core.fixtures().reset(List.of(Unit.builder(ward, "Cardiologie").build()));
    io.vtsdk.core.Principal requester = new io.vtsdk.core.Principal(Role.REQUESTER, ward, "10003606315");
    var draft = Fixtures.sanitaire().toBuilder().requester(new Requester(ward, null)).attachments(List.of()).build();
    core.dossiers().create(requester, draft, WriteOptions.DEFAULT);
    long lastId = store.read(StoreTx::lastId);
    breakWrites();
    assertThat(catchThrowableOfType(StoreException.class,
        () -> core.dossiers().create(requester, draft, WriteOptions.DEFAULT))).isNotNull();
    heal();
    assertThat(core.dossiers().create(requester, draft, WriteOptions.DEFAULT).value().id().value())
        .as("the failed write consumed no id").isEqualTo("D-" + (lastId + 1));
    assertThat(core.dossiers().list(requester, null, null, null, 100).items()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void whatIsCommittedSurvivesReopening() {
    write("D-1");
    store.write(tx -> {
      tx.putSetting("secret", "s");
      return tx.newId("X");
    });
    store = reopen();
    assertThat(dossierIds()).containsExactly("D-1");
    String secret = store.read(tx -> tx.setting("secret").orElseThrow());
    assertThat(secret).isEqualTo("s");
    long lastId = store.read(StoreTx::lastId);
    assertThat(lastId).isEqualTo(1);
  }
}
