package io.vtsdk.testkit.internal;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The reference server's in-memory state. Every write runs under one write lock and replaces immutable records, so a
 * failed write (an exception before the last put) leaves nothing half-written; reads run under the read lock. Not API.
 */
public final class Store {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  final Map<UnitId, Unit> units = new LinkedHashMap<>();
  final Map<DossierId, Dossier> dossiers = new LinkedHashMap<>();
  final Map<RequestId, AdmissionRequest> requests = new LinkedHashMap<>();
  final List<Event> events = new ArrayList<>();
  /** Requests of each dossier, in creation order (an index: no scan of all requests per call). */
  final Map<DossierId, List<RequestId>> requestsByDossier = new LinkedHashMap<>();
  /** ESMS statuses reported per request (SDO flows 4–5), oldest first; through /v1 or /fhir alike. */
  final Map<RequestId, List<ReportedStatus>> esmsStatuses = new LinkedHashMap<>();
  /** Every reported status in report order: the FHIR Tasks of flow 5. */
  final List<ReportedStatus> statusLog = new ArrayList<>();

  /** Agreements ESMS recorded through SDO flow 2 (esms-consent), in order. */
  final List<RecordedConsent> consents = new ArrayList<>();

  /** An agreement: its id ({@code C-n}), the request it is about, its value and when it was recorded. */
  record RecordedConsent(String id, RequestId request, io.vtsdk.fhir.sdo.SdoConsent consent, java.time.Instant at) {}

  /** A reported ESMS status: its Task id ({@code T-n}), request, value and when it was recorded. */
  record ReportedStatus(String id, RequestId request, io.vtsdk.model.handicap.EsmsStatus status,
      java.time.Instant at) {}
  long nextId = 1;
  /** How many auto-archiving sweeps changed something (a refused durable write journals its sweep). */
  long sweeps;
  /** Attachment contents (the metadata is in the dossier). */
  final Map<io.vtsdk.model.AttachmentId, byte[]> attachmentContents = new LinkedHashMap<>();
  /** Which dossier each attachment belongs to. */
  final Map<io.vtsdk.model.AttachmentId, DossierId> attachmentDossier = new LinkedHashMap<>();
  /**
   * JSON of the records last read, keyed by id, valid while the stored record is the same object (records are
   * immutable and every write replaces them). Concurrent: filled under the read lock.
   */
  final Map<Object, Representation> representations = new java.util.concurrent.ConcurrentHashMap<>();

  record Representation(Object source, byte[] json) {}

  /** Earliest instant at which an open request may fall due for archiving (null: none open). */
  java.time.Instant nextArchiveDue;

  public <T> T write(Supplier<T> work) {
    lock.writeLock().lock();
    long idsBefore = nextId;
    try {
      return work.get();
    } catch (RuntimeException e) {
      nextId = idsBefore; // a refused write leaves no trace, not even a consumed id
      throw e;
    } finally {
      lock.writeLock().unlock();
    }
  }

  public <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Clears everything but the directory. Call under the write lock. */
  void clearData() {
    dossiers.clear();
    requests.clear();
    events.clear();
    requestsByDossier.clear();
    nextArchiveDue = null;
    attachmentContents.clear();
    attachmentDossier.clear();
    esmsStatuses.clear();
    statusLog.clear();
    consents.clear();
    representations.clear();
    nextId = 1;
  }

  /** Adds a new request and indexes it. Call under the write lock. */
  void addRequest(AdmissionRequest r) {
    requests.put(r.id(), r);
    requestsByDossier.computeIfAbsent(r.dossierId(), k -> new ArrayList<>()).add(r.id());
  }

  /** The requests of a dossier. Call under a lock. */
  List<AdmissionRequest> requestsOf(DossierId dossier) {
    List<RequestId> ids = requestsByDossier.getOrDefault(dossier, List.of());
    List<AdmissionRequest> out = new ArrayList<>(ids.size());
    for (RequestId id : ids) {
      out.add(requests.get(id));
    }
    return out;
  }

  String newId(String prefix) {
    return prefix + "-" + (nextId++);
  }
}
