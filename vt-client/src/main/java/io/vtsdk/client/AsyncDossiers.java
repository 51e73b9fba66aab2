package io.vtsdk.client;

import io.vtsdk.api.Eligibility;
import io.vtsdk.api.Page;
import io.vtsdk.api.PreflightReport;
import io.vtsdk.api.ValidationResult;
import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.validation.Stage;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * Dossiers: create a draft, read, update with the version read (If-Match), list, validate, eligibility, send to units.
 *
 * <p>Every method returns at once; the future completes with the answer or a {@link VtException}.
 * Each has a variant taking {@link RequestOptions}. Generated with its blocking twin by tools/gen-client-services.py.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AsyncDossiers {
  private final Pipeline p;
  private final Endpoints e;

  AsyncDossiers(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Creates a draft; the server assigns the id, number, status DRAFT and version 1. Retried safely (Idempotency-Key). */
  public CompletableFuture<Dossier> create(Dossier draft) {
    return create(draft, RequestOptions.none());
  }

  /** As {@link #create(Dossier)}, with per-call options. */
  public CompletableFuture<Dossier> create(Dossier draft, RequestOptions o) {
    return p.executeAsync(e.createDossier(draft, o));
  }

  /** Reads a dossier (with its {@code version}). */
  public CompletableFuture<Dossier> get(DossierId id) {
    return get(id, RequestOptions.none());
  }

  /** As {@link #get(DossierId)}, with per-call options. */
  public CompletableFuture<Dossier> get(DossierId id, RequestOptions o) {
    return p.executeAsync(e.getDossier(id, o));
  }

  /** Replaces a dossier, sending {@code If-Match} with the version it was read at. {@link VtApiException.ConcurrentModification} when someone changed it since. */
  public CompletableFuture<Dossier> update(Dossier changed) {
    return update(changed, RequestOptions.none());
  }

  /** As {@link #update(Dossier)}, with per-call options. */
  public CompletableFuture<Dossier> update(Dossier changed, RequestOptions o) {
    return p.executeAsync(e.updateDossier(changed, o));
  }

  /** One page of the caller's dossiers. */
  public CompletableFuture<Page<Dossier>> list(DossierQuery query, String cursor) {
    return list(query, cursor, RequestOptions.none());
  }

  /** As {@link #list(DossierQuery, String)}, with per-call options. */
  public CompletableFuture<Page<Dossier>> list(DossierQuery query, String cursor, RequestOptions o) {
    return p.executeAsync(e.listDossiers(query, cursor, o));
  }

  /** Validates the stored dossier at a stage (DRAFT or SUBMISSION). */
  public CompletableFuture<ValidationResult> validate(DossierId id, Stage stage) {
    return validate(id, stage, RequestOptions.none());
  }

  /** As {@link #validate(DossierId, Stage)}, with per-call options. */
  public CompletableFuture<ValidationResult> validate(DossierId id, Stage stage, RequestOptions o) {
    return p.executeAsync(e.validate(id, stage, o));
  }

  /** Eligibility by the server's rules for the dossier's own target, today. */
  public CompletableFuture<Eligibility> eligibility(DossierId id) {
    return eligibility(id, RequestOptions.none());
  }

  /** As {@link #eligibility(DossierId)}, with per-call options. */
  public CompletableFuture<Eligibility> eligibility(DossierId id, RequestOptions o) {
    return p.executeAsync(e.eligibility(id, null, null, null, o));
  }

  /** Eligibility for a target (e.g. {@code PRADO/AVC}; null: the dossier's), on a date (null: today), for a receiving unit (null: none). */
  public CompletableFuture<Eligibility> eligibility(DossierId id, String target, LocalDate date, UnitId unit) {
    return eligibility(id, target, date, unit, RequestOptions.none());
  }

  /** As {@link #eligibility(DossierId, String, LocalDate, UnitId)}, with per-call options. */
  public CompletableFuture<Eligibility> eligibility(DossierId id, String target, LocalDate date, UnitId unit, RequestOptions o) {
    return p.executeAsync(e.eligibility(id, target, date, unit, o));
  }

  /** Would VT send the dossier to these units? Validation at SUBMISSION, routing and eligibility per unit; nothing is written. */
  public CompletableFuture<PreflightReport> preflight(DossierId id, List<UnitId> units) {
    return preflight(id, units, RequestOptions.none());
  }

  /** As {@link #preflight(DossierId, List)}, with per-call options. */
  public CompletableFuture<PreflightReport> preflight(DossierId id, List<UnitId> units, RequestOptions o) {
    return p.executeAsync(e.preflight(id, units, o));
  }

  /** Sends the dossier to units (validated at SUBMISSION): one admission request per unit. */
  public CompletableFuture<List<AdmissionRequest>> send(DossierId id, List<UnitId> units) {
    return send(id, units, RequestOptions.none());
  }

  /** As {@link #send(DossierId, List)}, with per-call options. */
  public CompletableFuture<List<AdmissionRequest>> send(DossierId id, List<UnitId> units, RequestOptions o) {
    return p.executeAsync(e.send(id, units, o));
  }

  /** Every matching item: pages fetched one after the other without blocking; completes with them all. */
  public CompletableFuture<List<Dossier>> listAll(DossierQuery query) {
    return collect(query, null, new java.util.ArrayList<>());
  }

  private CompletableFuture<List<Dossier>> collect(DossierQuery query, String cursor, List<Dossier> acc) {
    return list(query, cursor).thenCompose(page -> {
      acc.addAll(page.items());
      return page.hasNext() ? collect(query, page.nextCursor(), acc)
          : CompletableFuture.completedFuture(List.copyOf(acc));
    });
  }

}
