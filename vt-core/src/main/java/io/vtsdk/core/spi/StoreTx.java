package io.vtsdk.core.spi;

import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import java.io.InputStream;
import io.vtsdk.rules.indicators.OmvAdhesionRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The operations of one transaction of a {@link Store}. Lists come in creation order. Write methods may only be called
 * inside {@link Store#write}. The store keeps what it is given: every rule is checked by the core before.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface StoreTx {

  // ---------------------------------------------------------------------------------------------- directory

  Optional<Unit> unit(UnitId id);

  /** Every unit of the directory, in insertion order. */
  List<Unit> units();

  void putUnit(Unit unit);

  // ---------------------------------------------------------------------------------------------- dossiers

  Optional<StoredDossier> dossier(DossierId id);

  /** Inserts or replaces a dossier; {@code createdBy} is kept from the first insert. */
  void putDossier(Dossier dossier, String createdBy);

  /** Dossiers whose requester is {@code unit}, with {@code seq > afterSeq}, at most {@code limit}. */
  List<StoredDossier> dossiersOf(UnitId unit, long afterSeq, int limit);

  /** Every dossier, at most {@code limit} with {@code seq > afterSeq} (fixture loading, fingerprints). */
  List<StoredDossier> dossiers(long afterSeq, int limit);

  // ---------------------------------------------------------------------------------------------- requests

  Optional<StoredRequest> request(RequestId id);

  /** Inserts or replaces a request. */
  void putRequest(AdmissionRequest request);

  /** The requests of a dossier. */
  List<AdmissionRequest> requestsOf(DossierId dossier);

  /** Requests sent to {@code unit} ({@code receiver}) or by it ({@code !receiver}), with {@code seq > afterSeq}. */
  List<StoredRequest> requestsOfUnit(UnitId unit, boolean receiver, long afterSeq, int limit);

  /** The requests {@link #isOpen} accepts, in sequence order. */
  List<AdmissionRequest> openRequests();

  /**
   * Whether VT's sweep must look at a request: what its module's descriptor calls open
   * ({@link io.vtsdk.model.module.ModuleDescriptor#isOpen}: by default SENT or READ, which auto-archiving may close).
   * Stores index requests by it; this is the one definition they use.
   */
  static boolean isOpen(AdmissionRequest r) {
    return io.vtsdk.model.module.VtModules.of(r.module()).isOpen(r.status());
  }

  /** Every request (indicators over a whole scope, fingerprints). */
  List<AdmissionRequest> requests();

  // ---------------------------------------------------------------------------------------------- events

  /** Appends an event, giving it the next position; returns it. */
  StoredEvent appendEvent(StoredEvent withoutSeq);

  /** Every event with {@code seq > afterSeq}, at most {@code limit} (fingerprints). */
  List<StoredEvent> events(long afterSeq, int limit);

  /** Events {@code unit} may see (as requester or receiver), with {@code seq > afterSeq}, at most {@code limit}. */
  List<StoredEvent> eventsOf(UnitId unit, long afterSeq, int limit);

  // ---------------------------------------------------------------------------------------------- ESMS (SDO)

  /** Records a status for a request; the store gives it the next Task id {@code T-n}. */
  ReportedStatus addStatus(RequestId request, EsmsStatus status, Instant at);

  List<ReportedStatus> statusesOf(RequestId request);

  Optional<ReportedStatus> status(String id);

  /** Every reported status, in report order. */
  List<ReportedStatus> statuses();

  /** Records an agreement (SDO flow 2); the store gives it the next id {@code C-n}. */
  RecordedAgreement addAgreement(RequestId request, String idNatStruct, LocalDate date, String idNatDecision,
      Instant at);

  List<RecordedAgreement> agreements();

  // ---------------------------------------------------------------------------------------------- observatory

  /**
   * Adds Prado adhesions recorded in the Assurance Maladie's OMV (the TUV's denominator, imported: VT does not
   * record them itself), after those already there. Cleared with the data. @since 0.2
   */
  void addOmvAdhesions(List<OmvAdhesionRecord> adhesions);

  /** The imported OMV adhesions, in import order. @since 0.2 */
  List<OmvAdhesionRecord> omvAdhesions();

  // ---------------------------------------------------------------------------------------------- attachments

  /**
   * Stores an attachment's content, read to its end from {@code content} (the core has checked its size bound), as
   * belonging to {@code dossier}. Kept out of the heap by stores that can.
   */
  void putAttachment(AttachmentId id, DossierId dossier, InputStream content);

  /** The dossier an attachment's content belongs to. */
  Optional<DossierId> attachmentOwner(AttachmentId id);

  /** Opens an attachment's content; the caller closes it. */
  Optional<InputStream> openAttachment(AttachmentId id);

  /** Every stored attachment id, in upload order. */
  List<AttachmentId> attachmentIds();

  // ---------------------------------------------------------------------------------------------- ids, reset

  /** A new id {@code prefix-n}, n from one counter for the whole store. */
  String newId(String prefix);

  /** The last n {@link #newId} gave (0 after a reset). */
  long lastId();

  // ---------------------------------------------------------------------------------------------- server records

  /** The recorded result of an idempotent write, by scope (caller, operation, key). */
  Optional<IdempotencyRecord> idempotencyRecord(String scope);

  /**
   * Records a result (replacing one of the same scope), then forgets the records older than {@code notBefore} and
   * the oldest beyond {@code keep}.
   */
  void putIdempotencyRecord(IdempotencyRecord record, int keep, Instant notBefore);

  /** Every idempotency record, in recording order. */
  List<IdempotencyRecord> idempotencyRecords();

  /** A server setting (a secret, the test clock…); settings survive {@link #clearData()}. */
  Optional<String> setting(String name);

  void putSetting(String name, String value);

  /**
   * Removes every dossier, request, event, status, agreement, attachment and idempotency record and restarts the id
   * counter.
   */
  void clearData();

  /** Removes every unit. */
  void clearUnits();
}
