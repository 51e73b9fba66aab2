package io.vtsdk.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vtsdk.core.spi.IdempotencyRecord;
import io.vtsdk.core.spi.RecordedAgreement;
import io.vtsdk.core.spi.ReportedStatus;
import io.vtsdk.core.spi.StoreException;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.vtsdk.rules.indicators.OmvAdhesionRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One transaction of a {@link JdbcStore}, on one connection. Not API. */
final class JdbcTx implements StoreTx {
  /** The size of an attachment chunk: what a write or a read holds in memory at once. */
  static final int CHUNK = 256 * 1024;

  private final JdbcStore store;
  private final Connection c;
  final boolean writable;

  JdbcTx(JdbcStore store, Connection c, boolean writable) {
    this.store = store;
    this.c = c;
    this.writable = writable;
  }

  // ------------------------------------------------------------------------------------------------ plumbing

  @FunctionalInterface
  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof byte[] bytes) {
        ps.setBytes(i + 1, bytes);
      } else {
        ps.setObject(i + 1, p);
      }
    }
    return ps;
  }

  private <T> List<T> query(String sql, Row<T> row, Object... params) {
    try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw store.failure(e);
    }
  }

  private <T> Optional<T> one(String sql, Row<T> row, Object... params) {
    List<T> all = query(sql, row, params);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private int update(String sql, Object... params) {
    requireWritable();
    try (PreparedStatement ps = prepare(sql, params)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw store.failure(e);
    }
  }

  private void requireWritable() {
    if (!writable) {
      throw new IllegalStateException("a store write outside Store.write");
    }
  }

  private long nextSeq(String table) {
    return one("SELECT COALESCE(MAX(seq), 0) FROM " + table, rs -> rs.getLong(1)).orElse(0L) + 1;
  }

  private String toJson(Object o) {
    try {
      return store.json.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a record as JSON", e);
    }
  }

  /** The CRC-32C of a record's body (UTF-8), as 8 hex digits: what V6's {@code body_sum} holds. */
  static String sum(String body) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  /**
   * The record of the row's first column, {@code body}, verified against its {@code body_sum} column (none: a row
   * written before schema 6): a damaged record is refused, never served.
   */
  private <T> T fromBody(ResultSet rs, Class<T> type) throws SQLException {
    String body = rs.getString(1);
    String expected = rs.getString("body_sum");
    if (expected != null && !expected.equals(sum(body))) {
      throw new StoreException(StoreException.Kind.DAMAGED, "a stored " + type.getSimpleName() + " record" + at(rs)
          + " is damaged: its content no longer matches its checksum (a bit changed on disk?); it is not served",
          null);
    }
    return fromJson(body, type);
  }

  /** " (seq n)" when the row has its position, to name the record (a position, never its content). */
  private static String at(ResultSet rs) {
    try {
      return " (seq " + rs.getLong("seq") + ")";
    } catch (SQLException noSuchColumn) {
      return "";
    }
  }

  private <T> T fromJson(String s, Class<T> type) {
    try {
      return store.json.readValue(s, type);
    } catch (IOException e) {
      throw new StoreException(StoreException.Kind.UNAVAILABLE, "a stored " + type.getSimpleName()
          + " cannot be read (written by another version?)", e);
    }
  }

  private static String id(Object o) {
    return o == null ? null : o.toString();
  }

  // ------------------------------------------------------------------------------------------------ directory

  @Override
  public Optional<Unit> unit(UnitId id) {
    return one("SELECT body, body_sum FROM vt_unit WHERE id = ?", rs -> fromBody(rs, Unit.class), id.value());
  }

  @Override
  public List<Unit> units() {
    return query("SELECT body, body_sum FROM vt_unit ORDER BY seq", rs -> fromBody(rs, Unit.class));
  }

  @Override
  public void putUnit(Unit unit) {
    String body = toJson(unit);
    if (update("UPDATE vt_unit SET body = ?, body_sum = ? WHERE id = ?", body, sum(body), unit.id().value()) == 0) {
      update("INSERT INTO vt_unit (id, seq, body, body_sum) VALUES (?, ?, ?, ?)", unit.id().value(),
          nextSeq("vt_unit"), body, sum(body));
    }
  }

  // ------------------------------------------------------------------------------------------------ dossiers

  private StoredDossier dossierRow(ResultSet rs) throws SQLException {
    return new StoredDossier(fromBody(rs, Dossier.class), rs.getLong(2), rs.getString(3));
  }

  @Override
  public Optional<StoredDossier> dossier(DossierId id) {
    return one("SELECT body, seq, created_by, body_sum FROM vt_dossier WHERE id = ?", this::dossierRow, id.value());
  }

  @Override
  public void putDossier(Dossier d, String createdBy) {
    String body = toJson(d);
    if (update("UPDATE vt_dossier SET body = ?, body_sum = ? WHERE id = ?", body, sum(body), d.id().value()) == 0) {
      update("INSERT INTO vt_dossier (seq, id, requester_unit, created_by, body, body_sum) VALUES (?, ?, ?, ?, ?, ?)",
          nextSeq("vt_dossier"), d.id().value(), d.requester() == null ? null : id(d.requester().unit()), createdBy,
          body, sum(body));
    }
  }

  @Override
  public List<StoredDossier> dossiersOf(UnitId unit, long afterSeq, int limit) {
    return query("SELECT body, seq, created_by, body_sum FROM vt_dossier WHERE requester_unit = ? AND seq > ? "
        + "ORDER BY seq LIMIT ?", this::dossierRow, unit.value(), afterSeq, limit);
  }

  @Override
  public List<StoredDossier> dossiers(long afterSeq, int limit) {
    return query("SELECT body, seq, created_by, body_sum FROM vt_dossier WHERE seq > ? ORDER BY seq LIMIT ?",
        this::dossierRow, afterSeq, limit);
  }

  // ------------------------------------------------------------------------------------------------ requests

  private StoredRequest requestRow(ResultSet rs) throws SQLException {
    return new StoredRequest(fromBody(rs, AdmissionRequest.class), rs.getLong(2));
  }

  private AdmissionRequest requestBody(ResultSet rs) throws SQLException {
    return fromBody(rs, AdmissionRequest.class);
  }

  @Override
  public Optional<StoredRequest> request(RequestId id) {
    return one("SELECT body, seq, body_sum FROM vt_request WHERE id = ?", this::requestRow, id.value());
  }

  @Override
  public void putRequest(AdmissionRequest r) {
    String body = toJson(r);
    int open = StoreTx.isOpen(r) ? 1 : 0;
    if (update("UPDATE vt_request SET body = ?, body_sum = ?, open_flag = ? WHERE id = ?", body, sum(body), open,
        r.id().value()) == 0) {
      String requester = one("SELECT requester_unit FROM vt_dossier WHERE id = ?", rs -> rs.getString(1),
          r.dossierId().value()).orElse(null);
      update("INSERT INTO vt_request (seq, id, dossier_id, unit_id, requester_unit, open_flag, body, body_sum) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", nextSeq("vt_request"), r.id().value(), r.dossierId().value(),
          r.unit().value(), requester, open, body, sum(body));
    }
  }

  @Override
  public List<AdmissionRequest> requestsOf(DossierId dossier) {
    return query("SELECT body, body_sum FROM vt_request WHERE dossier_id = ? ORDER BY seq", this::requestBody,
        dossier.value());
  }

  @Override
  public List<StoredRequest> requestsOfUnit(UnitId unit, boolean receiver, long afterSeq, int limit) {
    return query("SELECT body, seq, body_sum FROM vt_request WHERE " + (receiver ? "unit_id" : "requester_unit")
        + " = ? AND seq > ? ORDER BY seq LIMIT ?", this::requestRow, unit.value(), afterSeq, limit);
  }

  @Override
  public List<AdmissionRequest> openRequests() {
    return query("SELECT body, body_sum FROM vt_request WHERE open_flag = 1 ORDER BY seq", this::requestBody);
  }

  @Override
  public List<AdmissionRequest> requests() {
    return query("SELECT body, body_sum FROM vt_request ORDER BY seq", this::requestBody);
  }

  // ------------------------------------------------------------------------------------------------ events

  private StoredEvent eventRow(ResultSet rs) throws SQLException {
    return fromBody(rs, StoredEvent.class);
  }

  @Override
  public StoredEvent appendEvent(StoredEvent e) {
    long seq = nextSeq("vt_event");
    StoredEvent stored = new StoredEvent(seq, e.at(), e.type(), e.module(), e.dossierId(), e.requestId(), e.action(),
        e.actorRole(), e.status(), e.version(), e.requesterUnit(), e.receiverUnit(), e.dossierCreatedBy());
    String body = toJson(stored);
    update("INSERT INTO vt_event (seq, body, body_sum) VALUES (?, ?, ?)", seq, body, sum(body));
    if (e.requesterUnit() != null) {
      update("INSERT INTO vt_event_unit (unit_id, seq) VALUES (?, ?)", e.requesterUnit().value(), seq);
    }
    if (e.receiverUnit() != null && !e.receiverUnit().equals(e.requesterUnit())) {
      update("INSERT INTO vt_event_unit (unit_id, seq) VALUES (?, ?)", e.receiverUnit().value(), seq);
    }
    return stored;
  }

  @Override
  public List<StoredEvent> events(long afterSeq, int limit) {
    return query("SELECT body, body_sum FROM vt_event WHERE seq > ? ORDER BY seq LIMIT ?", this::eventRow, afterSeq,
        limit);
  }

  @Override
  public List<StoredEvent> eventsOf(UnitId unit, long afterSeq, int limit) {
    return query("SELECT e.body, e.body_sum FROM vt_event_unit u JOIN vt_event e ON e.seq = u.seq WHERE u.unit_id = ? "
        + "AND u.seq > ? ORDER BY u.seq LIMIT ?", this::eventRow, unit.value(), afterSeq, limit);
  }

  // ------------------------------------------------------------------------------------------------ ESMS (SDO)

  private ReportedStatus statusRow(ResultSet rs) throws SQLException {
    return fromBody(rs, ReportedStatus.class);
  }

  @Override
  public ReportedStatus addStatus(RequestId request, EsmsStatus status, Instant at) {
    long seq = nextSeq("vt_status");
    ReportedStatus s = new ReportedStatus("T-" + seq, request, status, at);
    String body = toJson(s);
    update("INSERT INTO vt_status (seq, request_id, body, body_sum) VALUES (?, ?, ?, ?)", seq, request.value(), body,
        sum(body));
    return s;
  }

  @Override
  public List<ReportedStatus> statusesOf(RequestId request) {
    return query("SELECT body, body_sum FROM vt_status WHERE request_id = ? ORDER BY seq", this::statusRow,
        request.value());
  }

  @Override
  public Optional<ReportedStatus> status(String id) {
    if (id == null || !id.startsWith("T-")) {
      return Optional.empty();
    }
    long n;
    try {
      n = Long.parseLong(id.substring(2));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return one("SELECT body, body_sum FROM vt_status WHERE seq = ?", this::statusRow, n);
  }

  @Override
  public List<ReportedStatus> statuses() {
    return query("SELECT body, body_sum FROM vt_status ORDER BY seq", this::statusRow);
  }

  @Override
  public RecordedAgreement addAgreement(RequestId request, String idNatStruct, LocalDate date, String idNatDecision,
      Instant at) {
    long seq = nextSeq("vt_agreement");
    RecordedAgreement a = new RecordedAgreement("C-" + seq, request, idNatStruct, date, idNatDecision, at);
    String body = toJson(a);
    update("INSERT INTO vt_agreement (seq, body, body_sum) VALUES (?, ?, ?)", seq, body, sum(body));
    return a;
  }

  @Override
  public List<RecordedAgreement> agreements() {
    return query("SELECT body, body_sum FROM vt_agreement ORDER BY seq", rs -> fromBody(rs, RecordedAgreement.class));
  }

  // ------------------------------------------------------------------------------------------------ observatory

  @Override
  public void addOmvAdhesions(List<OmvAdhesionRecord> adhesions) {
    long seq = nextSeq("vt_omv");
    for (OmvAdhesionRecord a : adhesions) {
      String body = toJson(a);
      update("INSERT INTO vt_omv (seq, body, body_sum) VALUES (?, ?, ?)", seq++, body, sum(body));
    }
  }

  @Override
  public List<OmvAdhesionRecord> omvAdhesions() {
    return query("SELECT body, body_sum FROM vt_omv ORDER BY seq", rs -> fromBody(rs, OmvAdhesionRecord.class));
  }

  // ------------------------------------------------------------------------------------------------ attachments

  @Override
  public void putAttachment(AttachmentId id, DossierId dossier, InputStream content) {
    long seq = nextSeq("vt_attachment");
    update("DELETE FROM vt_attachment_chunk WHERE attachment_seq IN (SELECT seq FROM vt_attachment WHERE id = ?)",
        id.value());
    update("DELETE FROM vt_attachment WHERE id = ?", id.value());
    long size = 0;
    byte[] buf = new byte[CHUNK];
    try {
      for (int n = 0; ; n++) {
        int len = content.readNBytes(buf, 0, CHUNK);
        if (len == 0 && n > 0) {
          break;
        }
        update("INSERT INTO vt_attachment_chunk (attachment_seq, n, bytes) VALUES (?, ?, ?)", seq, n,
            len == CHUNK ? buf : java.util.Arrays.copyOf(buf, len));
        size += len;
        if (len < CHUNK) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read an attachment's content", e);
    }
    update("INSERT INTO vt_attachment (seq, id, dossier_id, size) VALUES (?, ?, ?, ?)", seq, id.value(),
        dossier.value(), size);
  }

  @Override
  public Optional<DossierId> attachmentOwner(AttachmentId id) {
    return one("SELECT dossier_id FROM vt_attachment WHERE id = ?", rs -> DossierId.of(rs.getString(1)), id.value());
  }

  @Override
  public Optional<InputStream> openAttachment(AttachmentId id) {
    return one("SELECT seq FROM vt_attachment WHERE id = ?", rs -> rs.getLong(1), id.value()).map(store::chunks);
  }

  /** Chunk {@code n} of an attachment, or null past its end. */
  byte[] chunk(long attachmentSeq, int n) {
    return one("SELECT bytes FROM vt_attachment_chunk WHERE attachment_seq = ? AND n = ?", rs -> rs.getBytes(1),
        attachmentSeq, n).orElse(null);
  }

  @Override
  public List<AttachmentId> attachmentIds() {
    return query("SELECT id FROM vt_attachment ORDER BY seq", rs -> AttachmentId.of(rs.getString(1)));
  }

  // ------------------------------------------------------------------------------------------------ ids, reset

  @Override
  public String newId(String prefix) {
    update("UPDATE vt_counter SET n = n + 1 WHERE name = 'id'");
    return prefix + "-" + lastId();
  }

  @Override
  public long lastId() {
    return one("SELECT n FROM vt_counter WHERE name = 'id'", rs -> rs.getLong(1)).orElse(0L);
  }

  @Override
  public Optional<IdempotencyRecord> idempotencyRecord(String scope) {
    return one("SELECT scope, request_hash, result, at_ms FROM vt_idempotency WHERE scope = ?",
        this::idempotencyRow, scope);
  }

  private IdempotencyRecord idempotencyRow(ResultSet rs) throws SQLException {
    return new IdempotencyRecord(rs.getString(1), rs.getBytes(2), rs.getBytes(3), Instant.ofEpochMilli(rs.getLong(4)));
  }

  @Override
  public void putIdempotencyRecord(IdempotencyRecord r, int keep, Instant notBefore) {
    update("DELETE FROM vt_idempotency WHERE scope = ?", r.scope());
    long seq = nextSeq("vt_idempotency");
    update("INSERT INTO vt_idempotency (seq, scope, request_hash, result, at_ms) VALUES (?, ?, ?, ?, ?)", seq,
        r.scope(), r.requestHash(), r.result(), r.at().toEpochMilli());
    update("DELETE FROM vt_idempotency WHERE at_ms < ? OR seq <= ?", notBefore.toEpochMilli(),
        seq - keep);
  }

  @Override
  public List<IdempotencyRecord> idempotencyRecords() {
    return query("SELECT scope, request_hash, result, at_ms FROM vt_idempotency ORDER BY seq",
        this::idempotencyRow);
  }

  @Override
  public Optional<String> setting(String name) {
    return one("SELECT setting FROM vt_setting WHERE name = ?", rs -> rs.getString(1), name);
  }

  @Override
  public void putSetting(String name, String value) {
    if (update("UPDATE vt_setting SET setting = ? WHERE name = ?", value, name) == 0) {
      update("INSERT INTO vt_setting (name, setting) VALUES (?, ?)", name, value);
    }
  }

  @Override
  public void clearData() {
    for (String table : List.of("vt_dossier", "vt_request", "vt_event", "vt_event_unit", "vt_status",
        "vt_agreement", "vt_omv", "vt_attachment_chunk", "vt_attachment", "vt_idempotency")) {
      update("DELETE FROM " + table);
    }
    update("UPDATE vt_counter SET n = 0 WHERE name = 'id'");
  }

  @Override
  public void clearUnits() {
    update("DELETE FROM vt_unit");
  }
}
