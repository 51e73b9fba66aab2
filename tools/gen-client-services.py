#!/usr/bin/env python3
# Run from the repository root: python3 tools/gen-client-services.py
# Generates the sync and async service facades of vt-client from one table, so both stay identical.
import os
import re
OUT='vt-client/src/main/java/io/vtsdk/client/'
IMPORTS='''import io.vtsdk.api.AvailableActions;
import io.vtsdk.api.Eligibility;
import io.vtsdk.api.HandicapRow;
import io.vtsdk.api.ObservatoryScopes;
import io.vtsdk.api.Page;
import io.vtsdk.api.PreflightReport;
import io.vtsdk.api.RequestFigures;
import io.vtsdk.api.TuvRow;
import io.vtsdk.api.ValidationResult;
import io.vtsdk.api.WaitingListRow;
import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.rules.indicators.Tuv;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;
'''
# service: (doc, [ (doc, returnType, name, params(list of (type,name)), endpointExpr) ])
S = {
 'Dossiers': ('Dossiers: create a draft, read, update with the version read (If-Match), list, validate, eligibility, send to units.', [
  ('Creates a draft; the server assigns the id, number, status DRAFT and version 1. Retried safely (Idempotency-Key).', 'Dossier', 'create', [('Dossier','draft')], 'e.createDossier(draft, o)'),
  ('Reads a dossier (with its {@code version}).', 'Dossier', 'get', [('DossierId','id')], 'e.getDossier(id, o)'),
  ('Replaces a dossier, sending {@code If-Match} with the version it was read at. {@link VtApiException.ConcurrentModification} when someone changed it since.', 'Dossier', 'update', [('Dossier','changed')], 'e.updateDossier(changed, o)'),
  ('One page of the caller\'s dossiers.', 'Page<Dossier>', 'list', [('DossierQuery','query'),('String','cursor')], 'e.listDossiers(query, cursor, o)'),
  ('Validates the stored dossier at a stage (DRAFT or SUBMISSION).', 'ValidationResult', 'validate', [('DossierId','id'),('Stage','stage')], 'e.validate(id, stage, o)'),
  ('Eligibility by the server\'s rules for the dossier\'s own target, today.', 'Eligibility', 'eligibility', [('DossierId','id')], 'e.eligibility(id, null, null, null, o)'),
  ('Eligibility for a target (e.g. {@code PRADO/AVC}; null: the dossier\'s), on a date (null: today), for a receiving unit (null: none).', 'Eligibility', 'eligibility', [('DossierId','id'),('String','target'),('LocalDate','date'),('UnitId','unit')], 'e.eligibility(id, target, date, unit, o)'),
  ('Would VT send the dossier to these units? Validation at SUBMISSION, routing and eligibility per unit; nothing is written.', 'PreflightReport', 'preflight', [('DossierId','id'),('List<UnitId>','units')], 'e.preflight(id, units, o)'),
  ('Sends the dossier to units (validated at SUBMISSION): one admission request per unit.', 'List<AdmissionRequest>', 'send', [('DossierId','id'),('List<UnitId>','units')], 'e.send(id, units, o)'),
 ]),
 'Attachments': ('Attachments of dossiers: streamed upload and download, sha-256 checked both ways.', [
  ('Uploads a file, streamed from disk, with its sha-256 (checked by the server).', 'Attachment', 'upload', [('DossierId','dossier'),('String','fileName'),('String','contentType'),('Path','file')], 'e.upload(dossier, fileName, contentType, file, o)'),
  ('Uploads bytes with their sha-256 (checked by the server).', 'Attachment', 'upload', [('DossierId','dossier'),('String','fileName'),('String','contentType'),('byte[]','content')], 'e.upload(dossier, fileName, contentType, content, o)'),
  ('Streams an attachment into {@code out} and checks its sha-256; returns the number of bytes.', 'Long', 'download', [('AttachmentId','id'),('OutputStream','out')], 'e.download(id, out, o)'),
 ]),
 'Requests': ('Admission requests: read, list, the workflow actions, ESMS statuses and waiting lists.', [
  ('Reads a request.', 'AdmissionRequest', 'get', [('RequestId','id')], 'e.getRequest(id, o)'),
  ('One page of the requests the caller sees.', 'Page<AdmissionRequest>', 'list', [('RequestQuery','query'),('String','cursor')], 'e.listRequests(query, cursor, o)'),
  ('What the caller may do on the request now.', 'AvailableActions', 'availableActions', [('RequestId','id')], 'e.availableActions(id, o)'),
  ('Marks the request read (receiving unit).', 'AdmissionRequest', 'read', [('RequestId','id')], 'e.act(id, "read", o)'),
  ('Answers the request (accept, refuse, waiting list, PRADO answers…).', 'AdmissionRequest', 'respond', [('RequestId','id'),('Response','response')], 'e.respond(id, response, o)'),
  ('Cancels the request (requester).', 'AdmissionRequest', 'cancel', [('RequestId','id')], 'e.act(id, "cancel", o)'),
  ('Confirms the admission (requester); the dossier\'s other open requests are closed.', 'AdmissionRequest', 'confirmAdmission', [('RequestId','id')], 'e.act(id, "confirm-admission", o)'),
  ('Reports an ESMS status (R357/J252 with its ASS_A32 motif).', 'AdmissionRequest', 'reportEsmsStatus', [('RequestId','id'),('EsmsStatus','status')], 'e.reportEsmsStatus(id, status, o)'),
  ('The ESMS statuses reported on a request, oldest first.', 'List<EsmsStatus>', 'esmsStatuses', [('RequestId','id')], 'e.esmsStatuses(id, o)'),
  ('The waiting list of a unit (null: the caller\'s own).', 'List<AdmissionRequest>', 'waitingList', [('UnitId','unit')], 'e.waitingList(unit, o)'),
 ]),
 'Directory': ('The directory of structures and units.', [
  ('Units matching the query.', 'List<Unit>', 'search', [('UnitQuery','query')], 'e.searchUnits(query, o)'),
  ('One unit.', 'Unit', 'get', [('UnitId','id')], 'e.getUnit(id, o)'),
 ]),
 'Indicators': ('Observatory indicators computed by the server, within the caller\'s scope (docs/testkit.md).', [
  ('Read and response rates and delays of the caller\'s requests (module null: all).', 'RequestFigures', 'requests', [('VtModule','module')], 'e.requestIndicators(module, o)'),
  ('Waiting lists per département and ESMS category.', 'List<WaitingListRow>', 'waitingLists', [], 'e.waitingListIndicators(o)'),
  ('What the caller may read of the observatory (seed 003: differentiated access), each scope null when none.', 'ObservatoryScopes', 'observatoryScopes', [], 'e.observatoryScopes(o)'),
  ('The Prado TUV within the caller\'s scope, every group over every period (null: month, all).', 'List<TuvRow>', 'tuv', [('Tuv.Period','by'),('Tuv.Grouping','group')], 'e.observatoryTuv(by, group, o)'),
  ('The Handicap indicators within the caller\'s scope, counted by person where the text says people.', 'List<HandicapRow>', 'handicap', [], 'e.observatoryHandicap(o)'),
  ('The TUV as an SVG document (one line per group, the 12 largest; lang null: French).', 'byte[]', 'tuvChart', [('Tuv.Period','by'),('Tuv.Grouping','group'),('Locale','lang')], 'e.observatoryTuvChart(by, group, lang, o)'),
  ('One Handicap indicator (its code, e.g. {@code waiting-list/departement}; null: that one) as an SVG bar chart.', 'byte[]', 'handicapChart', [('String','indicator'),('Locale','lang')], 'e.observatoryHandicapChart(indicator, lang, o)'),
 ]),
}
# what docs/client.md promises stays STABLE (the quick starts' services); the rest is EXPERIMENTAL until 1.0
STABLE_SERVICES = {'Dossiers', 'Requests', 'Directory'}
def box(t):
  return {'Long':'Long'}.get(t,t)
