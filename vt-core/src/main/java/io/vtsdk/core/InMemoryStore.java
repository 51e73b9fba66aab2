package io.vtsdk.core;

import io.vtsdk.core.spi.IdempotencyRecord;
import io.vtsdk.core.spi.RecordedAgreement;
import io.vtsdk.core.spi.ReportedStatus;
import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.core.spi.StoredEvent;
import io.vtsdk.core.spi.StoredRequest;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import io.vtsdk.rules.indicators.OmvAdhesionRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The default {@link Store}: records in memory, attachment contents in files of a private temporary directory (so
 * uploads never accumulate in the heap), deleted on {@link #close()}. One write at a time; a write that throws is
 * rolled back through an undo log, so nothing of it remains. Reads run in parallel.
 *
 * <p>Not durable: a durable store is a database ({@code vt-store-jdbc}).
 *
 * <p>Longer than the core's other classes (about 560 lines) for a reason: it implements the whole {@link StoreTx} SPI,
 * every method a few lines, over maps that one undo log must cover; split in parts, each part would need the log.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class InMemoryStore implements Store {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<UnitId, Unit> units = new LinkedHashMap<>();
  private final Map<DossierId, StoredDossier> dossiers = new LinkedHashMap<>();
  private final Map<UnitId, List<DossierId>> dossiersByUnit = new LinkedHashMap<>();
  private final Map<RequestId, StoredRequest> requests = new LinkedHashMap<>();
  private final Map<DossierId, List<RequestId>> requestsByDossier = new LinkedHashMap<>();
  private final Map<UnitId, List<RequestId>> requestsByReceiver = new LinkedHashMap<>();
  private final Map<UnitId, List<RequestId>> requestsByRequester = new LinkedHashMap<>();
  private final Set<RequestId> open = new LinkedHashSet<>();
  private final List<StoredEvent> events = new ArrayList<>();
  private final Map<UnitId, List<Integer>> eventsByUnit = new LinkedHashMap<>();
  private final List<ReportedStatus> statuses = new ArrayList<>();
  private final Map<RequestId, List<ReportedStatus>> statusesByRequest = new LinkedHashMap<>();
  private final List<RecordedAgreement> agreements = new ArrayList<>();
  private final List<OmvAdhesionRecord> omv = new ArrayList<>();
  private final Map<AttachmentId, DossierId> attachmentOwners = new LinkedHashMap<>();
  private final Map<String, IdempotencyRecord> idempotency = new LinkedHashMap<>();
  private final Map<String, String> settings = new LinkedHashMap<>();
  private long nextId = 1;
  private long dossierSeq;
  private long requestSeq;
  private final Path contentDir;
  private final Tx tx = new Tx();
  private Deque<Runnable> undo;

  public InMemoryStore() {
    try {
      contentDir = Files.createTempDirectory("vt-attachments-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the attachments' temporary directory", e);
    }
  }

  @Override
  public <T> T read(Function<StoreTx, T> work) {
    boolean[] in = enter();
    lock.readLock().lock();
    try {
      return work.apply(tx);
    } finally {
      lock.readLock().unlock();
      in[0] = false;
    }
  }

  @Override
  public <T> T write(Function<StoreTx, T> work) {
    boolean[] in = enter();
    lock.writeLock().lock();
    try {
      undo = new ArrayDeque<>();
      try {
        T result = work.apply(tx);
        undo = null;
        return result;
      } catch (RuntimeException | Error e) {
        Deque<Runnable> steps = undo;
        undo = null;
        while (!steps.isEmpty()) {
          steps.pop().run();
        }
        throw e;
      }
    } finally {
      lock.writeLock().unlock();
      in[0] = false;
    }
  }

  /** Transactions do not nest (the {@link Store} contract): a call from inside one is a bug of its caller. */
  private boolean[] enter() {
    boolean[] in = inside.get();
    if (in[0]) {
      throw new IllegalStateException("a store transaction opened inside another: Store transactions do not nest");
    }
    in[0] = true;
    return in;
  }

  /** Whether this thread is inside a transaction (a flag per thread, set for the transaction's length). */
  private final ThreadLocal<boolean[]> inside = ThreadLocal.withInitial(() -> new boolean[1]);

  @Override
  public void close() {
    try (var files = Files.list(contentDir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(contentDir);
    } catch (IOException e) {
      // best effort: a temporary directory
    }
  }

  private void onUndo(Runnable r) {
    if (undo == null) {
      throw new IllegalStateException("a store write outside Store.write");
    }
    undo.push(r);
  }

  private <K, V> void put(Map<K, V> map, K key, V value) {
    boolean had = map.containsKey(key);
    V before = map.put(key, value);
    onUndo(() -> {
      if (had) {
        map.put(key, before);
      } else {
        map.remove(key);
      }
    });
  }

  private <K, V> void append(Map<K, List<V>> index, K key, V value) {
    List<V> list = index.computeIfAbsent(key, k -> new ArrayList<>());
    list.add(value);
    onUndo(() -> list.remove(list.size() - 1));
  }

  private <V> void append(List<V> list, V value) {
    list.add(value);
    onUndo(() -> list.remove(list.size() - 1));
  }

  private Path file(AttachmentId id) {
    return contentDir.resolve(id.value().replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
  }

  private static <T> List<T> after(List<T> all, java.util.function.ToLongFunction<T> seq, long afterSeq, int limit) {
    List<T> out = new ArrayList<>();
    for (T t : all) {
      if (seq.applyAsLong(t) > afterSeq) {
        out.add(t);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }

  private final class Tx implements StoreTx {
    @Override
    public Optional<Unit> unit(UnitId id) {
      return Optional.ofNullable(units.get(id));
    }

    @Override
    public List<Unit> units() {
      return List.copyOf(units.values());
    }

    @Override
    public void putUnit(Unit unit) {
      put(units, unit.id(), unit);
    }

    @Override
    public Optional<StoredDossier> dossier(DossierId id) {
      return Optional.ofNullable(dossiers.get(id));
    }

    @Override
    public void putDossier(Dossier d, String createdBy) {
      StoredDossier before = dossiers.get(d.id());
      if (before == null) {
        long seq = ++dossierSeq;
        onUndo(() -> dossierSeq--);
        put(dossiers, d.id(), new StoredDossier(d, seq, createdBy));
        if (d.requester() != null) {
          append(dossiersByUnit, d.requester().unit(), d.id());
        }
      } else {
        put(dossiers, d.id(), new StoredDossier(d, before.seq(), before.createdBy()));
      }
    }

    @Override
    public List<StoredDossier> dossiersOf(UnitId unit, long afterSeq, int limit) {
      List<StoredDossier> mine = dossiersByUnit.getOrDefault(unit, List.of()).stream().map(dossiers::get).toList();
      return after(mine, StoredDossier::seq, afterSeq, limit);
    }

    @Override
    public List<StoredDossier> dossiers(long afterSeq, int limit) {
      return after(new ArrayList<>(dossiers.values()), StoredDossier::seq, afterSeq, limit);
    }

    @Override
    public Optional<StoredRequest> request(RequestId id) {
      return Optional.ofNullable(requests.get(id));
    }

    @Override
    public void putRequest(AdmissionRequest r) {
      StoredRequest before = requests.get(r.id());
      if (before == null) {
        long seq = ++requestSeq;
        onUndo(() -> requestSeq--);
        put(requests, r.id(), new StoredRequest(r, seq));
        append(requestsByDossier, r.dossierId(), r.id());
        append(requestsByReceiver, r.unit(), r.id());
        StoredDossier d = dossiers.get(r.dossierId());
        if (d != null && d.dossier().requester() != null) {
          append(requestsByRequester, d.dossier().requester().unit(), r.id());
        }
      } else {
        put(requests, r.id(), new StoredRequest(r, before.seq()));
      }
      boolean isOpen = StoreTx.isOpen(r);
      boolean wasOpen = open.contains(r.id());
      if (isOpen != wasOpen) {
        if (isOpen) {
          open.add(r.id());
          onUndo(() -> open.remove(r.id()));
        } else {
          open.remove(r.id());
          onUndo(() -> open.add(r.id()));
        }
      }
    }

    @Override
    public List<AdmissionRequest> requestsOf(DossierId dossier) {
      return requestsByDossier.getOrDefault(dossier, List.of()).stream().map(id -> requests.get(id).request())
          .toList();
    }

    @Override
    public List<StoredRequest> requestsOfUnit(UnitId unit, boolean receiver, long afterSeq, int limit) {
      List<StoredRequest> all = (receiver ? requestsByReceiver : requestsByRequester).getOrDefault(unit, List.of())
          .stream().map(requests::get).toList();
      return after(all, StoredRequest::seq, afterSeq, limit);
    }

    @Override
    public List<AdmissionRequest> openRequests() {
      return open.stream().map(id -> requests.get(id).request()).toList();
    }

    @Override
    public List<AdmissionRequest> requests() {
      return requests.values().stream().map(StoredRequest::request).toList();
    }

    @Override
    public StoredEvent appendEvent(StoredEvent e) {
      StoredEvent stored = new StoredEvent(events.size() + 1L, e.at(), e.type(), e.module(), e.dossierId(),
          e.requestId(), e.action(), e.actorRole(), e.status(), e.version(), e.requesterUnit(), e.receiverUnit(),
          e.dossierCreatedBy());
      int index = events.size();
      append(events, stored);
      if (e.requesterUnit() != null) {
        append(eventsByUnit, e.requesterUnit(), index);
      }
      if (e.receiverUnit() != null && !e.receiverUnit().equals(e.requesterUnit())) {
        append(eventsByUnit, e.receiverUnit(), index);
      }
      return stored;
    }

    @Override
    public List<StoredEvent> events(long afterSeq, int limit) {
      int from = (int) Math.min(events.size(), Math.max(0, afterSeq));
      return List.copyOf(events.subList(from, (int) Math.min(events.size(), (long) from + limit)));
    }

    @Override
    public List<StoredEvent> eventsOf(UnitId unit, long afterSeq, int limit) {
      List<Integer> idx = eventsByUnit.getOrDefault(unit, List.of());
      // binary search for the first index whose seq (index + 1) is > afterSeq
      int lo = 0;
      int hi = idx.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (idx.get(mid) + 1L <= afterSeq) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      List<StoredEvent> out = new ArrayList<>();
      for (int i = lo; i < idx.size() && out.size() < limit; i++) {
        out.add(events.get(idx.get(i)));
      }
      return out;
    }

    @Override
    public ReportedStatus addStatus(RequestId request, EsmsStatus status, Instant at) {
      ReportedStatus s = new ReportedStatus("T-" + (statuses.size() + 1), request, status, at);
      append(statuses, s);
      append(statusesByRequest, request, s);
      return s;
    }

    @Override
    public List<ReportedStatus> statusesOf(RequestId request) {
      return List.copyOf(statusesByRequest.getOrDefault(request, List.of()));
    }

    @Override
    public Optional<ReportedStatus> status(String id) {
      if (id == null || !id.startsWith("T-")) {
        return Optional.empty();
      }
      try {
        int n = Integer.parseInt(id.substring(2));
        return n >= 1 && n <= statuses.size() ? Optional.of(statuses.get(n - 1)) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public List<ReportedStatus> statuses() {
      return List.copyOf(statuses);
    }

    @Override
    public RecordedAgreement addAgreement(RequestId request, String idNatStruct, LocalDate date,
        String idNatDecision, Instant at) {
      RecordedAgreement a = new RecordedAgreement("C-" + (agreements.size() + 1), request, idNatStruct, date,
          idNatDecision, at);
      append(agreements, a);
      return a;
    }

    @Override
    public List<RecordedAgreement> agreements() {
      return List.copyOf(agreements);
    }

    @Override
    public void addOmvAdhesions(List<OmvAdhesionRecord> adhesions) {
      adhesions.forEach(a -> append(omv, a));
    }

    @Override
    public List<OmvAdhesionRecord> omvAdhesions() {
      return List.copyOf(omv);
    }

    @Override
    public void putAttachment(AttachmentId id, DossierId dossier, InputStream content) {
      Path f = file(id);
      try {
        Files.copy(content, f, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot store an attachment", e);
      }
      onUndo(() -> {
        try {
          Files.deleteIfExists(f);
        } catch (IOException ignored) {
          // a temporary file
        }
      });
      put(attachmentOwners, id, dossier);
    }

    @Override
    public Optional<DossierId> attachmentOwner(AttachmentId id) {
      return Optional.ofNullable(attachmentOwners.get(id));
    }

    @Override
    public Optional<InputStream> openAttachment(AttachmentId id) {
      if (!attachmentOwners.containsKey(id)) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.newInputStream(file(id)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read an attachment", e);
      }
    }

    @Override
    public List<AttachmentId> attachmentIds() {
      return List.copyOf(attachmentOwners.keySet());
    }

    @Override
    public String newId(String prefix) {
      long n = nextId++;
      onUndo(() -> nextId = n);
      return prefix + "-" + n;
    }

    @Override
    public long lastId() {
      return nextId - 1;
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String scope) {
      return Optional.ofNullable(idempotency.get(scope));
    }

    @Override
    public void putIdempotencyRecord(IdempotencyRecord record, int keep, Instant notBefore) {
      Map<String, IdempotencyRecord> before = new LinkedHashMap<>(idempotency);
      onUndo(() -> {
        idempotency.clear();
        idempotency.putAll(before);
      });
      idempotency.remove(record.scope());
      idempotency.put(record.scope(), record);
      var oldest = idempotency.values().iterator();
      while (oldest.hasNext()) {
        IdempotencyRecord r = oldest.next();
        if (idempotency.size() <= keep && !r.at().isBefore(notBefore)) {
          break;
        }
        oldest.remove();
      }
    }

    @Override
    public List<IdempotencyRecord> idempotencyRecords() {
      return List.copyOf(idempotency.values());
    }

    @Override
    public Optional<String> setting(String name) {
      return Optional.ofNullable(settings.get(name));
    }

    @Override
    public void putSetting(String name, String value) {
      put(settings, name, value);
    }

    @Override
    public void clearData() {
      Snapshot before = new Snapshot();
      onUndo(before::restore);
      wipeData();
    }

    @Override
    public void clearUnits() {
      Map<UnitId, Unit> before = new LinkedHashMap<>(units);
      units.clear();
      onUndo(() -> units.putAll(before));
    }
  }

  /** The data (not the units, not the settings) as it was, to put back when a reset is rolled back. */
  private final class Snapshot {
    private final Map<DossierId, StoredDossier> dossiers = new LinkedHashMap<>(InMemoryStore.this.dossiers);
    private final Map<UnitId, List<DossierId>> dossiersByUnit = deep(InMemoryStore.this.dossiersByUnit);
    private final Map<RequestId, StoredRequest> requests = new LinkedHashMap<>(InMemoryStore.this.requests);
    private final Map<DossierId, List<RequestId>> requestsByDossier = deep(InMemoryStore.this.requestsByDossier);
    private final Map<UnitId, List<RequestId>> requestsByReceiver = deep(InMemoryStore.this.requestsByReceiver);
    private final Map<UnitId, List<RequestId>> requestsByRequester = deep(InMemoryStore.this.requestsByRequester);
    private final Set<RequestId> open = new LinkedHashSet<>(InMemoryStore.this.open);
    private final List<StoredEvent> events = new ArrayList<>(InMemoryStore.this.events);
    private final Map<UnitId, List<Integer>> eventsByUnit = deep(InMemoryStore.this.eventsByUnit);
    private final List<ReportedStatus> statuses = new ArrayList<>(InMemoryStore.this.statuses);
    private final Map<RequestId, List<ReportedStatus>> statusesByRequest = deep(InMemoryStore.this.statusesByRequest);
    private final List<RecordedAgreement> agreements = new ArrayList<>(InMemoryStore.this.agreements);
    private final List<OmvAdhesionRecord> omv = new ArrayList<>(InMemoryStore.this.omv);
    private final Map<AttachmentId, DossierId> attachmentOwners = new LinkedHashMap<>(InMemoryStore.this.attachmentOwners);
    private final Map<String, IdempotencyRecord> idempotency = new LinkedHashMap<>(InMemoryStore.this.idempotency);
    private final long nextId = InMemoryStore.this.nextId;
    private final long dossierSeq = InMemoryStore.this.dossierSeq;
    private final long requestSeq = InMemoryStore.this.requestSeq;

    void restore() {
      wipeData();
      InMemoryStore.this.dossiers.putAll(dossiers);
      InMemoryStore.this.dossiersByUnit.putAll(dossiersByUnit);
      InMemoryStore.this.requests.putAll(requests);
      InMemoryStore.this.requestsByDossier.putAll(requestsByDossier);
      InMemoryStore.this.requestsByReceiver.putAll(requestsByReceiver);
      InMemoryStore.this.requestsByRequester.putAll(requestsByRequester);
      InMemoryStore.this.open.addAll(open);
      InMemoryStore.this.events.addAll(events);
      InMemoryStore.this.eventsByUnit.putAll(eventsByUnit);
      InMemoryStore.this.statuses.addAll(statuses);
      InMemoryStore.this.statusesByRequest.putAll(statusesByRequest);
      InMemoryStore.this.agreements.addAll(agreements);
      InMemoryStore.this.omv.addAll(omv);
      InMemoryStore.this.attachmentOwners.putAll(attachmentOwners);
      InMemoryStore.this.idempotency.putAll(idempotency);
      InMemoryStore.this.nextId = nextId;
      InMemoryStore.this.dossierSeq = dossierSeq;
      InMemoryStore.this.requestSeq = requestSeq;
    }
  }

  private static <K, V> Map<K, List<V>> deep(Map<K, List<V>> m) {
    Map<K, List<V>> copy = new LinkedHashMap<>();
    m.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
    return copy;
  }

  private void wipeData() {
    dossiers.clear();
    dossiersByUnit.clear();
    requests.clear();
    requestsByDossier.clear();
    requestsByReceiver.clear();
    requestsByRequester.clear();
    open.clear();
    events.clear();
    eventsByUnit.clear();
    statuses.clear();
    statusesByRequest.clear();
    agreements.clear();
    omv.clear();
    attachmentOwners.clear();
    idempotency.clear();
    nextId = 1;
    dossierSeq = 0;
    requestSeq = 0;
  }
}