def gen(svc, doc, ops, async_):
  cls = ('Async' if async_ else '') + svc
  lines=['package io.vtsdk.client;','',IMPORTS,'/**',' * '+doc,' *',
         ' * <p>'+('Every method returns at once; the future completes with the answer or a {@link VtException}.' if async_ else 'Every method blocks until the answer and throws a {@link VtException} on failure.'),
         ' * Each has a variant taking {@link RequestOptions}. Generated with its '+('blocking' if async_ else 'async')+' twin by tools/gen-client-services.py.',' */',
         '@API(status = API.Status.'+('EXPERIMENTAL' if async_ or svc not in STABLE_SERVICES else 'STABLE')+', since = "0.1")','public final class '+cls+' {','  private final Pipeline p;','  private final Endpoints e;','',
         '  '+cls+'(Pipeline p, Endpoints e) {','    this.p = p;','    this.e = e;','  }','']
  for (d, ret, name, params, expr) in ops:
    rt = 'CompletableFuture<'+box(ret)+'>' if async_ else ('long' if ret=='Long' else ret)
    run = 'p.executeAsync' if async_ else 'p.execute'
    ps = ', '.join(t+' '+n for t,n in params)
    args = ', '.join(n for t,n in params)
    lines += ['  /** '+d+' */','  public '+rt+' '+name+'('+ps+') {','    return '+name+'('+args+(', ' if args else '')+'RequestOptions.none());','  }','',
              '  /** As {@link #'+name+'('+', '.join(t.split('<')[0] for t,n in params)+')}, with per-call options. */',
              '  public '+rt+' '+name+'('+ps+(', ' if ps else '')+'RequestOptions o) {','    return '+run+'('+expr+');','  }','']
  if svc=='Dossiers' or svc=='Requests':
    q = 'DossierQuery' if svc=='Dossiers' else 'RequestQuery'
    t = 'Dossier' if svc=='Dossiers' else 'AdmissionRequest'
    if not async_:
      lines += ['  /** Every matching item, fetched page by page as you iterate. */','  public Paged<'+t+'> listAll('+q+' query) {',
                '    return new Paged<>(cursor -> list(query, cursor));','  }','']
    else:
      lines += ['  /** Every matching item: pages fetched one after the other without blocking; completes with them all. */',
                '  public CompletableFuture<List<'+t+'>> listAll('+q+' query) {','    return collect(query, null, new java.util.ArrayList<>());','  }','',
                '  private CompletableFuture<List<'+t+'>> collect('+q+' query, String cursor, List<'+t+'> acc) {',
                '    return list(query, cursor).thenCompose(page -> {','      acc.addAll(page.items());',
                '      return page.hasNext() ? collect(query, page.nextCursor(), acc)','          : CompletableFuture.completedFuture(List.copyOf(acc));','    });','  }','']
  lines += ['}','']
  src='\n'.join(lines)
  # drop unused imports
  body=src.split('public final class',1)[1]
  out=[]
  for l in src.split('\n'):
    if l.startswith('import '):
      name=l.rstrip(';').split('.')[-1]
      if not re.search(r'\b'+name+r'\b', body) and not (name=='API'):
        continue
    out.append(l)
  open(OUT+cls+'.java','w').write('\n'.join(out))
for svc,(doc,ops) in S.items():
  gen(svc,doc,ops,False); gen(svc,doc,ops,True)
