// The vt-sdk console: what a professional sees in ViaTrajectoire, on the reference server. Preact + htm (WebJars),
// no build step. Every read and write goes through the public /v1 API with the signed-in principal's token, so the
// console sees and does exactly what VT's policy allows. The token lives in sessionStorage (no cookie: no CSRF).
import { h, render } from 'preact';
import { useState, useEffect, useCallback } from 'preact/hooks';
import htm from 'htm';

const html = htm.bind(h);
// Script errors are kept (window.vtConsoleErrors) so that the browser tests fail on any of them.
window.vtConsoleErrors = [];
addEventListener('error', (e) => window.vtConsoleErrors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => window.vtConsoleErrors.push(String(e.reason)));

// ------------------------------------------------------------------------------------------------ i18n

const T = {
  fr: {
    title: 'ViaTrajectoire — serveur de référence', signIn: 'Connexion', signOut: 'Se déconnecter',
    signInAs: 'Se connecter en tant que', unit: 'Unité et rôle', orToken: 'ou coller un jeton', token: 'Jeton',
    go: 'Se connecter', dossiers: 'Mes dossiers', worklist: 'Demandes reçues', notifications: 'Notifications',
    decision: 'Décision MDPH', validity: 'Validité', toEndorse: 'Admissions impossibles à entériner',
    observatory: 'Observatoire',
    control: 'Contrôle', language: 'Langue', live: 'Temps réel', offline: 'Hors ligne', module: 'Module',
    status: 'Statut', updated: 'Mis à jour', patient: 'Patient', sent: 'Envoyée', unitCol: 'Unité',
    allF: 'Tous', open: 'Ouvrir', identity: 'Identité', trust: "Niveau de confiance de l'identité",
    vigilance: 'Points de vigilance', none: 'aucun', sections: 'Volets', attachments: 'Pièces jointes',
    sendTo: 'Envoyer à des unités', search: 'Rechercher dans l’annuaire', check: 'Vérifier (préflight)',
    send: 'Envoyer', sentOk: 'Demandes envoyées', replies: 'Envois et réponses', showCancelled:
    'Afficher les demandes annulées', history: 'Historique des actions', at: 'Date', action: 'Action',
    role: 'Rôle', answers: 'Réponses', read: 'Marquer comme lue', respond: 'Répondre', kind: 'Réponse',
    motif: 'Motif', comment: 'Commentaire', chars: 'caractères', entryDate: "Date d'entrée proposée",
    admissionAt: "Heure d'admission", submit: 'Valider', unread: 'non lues', total: 'demandes', since: 'Envoyées depuis',
    back: 'Retour', requests: 'Demandes', readRate: 'Taux de lecture', answerRate: 'Taux de réponse',
    waiting: 'Listes d’attente', places: 'places', adminToken: 'Jeton de l’API de contrôle',
    clock: 'Horloge', advance: 'Avancer de', reset: 'Réinitialiser les données', journal: 'Journal des appels',
    faults: 'Pannes injectées', clearFaults: 'Supprimer les pannes', inject: "Injecter sur l'appel suivant", delay: 'délai de',
    injected: 'Panne injectée :', faultPath: 'Route (modèle comme /v1/requests/{id}/responses, chemin exact, ou *)', noAdmin:
    "L'API de contrôle n'est pas active (lancer le serveur avec --admin).", actions: 'Actions possibles',
    eligibility: 'Éligibilité', valid: 'valide', invalid: 'refusé', problems: 'Problèmes', ok: 'OK',
    notFound: 'Rien à afficher.', esmsStatus: 'Statut ESMS (R357)', unitStatus: "Statut dans l'unité (J253)", careMode: 'Mode de prise en charge (R213)', unitMotif: "Motif dans l'unité", statusDate: 'Date du statut',
    report: 'Déclarer', select: '— choisir —', tuv: "Taux d'usage de VT (Prado)", handicap: 'Indicateurs Handicap',
    period: 'Période', group: 'Regroupement', indicator: 'Indicateur', people: 'Personnes', median: 'Délai médian (jours)',
    a_READ: 'Lire', a_CANCEL: 'Annuler la demande', a_CONFIRM_ADMISSION: "Confirmer l'admission",
    played: 'Unités jouées par le serveur', playedNone: 'Aucune : toutes les réponses viennent de vous.',
    sessions: 'Sessions de test', sessionsNone: 'Aucune session : vt serve --scenario, ou POST /__admin/sessions.',
    passed: 'réussie', failedSession: 'échouée', report: 'Rapport HTML',
    who: 'Qui', does: 'Réponse', after: 'Après', seed: 'Graine', answered: 'réponses données',
    importDir: 'Importer un annuaire (bundle FHIR du ROR ou CSV)', file: 'Fichier', mode: 'Mode',
    MERGE: 'Ajouter ou remplacer ces unités', REPLACE: "Remplacer tout l'annuaire", importGo: 'Importer',
    imported: 'unités importées ; unités dans l’annuaire :',
  },
  en: {
    title: 'ViaTrajectoire — reference server', signIn: 'Sign in', signOut: 'Sign out',
    signInAs: 'Sign in as', unit: 'Unit and role', orToken: 'or paste a token', token: 'Token', go: 'Sign in',
    dossiers: 'My dossiers', worklist: 'Received requests', notifications: 'Notifications',
    decision: 'MDPH decision', validity: 'Validity', toEndorse: 'Impossible admissions to endorse',
    observatory: 'Observatory', control: 'Control',
    language: 'Language', live: 'Live', offline: 'Offline', module: 'Module', status: 'Status',
    updated: 'Updated', patient: 'Patient', sent: 'Sent', unitCol: 'Unit', allF: 'All', open: 'Open',
    identity: 'Identity', trust: 'Identity trust level', vigilance: 'Vigilance points', none: 'none',
    sections: 'Sections', attachments: 'Attachments', sendTo: 'Send to units', search: 'Search the directory',
    check: 'Check (preflight)', send: 'Send', sentOk: 'Requests sent', replies: 'Sent requests and answers',
    showCancelled: 'Show cancelled requests', history: 'Action history', at: 'Date', action: 'Action',
    role: 'Role', answers: 'Answers', read: 'Mark as read', respond: 'Answer', kind: 'Answer', motif: 'Motif',
    comment: 'Comment', chars: 'characters', entryDate: 'Proposed entry date', admissionAt: 'Admission time',
    submit: 'Submit', unread: 'unread', total: 'requests', since: 'Sent since', back: 'Back', requests: 'Requests',
    readRate: 'Read rate', answerRate: 'Answer rate', waiting: 'Waiting lists', places: 'places',
    adminToken: 'Control API token', clock: 'Clock', advance: 'Advance by', reset: 'Reset the data',
    journal: 'Call journal', faults: 'Injected faults', clearFaults: 'Clear faults', inject: 'Inject on the next call', delay: 'delay of',
    injected: 'Fault injected:', faultPath: 'Route (a template like /v1/requests/{id}/responses, an exact path, or *)',
    noAdmin: 'The control API is off (start the server with --admin).', actions: 'Available actions',
    eligibility: 'Eligibility', valid: 'valid', invalid: 'refused', problems: 'Problems', ok: 'OK',
    notFound: 'Nothing to show.', esmsStatus: 'ESMS status (R357)', unitStatus: 'Status in the unit (J253)', careMode: 'Mode of care (R213)', unitMotif: 'Motif in the unit', statusDate: 'Status date', report: 'Report',
    select: '— choose —', tuv: 'VT usage rate (Prado)', handicap: 'Handicap indicators', period: 'Period',
    group: 'Grouping', indicator: 'Indicator', people: 'People', median: 'Median delay (days)',
    a_READ: 'Read', a_CANCEL: 'Cancel the request', a_CONFIRM_ADMISSION: 'Confirm the admission',
    played: 'Units the server plays', playedNone: 'None: every answer comes from you.',
    sessions: 'Test sessions', sessionsNone: 'No session: vt serve --scenario, or POST /__admin/sessions.',
    passed: 'passed', failedSession: 'failed', report: 'HTML report',
    who: 'Who', does: 'Answer', after: 'After', seed: 'Seed', answered: 'answers given',
    importDir: 'Import a directory (ROR FHIR Bundle or CSV)', file: 'File', mode: 'Mode',
    MERGE: 'Add or replace these units', REPLACE: 'Replace the whole directory', importGo: 'Import',
    imported: 'units imported; units in the directory:',
  },
};
const KINDS = {
  fr: { ACCEPTED: 'Accepter', REFUSED: 'Refuser', WAITING_LIST: "Mettre en liste d'attente",
    PRADO_ELIGIBLE_ADMINISTRATIVELY: 'Éligible administrativement', PRADO_ADHESION: 'Adhésion finale au service Prado',
    PRADO_NON_ADHESION: 'Non adhésion', TND_ELIGIBLE: 'Éligible', TND_NOT_ELIGIBLE: 'Non éligible',
    TND_ORIENTED_ELSEWHERE: 'Orienté ailleurs', REDIRECTED: 'Réorienter vers un autre service' },
  en: { ACCEPTED: 'Accept', REFUSED: 'Refuse', WAITING_LIST: 'Put on the waiting list',
    PRADO_ELIGIBLE_ADMINISTRATIVELY: 'Administratively eligible', PRADO_ADHESION: 'Final adhesion to Prado',
    PRADO_NON_ADHESION: 'Non-adhesion', TND_ELIGIBLE: 'Eligible', TND_NOT_ELIGIBLE: 'Not eligible',
    TND_ORIENTED_ELSEWHERE: 'Oriented elsewhere', REDIRECTED: 'Redirect to another service' },
};
let lang = localStorage.getItem('vt.lang') === 'en' ? 'en' : 'fr';
const t = (k) => T[lang][k] || T.fr[k] || k;
// VT's answers are labelled here; an extension module labels its own (the vocabulary's label), else its code shows
const kindLabel = (k, module) => KINDS[lang][k] || vocLabel(k, module) || k;
const vocLabel = (k, module) => {
  const m = vocabulary && module && vocabulary.modules[module];
  const kind = m && m.responseKinds[k];
  return kind && kind.label ? kind.label[lang] || kind.label.fr : null;
};
// SDO notifications (Handicap): the descriptor says so through the vocabulary, no module is named here
const isSdo = (voc, module) => !!(voc && voc.modules[module] && voc.modules[module].sdo);
const MAX_COMMENT = 500;

// ------------------------------------------------------------------------------------------------ API

const session = () => JSON.parse(sessionStorage.getItem('vt.session') || 'null');

async function call(method, path, body, token) {
  const s = session();
  const headers = { Accept: 'application/json', 'Accept-Language': lang };
  const bearer = token || (s && s.token);
  if (bearer) headers.Authorization = 'Bearer ' + bearer;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const json = text ? JSON.parse(text) : null;
  if (!r.ok) {
    const e = new Error((json && (json.detail || json.title)) || String(r.status));
    e.problem = json;
    throw e;
  }
  return json;
}
const get = (p) => call('GET', p);
const post = (p, b) => call('POST', p, b === undefined ? {} : b);

// The change feed, live: GET /v1/events/stream read with fetch (EventSource cannot send the Authorization header).
// Reconnects after the server ends a stream, resuming with Last-Event-ID; every event bumps the page's data.
const listeners = new Set();
let liveState = false;
let streamAbort = null;
async function follow() {
  let lastId = null;
  while (session()) {
    const ctl = new AbortController();
    streamAbort = ctl;
    try {
      const headers = { Accept: 'text/event-stream', Authorization: 'Bearer ' + session().token };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const r = await fetch('/v1/events/stream', { headers, signal: ctl.signal });
      if (r.status === 401 || r.status === 403) return;
      const reader = r.body.getReader();
      const decoder = new TextDecoder();
      let buf = '';
      setLive(true);
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          const f = {};
          for (const line of block.split('\n')) {
            const i = line.indexOf(':');
            if (i > 0) f[line.slice(0, i)] = line.slice(i + 1).trim();
          }
          if (f.id) lastId = f.id;
          if (f.data && f.event !== 'stream.open') listeners.forEach((l) => l(JSON.parse(f.data)));
        }
      }
    } catch (e) {
      if (ctl.signal.aborted) return;
      await new Promise((res) => setTimeout(res, 1000));
    } finally {
      setLive(false);
    }
  }
}
// On (re)connection every view refetches: what changed before the stream started (or between two streams) shows too.
function setLive(v) {
  liveState = v;
  listeners.forEach((l) => l(v ? { type: 'stream.connected' } : null));
}

// A value that is fetched again whenever the feed says something changed.
function useLive(load, deps) {
  const [state, setState] = useState({ data: null, error: null });
  const refresh = useCallback(() => {
    load().then((data) => setState({ data, error: null }), (error) => setState({ data: null, error }));
  }, deps);
  useEffect(() => {
    refresh();
    const l = (e) => { if (e) refresh(); };
    listeners.add(l);
    return () => listeners.delete(l);
  }, [refresh]);
  return [state.data, state.error, refresh];
}

function useHash() {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const f = () => setHash(location.hash || '#/');
    addEventListener('hashchange', f);
    return () => removeEventListener('hashchange', f);
  }, []);
  return hash;
}

// ------------------------------------------------------------------------------------------------ pieces

const Problem = ({ error }) => error && html`<div class="error" role="alert">
  <strong>${error.message}</strong>
  ${error.problem && error.problem.violations && html`<ul>${error.problem.violations.map((v) => html`
    <li><code>${v.path}</code> ${v.code}: ${v.message}</li>`)}</ul>`}</div>`;

const when = (i) => (i ? new Date(i).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB') : '');
const isUnread = (r) => r.status === 'SENT' || r.status === 'NOTIFICATION_SENT' || r.status === 'NOTIFICATION_REACTIVATED';

function Live() {
  const [, bump] = useState(0);
  useEffect(() => { const l = () => bump((n) => n + 1); listeners.add(l); return () => listeners.delete(l); }, []);
  return html`<span class="live badge" role="status" aria-live="polite" data-live=${String(liveState)}>
    ${liveState ? '● ' + t('live') : '○ ' + t('offline')}</span>`;
}

// ------------------------------------------------------------------------------------------------ sign in

function SignIn({ onSignedIn }) {
  const [principals, setPrincipals] = useState([]);
  const [unit, setUnit] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState(null);
  useEffect(() => { call('GET', '/console/api/principals').then((p) => { setPrincipals(p); }); }, []);
  const submit = async (ev) => {
    ev.preventDefault();
    try {
      const s = token ? { token, role: '?', unit: '?', name: t('token') }
        : await call('POST', '/console/api/sign-in', { unit });
      sessionStorage.setItem('vt.session', JSON.stringify(s));
      onSignedIn();
    } catch (e) { setError(e); }
  };
  return html`<main><h2>${t('signIn')}</h2>
    <form class="card" onSubmit=${submit}>
      <label for="principal">${t('unit')}</label>
      <select id="principal" name="principal" value=${unit} onChange=${(e) => setUnit(e.target.value)}>
        <option value="">${t('select')}</option>
        ${principals.map((p) => html`<option value=${p.unit}>${p.name} — ${p.role} (${p.unit})</option>`)}
      </select>
      <label for="token">${t('orToken')}</label>
      <input id="token" type="password" autocomplete="off" value=${token} onInput=${(e) => setToken(e.target.value)} />
      <p><button type="submit" id="sign-in">${t('go')}</button></p>
      <${Problem} error=${error} />
    </form></main>`;
}

// ------------------------------------------------------------------------------------------------ requester

function Dossiers() {
  const [page, error] = useLive(() => get('/v1/dossiers?limit=200'), []);
  return html`<main><h2>${t('dossiers')}</h2><${Problem} error=${error} />
    ${page && (page.items.length === 0 ? html`<p>${t('notFound')}</p>` : html`<table>
      <caption class="muted">${page.items.length} ${t('dossiers').toLowerCase()}</caption>
      <thead><tr><th scope="col">Id</th><th scope="col">${t('module')}</th><th scope="col">${t('status')}</th>
        <th scope="col">${t('updated')}</th></tr></thead>
      <tbody>${page.items.map((d) => html`<tr data-dossier=${d.id}>
        <td><a href=${'#/dossier/' + d.id}>${d.id}</a></td><td>${d.module}</td>
        <td><span class="badge">${d.status}</span></td><td>${when(d.updatedAt)}</td></tr>`)}</tbody></table>`)}
  </main>`;
}

function IdentityBlock({ p }) {
  if (!p) return null;
  return html`<section class="card" aria-labelledby="identity"><h3 id="identity">${t('identity')}</h3>
    <p><strong>${p.birthName} ${p.firstBirthGivenName || ''}</strong> ${p.sex || ''} ${p.birthDate || ''}</p>
    <p>${t('trust')} : <span class="badge" data-trust>${p.identityStatus}</span></p>
    <p>${t('vigilance')} : ${(p.vigilance || []).length ? p.vigilance.join(', ') : t('none')}</p></section>`;
}

function Dossier({ id }) {
  const [d, error] = useLive(() => get('/v1/dossiers/' + id), [id]);
  const [requests] = useLive(() => get('/v1/requests?limit=200&dossier=' + encodeURIComponent(id)), [id]);
  const [events] = useLive(() => get('/v1/events?limit=1000'), []);
  const [showCancelled, setShowCancelled] = useState(false);
  if (error) return html`<main><${Problem} error=${error} /></main>`;
  if (!d) return html`<main><p>…</p></main>`;
  const sections = ['medical', 'care', 'adminSocial', 'requestingService'].filter((s) => d[s]);
  const shown = requests ? requests.items.filter((r) => showCancelled || r.status !== 'CANCELLED') : [];
  return html`<main><p><a href="#/dossiers">← ${t('back')}</a></p>
    <h2>${d.id} <span class="badge">${d.module}</span> <span class="badge" data-dossier-status>${d.status}</span></h2>
    <div class="grid"><${IdentityBlock} p=${d.patient} />
      <section class="card" aria-labelledby="sections"><h3 id="sections">${t('sections')}</h3>
        <p>${sections.join(', ') || t('none')}</p>
        <h3>${t('attachments')}</h3>
        <ul>${(d.attachments || []).map((a) => html`<li>${a.fileName} (${Math.round(a.size / 1024)} Kio)</li>`)}</ul>
      </section></div>
    ${d.mdphDecision ? html`<section class="card" aria-labelledby="decision"><h3 id="decision">${t('decision')}</h3>
      <p>${d.mdphDecision.idDecision} — ${(d.mdphDecision.categories || []).map((c) => c.display || c.code).join(', ')}</p>
      <p>${t('validity')} : ${d.mdphDecision.validFrom || ''} → ${d.mdphDecision.validTo || ''}</p></section>` : null}
    ${d.status === 'DRAFT' || d.status === 'SENT' ? html`<${SendForm} dossier=${d} />` : null}
    <section aria-labelledby="replies"><h3 id="replies">${t('replies')}</h3>
      <label class="inline"><input type="checkbox" id="show-cancelled" checked=${showCancelled}
        onChange=${(e) => setShowCancelled(e.target.checked)} /> ${t('showCancelled')}</label>
      <table><thead><tr><th scope="col">${t('unitCol')}</th><th scope="col">${t('status')}</th>
        <th scope="col">${t('answers')}</th><th scope="col">${t('actions')}</th></tr></thead>
      <tbody>${shown.map((r) => html`<${SentRequest} r=${r} />`)}</tbody></table></section>
    <section aria-labelledby="history"><h3 id="history">${t('history')}</h3>
      <table><thead><tr><th scope="col">${t('at')}</th><th scope="col">${t('action')}</th>
        <th scope="col">${t('role')}</th><th scope="col">${t('status')}</th></tr></thead>
      <tbody>${events && events.items.filter((e) => e.dossierId === d.id).map((e) => html`<tr>
        <td>${when(e.at)}</td><td>${e.type}</td><td>${e.actorRole || ''}</td><td>${e.status || ''}</td></tr>`)}
      </tbody></table></section></main>`;
}

function Answers({ r }) {
  return html`${(r.responses || []).map((a) => html`<div>${kindLabel(a.kind, r.module)}${a.motif ? ' — ' + (a.motif.display || a.motif.code) : ''}
    ${a.admissionAt ? ' — ' + when(a.admissionAt) : ''}${a.proposedEntryDate ? ' — ' + a.proposedEntryDate : ''}
    ${a.comment ? html`<div class="muted">${a.comment}</div>` : ''}</div>`)}`;
}

function SentRequest({ r }) {
  const [actions] = useLive(() => get('/v1/requests/' + r.id + '/available-actions'), [r.id, r.status]);
  const [error, setError] = useState(null);
  const act = (a) => post('/v1/requests/' + r.id + '/' + (a === 'CONFIRM_ADMISSION' ? 'confirm-admission' : 'cancel'))
    .then(() => setError(null), setError);
  const [voc, setVoc] = useState(vocabulary);
  useEffect(() => { loadVocabulary().then(setVoc); }, []);
  return html`<tr data-request=${r.id}><td>${isSdo(voc, r.module) ? html`<a href=${'#/request/' + r.id}>${r.unit}</a>` : r.unit}</td>
    <td><span class="badge" data-status>${r.status}</span></td>
    <td><${Answers} r=${r} /></td>
    <td>${actions && (actions.actions || []).filter((a) => a === 'CONFIRM_ADMISSION' || a === 'CANCEL').map((a) => html`
      <button type="button" class=${a === 'CANCEL' ? 'secondary' : ''} data-action=${a} onClick=${() => act(a)}>${t('a_' + a)}</button>`)}
      <${Problem} error=${error} /></td></tr>`;
}

function SendForm({ dossier }) {
  const [units, setUnits] = useState(null);
  const [chosen, setChosen] = useState([]);
  const [report, setReport] = useState(null);
  const [done, setDone] = useState(null);
  const [error, setError] = useState(null);
  const target = dossier.orientation && dossier.orientation.target;
  const search = () => get('/v1/units?module=' + dossier.module + (target ? '&target=' + target : ''))
    .then((p) => { setUnits(p.items); setError(null); }, setError);
  const toggle = (id, on) => { setReport(null); setChosen(on ? [...chosen, id] : chosen.filter((x) => x !== id)); };
  const check = () => post('/v1/dossiers/' + dossier.id + '/preflight', { units: chosen }).then(setReport, setError);
  const send = () => post('/v1/dossiers/' + dossier.id + '/requests', { units: chosen })
    .then((p) => { setDone(p.items.length); setChosen([]); setReport(null); setError(null); }, setError);
  return html`<section class="card" aria-labelledby="send"><h3 id="send">${t('sendTo')}</h3>
    <button type="button" id="search-units" onClick=${search}>${t('search')}</button>
    ${units && html`<fieldset><legend class="muted">${units.length} ${t('unitCol').toLowerCase()}(s)</legend>
      ${units.map((u) => html`<label class="inline"><input type="checkbox" name="unit" value=${u.id}
        checked=${chosen.includes(u.id)} onChange=${(e) => toggle(u.id, e.target.checked)} /> ${u.name}</label>`)}
      </fieldset>
      <button type="button" id="preflight" disabled=${!chosen.length} onClick=${check}>${t('check')}</button>
      <button type="button" id="send-requests" disabled=${!report} onClick=${send}>${t('send')}</button>`}
    ${report && html`<div id="preflight-report" data-accepted=${String(report.accepted)}>
      ${(report.validation || []).map((v) => html`<p class="ko"><code>${v.path}</code> ${v.code} : ${v.message}</p>`)}
      ${report.units.map((u) => html`<p>
      <strong>${u.unit}</strong> : <span class=${u.accepted ? 'ok' : 'ko'}>${u.accepted ? t('valid') : t('invalid')}</span>
      ${u.eligibility ? ' — ' + t('eligibility') + ' ' + u.eligibility.result : ''}
      ${(u.violations || []).map((v) => html`<br /><code>${v.code}</code> ${v.message}`)}</p>`)}</div>`}
    ${done ? html`<p class="notice" role="status">${t('sentOk')} : ${done}</p>` : null}
    <${Problem} error=${error} /></section>`;
}

// ------------------------------------------------------------------------------------------------ receivers

function Worklist() {
  const [status, setStatus] = useState('');
  const [module, setModule] = useState('');
  const [since, setSince] = useState('');
  const [page, error] = useLive(() => get('/v1/requests?limit=500' + (status ? '&status=' + status : '')), [status]);
  const items = page ? page.items.filter((r) => (!module || r.module === module) && (!since || (r.sentAt || '') >= since))
    .sort((a, b) => (isUnread(b) - isUnread(a)) || String(b.sentAt).localeCompare(String(a.sentAt))) : [];
  const statuses = page ? [...new Set(page.items.map((r) => r.status))] : [];
  const modules = page ? [...new Set(page.items.map((r) => r.module))] : [];
  return html`<main><h2>${t('worklist')}</h2><${Problem} error=${error} />
    <div class="filters">
      <div><label for="f-status">${t('status')}</label><select id="f-status" value=${status} onChange=${(e) => setStatus(e.target.value)}>
        <option value="">${t('allF')}</option>${statuses.concat(status && !statuses.includes(status) ? [status] : []).map((s) => html`<option value=${s}>${s}</option>`)}</select></div>
      <div><label for="f-module">${t('module')}</label><select id="f-module" value=${module} onChange=${(e) => setModule(e.target.value)}>
        <option value="">${t('allF')}</option>${modules.map((m) => html`<option value=${m}>${m}</option>`)}</select></div>
      <div><label for="f-since">${t('since')}</label><input id="f-since" type="date" value=${since} onInput=${(e) => setSince(e.target.value)} /></div>
      ${session().role === 'MDPH' ? html`<button type="button" class="secondary" id="to-endorse"
        onClick=${() => setStatus('ADMISSION_IMPOSSIBLE_SIGNALLED')}>${t('toEndorse')}</button>` : null}
      <p id="counts" class="muted">${items.length} ${t('total')}, ${items.filter(isUnread).length} ${t('unread')}</p></div>
    <table><thead><tr><th scope="col">Id</th><th scope="col">${t('module')}</th><th scope="col">${t('status')}</th>
      <th scope="col">${t('sent')}</th><th scope="col">Dossier</th></tr></thead>
    <tbody>${items.map((r) => html`<tr class=${isUnread(r) ? 'unread' : ''} data-request=${r.id}>
      <td><a href=${'#/request/' + r.id}>${r.id}</a></td><td>${r.module}</td><td><span class="badge" data-status>${r.status}</span></td>
      <td>${when(r.sentAt)}</td><td>${r.dossierId}</td></tr>`)}</tbody></table></main>`;
}

let vocabulary = null;
const loadVocabulary = () => (vocabulary ? Promise.resolve(vocabulary)
  : call('GET', '/console/api/vocabulary').then((v) => (vocabulary = v)));

function ReceivedRequest({ id }) {
  const [r, error] = useLive(() => get('/v1/requests/' + id), [id]);
  const [actions] = useLive(() => get('/v1/requests/' + id + '/available-actions'), [id]);
  const [d] = useLive(() => (r ? get('/v1/dossiers/' + r.dossierId) : Promise.resolve(null)), [r && r.dossierId]);
  const [voc, setVoc] = useState(vocabulary);
  const [actError, setActError] = useState(null);
  useEffect(() => { loadVocabulary().then(setVoc); }, []);
  if (error) return html`<main><${Problem} error=${error} /></main>`;
  if (!r) return html`<main><p>…</p></main>`;
  const read = () => post('/v1/requests/' + id + '/read').then(() => setActError(null), setActError);
  const kinds = actions ? actions.responseKinds || [] : [];
  return html`<main><p><a href="#/requests">← ${t('back')}</a></p>
    <h2>${r.id} <span class="badge">${r.module}</span> <span class="badge" data-status>${r.status}</span></h2>
    <div class="grid"><${IdentityBlock} p=${d && d.patient} />
      <section class="card"><h3>${t('answers')}</h3><${Answers} r=${r} />
        ${isSdo(voc, r.module) ? html`<${EsmsHistory} id=${id} />` : null}</section></div>
    <section class="card" aria-labelledby="acts"><h3 id="acts">${t('actions')}</h3>
      ${actions && (actions.actions || []).includes('READ') ? html`<button type="button" data-action="READ" onClick=${read}>${t('read')}</button>` : null}
      ${kinds.length ? html`<${ResponseForm} id=${id} module=${r.module} kinds=${kinds} voc=${voc} />` : null}
      ${isSdo(voc, r.module) && actions && (actions.actions || []).length ? html`<${EsmsStatusForm} r=${r} d=${d} voc=${voc} actions=${actions.actions || []} />` : null}
      ${actions && !(actions.actions || []).length ? html`<p class="muted">${t('none')}</p>` : null}
      <${Problem} error=${actError} /></section></main>`;
}

function ResponseForm({ id, module, kinds, voc }) {
  const [kind, setKind] = useState('');
  const [motif, setMotif] = useState('');
  const [comment, setComment] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState(null);
  const offered = kind && voc && voc.modules[module] ? voc.modules[module].responseKinds[kind] : null;
  const motifs = offered ? offered.motifs || [] : []; // empty lists are left out of the JSON
  // the date the module's answer carries (its descriptor's answerFields): an entry date, or an admission time
  const fields = offered ? offered.fields || [] : [];
  const field = fields.includes('admissionAt') ? 'admissionAt' : fields.includes('proposedEntryDate') ? 'proposedEntryDate' : null;
  const submit = (ev) => {
    ev.preventDefault();
    const m = motifs.find((x) => x.code === motif);
    const body = { kind, comment: comment || undefined, motif: m ? { system: m.system, code: m.code } : undefined };
    if (field && date) body[field] = field === 'admissionAt' ? new Date(date).toISOString() : date;
    post('/v1/requests/' + id + '/responses', body).then(() => { setError(null); setKind(''); setComment(''); }, setError);
  };
  return html`<form onSubmit=${submit} id="response-form">
    <label for="kind">${t('kind')}</label>
    <select id="kind" value=${kind} onChange=${(e) => { setKind(e.target.value); setMotif(''); }}>
      <option value="">${t('select')}</option>${kinds.map((k) => html`<option value=${k}>${kindLabel(k, module)}</option>`)}</select>
    ${motifs.length ? html`<label for="motif">${t('motif')}</label><select id="motif" value=${motif} onChange=${(e) => setMotif(e.target.value)}>
      <option value="">${t('select')}</option>${motifs.map((m) => html`<option value=${m.code}>${m.display}</option>`)}</select>` : null}
    ${field ? html`<label for="date">${field === 'admissionAt' ? t('admissionAt') : t('entryDate')}</label>
      <input id="date" type=${field === 'admissionAt' ? 'datetime-local' : 'date'} value=${date} onInput=${(e) => setDate(e.target.value)} />` : null}
    <label for="comment">${t('comment')}</label>
    <textarea id="comment" maxlength=${MAX_COMMENT} aria-describedby="comment-count" value=${comment}
      onInput=${(e) => setComment(e.target.value)}></textarea>
    <p id="comment-count" class="counter" aria-live="polite">${comment.length} / ${MAX_COMMENT} ${t('chars')}</p>
    <button type="submit" id="submit-response" disabled=${!kind}>${t('submit')}</button>
    <${Problem} error=${error} /></form>`;
}

// The statuses reported for a notification (SDO flow 4), newest last.
function EsmsHistory({ id }) {
  const [page] = useLive(() => get('/v1/requests/' + id + '/esms-statuses'), [id]);
  const items = page ? page.items || [] : [];
  return html`<ol id="esms-history">${items.map((s) => html`<li>${s.status.code} ${s.status.display || ''}
    ${s.motif ? ' — ' + s.motif.code + ' ' + (s.motif.display || '') : ''} ${s.statusDate || ''}</li>`)}</ol>`;
}

// An ESMS reports a TRE_R357 status; only the motifs ASS_A32 pairs with the chosen status are offered.
function EsmsStatusForm({ r, d, voc, actions }) {
  const [status, setStatus] = useState('');
  const [motif, setMotif] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [unitStatus, setUnitStatus] = useState('');
  const [careMode, setCareMode] = useState('');
  const [unitMotif, setUnitMotif] = useState('');
  const [error, setError] = useState(null);
  const [unit] = useLive(() => get('/v1/units/' + encodeURIComponent(r.unit)), [r.unit]);
  if (!voc || !d) return null;
  // only the statuses the core lets this role reach from here (the available actions), as VT's screens do
  const offered = voc.esmsStatuses.filter((s) => s.action && actions.includes(s.action));
  const chosen = offered.find((s) => s.code === status);
  const chosenUnit = (voc.unitStatuses || []).find((s) => s.code === unitStatus);
  const submit = (ev) => {
    ev.preventDefault();
    post('/v1/requests/' + r.id + '/esms-statuses', {
      idNatStruct: unit && unit.structure ? '1' + unit.structure : undefined,
      status: { system: voc.r357, code: status },
      motif: motif ? { system: voc.r358, code: motif } : undefined,
      statusDate: date, idDecision: d.mdphDecision && d.mdphDecision.idDecision,
      // the unit's own status (J253), about the notified ROR unit
      unitStatus: unitStatus ? { system: voc.j253, code: unitStatus } : undefined,
      unitStatusDate: unitStatus ? date : undefined,
      unitMotif: unitStatus && unitMotif ? { system: voc.r358, code: unitMotif } : undefined,
      rorUnitId: unitStatus && unit ? unit.rorId : undefined,
      unitName: unitStatus && unit ? unit.name : undefined,
      unitCategory: unitStatus && unit ? unit.esmsCategory : undefined,
      careMode: unitStatus && careMode ? { system: voc.r213, code: careMode } : undefined,
    }).then(() => { setError(null); setStatus(''); setMotif(''); setUnitStatus(''); setCareMode(''); }, setError);
  };
  return html`<form onSubmit=${submit} id="esms-form"><h3>${t('esmsStatus')}</h3>
    <label for="esms-status">${t('status')}</label>
    <select id="esms-status" value=${status} onChange=${(e) => { setStatus(e.target.value); setMotif(''); }}>
      <option value="">${t('select')}</option>${offered.map((s) => html`<option value=${s.code}>${s.code} — ${s.display}</option>`)}</select>
    ${chosen && chosen.motifs && chosen.motifs.length ? html`<label for="esms-motif">${t('motif')}</label>
      <select id="esms-motif" value=${motif} onChange=${(e) => setMotif(e.target.value)}>
      <option value="">${t('select')}</option>${chosen.motifs.map((m) => html`<option value=${m.code}>${m.code} — ${m.display}</option>`)}</select>` : null}
    ${voc.unitStatuses && voc.unitStatuses.length ? html`<label for="unit-status">${t('unitStatus')}</label>
      <select id="unit-status" value=${unitStatus} onChange=${(e) => { setUnitStatus(e.target.value); setUnitMotif(''); }}>
      <option value="">${t('select')}</option>${voc.unitStatuses.map((s) => html`<option value=${s.code}>${s.code} — ${s.display}</option>`)}</select>` : null}
    ${chosenUnit && chosenUnit.motifs && chosenUnit.motifs.length ? html`<label for="unit-motif">${t('unitMotif')}</label>
      <select id="unit-motif" value=${unitMotif} onChange=${(e) => setUnitMotif(e.target.value)}>
      <option value="">${t('select')}</option>${chosenUnit.motifs.map((m) => html`<option value=${m.code}>${m.code} — ${m.display}</option>`)}</select>` : null}
    ${unitStatus ? html`<label for="care-mode">${t('careMode')}</label>
      <select id="care-mode" value=${careMode} onChange=${(e) => setCareMode(e.target.value)}>
      <option value="">${t('select')}</option>${(voc.careModes || []).map((m) => html`<option value=${m.code}>${m.code} — ${m.display}</option>`)}</select>` : null}
    <label for="esms-date">${t('statusDate')}</label><input id="esms-date" type="date" value=${date} onInput=${(e) => setDate(e.target.value)} />
    <p><button type="submit" id="report-status" disabled=${!status}>${t('report')}</button></p>
    <${Problem} error=${error} /></form>`;
}

// ------------------------------------------------------------------------------------------------ observatory

// The charts are the server's (GET /v1/observatory/…/chart, drawn by vt-charts as vt indicators draws them): fetched
// with the token, shown as an image (blob: URL), the figures in a table beside them.

const PERIODS = ['month', 'rolling3', 'quarter', 'year'];
const GROUPS = ['all', 'establishment', 'volet', 'establishment-volet', 'region'];
// one decimal, as the seed's tables write rates: 31,0 % in French, 31.0 % in English
const pct = (r) => (r && r.percent !== null && r.percent !== undefined
  ? Number(r.percent).toFixed(1).replace('.', lang === 'fr' ? ',' : '.') + ' %' : '–');

async function chartUrl(path) {
  const r = await fetch(path, { headers: { Authorization: 'Bearer ' + session().token, 'Accept-Language': lang } });
  if (!r.ok) throw new Error(String(r.status));
  return URL.createObjectURL(await r.blob());
}

function Chart({ id, path, alt }) {
  const [url, setUrl] = useState(null);
  useEffect(() => {
    let made = null;
    chartUrl(path).then((u) => { made = u; setUrl(u); }, () => setUrl(null));
    return () => made && URL.revokeObjectURL(made);
  }, [path]);
  return url ? html`<img id=${id} class="chart" src=${url} alt=${alt} />` : null;
}

function Choice({ id, label, value, options, onChange }) {
  return html`<label for=${id}>${label}</label><select id=${id} value=${value} onChange=${(e) => onChange(e.target.value)}>
    ${options.map((o) => html`<option value=${o}>${o}</option>`)}</select>`;
}

function TuvView() {
  const [by, setBy] = useState('month');
  const [group, setGroup] = useState('all');
  const query = '?by=' + by + '&group=' + group;
  const [rows, error] = useLive(() => get('/v1/observatory/tuv' + query), [query]);
  return html`<section class="card" id="tuv"><h3>${t('tuv')}</h3>
    <${Choice} id="tuv-by" label=${t('period')} value=${by} options=${PERIODS} onChange=${setBy} />
    <${Choice} id="tuv-group" label=${t('group')} value=${group} options=${GROUPS} onChange=${setGroup} />
    <${Chart} id="tuv-chart" path=${'/v1/observatory/tuv/chart' + query + '&lang=' + lang} alt=${t('tuv')} />
    <${Problem} error=${error} />
    ${rows && html`<table id="tuv-rows"><thead><tr><th scope="col">${t('group')}</th><th scope="col">${t('period')}</th>
      <th scope="col">VT</th><th scope="col">OMV</th><th scope="col">TUV</th></tr></thead>
      <tbody>${rows.items.map((r) => html`<tr><td>${r.group}</td><td>${r.period}</td><td>${r.tuv.numerator}</td>
        <td>${r.tuv.denominator}</td><td>${pct(r.tuv)}</td></tr>`)}</tbody></table>`}</section>`;
}

const DRAWN = ['waiting-list/departement', 'waiting-list/category', 'waiting-list/departement-category',
  'without-solution/departement', 'admission-delay/departement', 'admission-delay/category', 'admission-delay/public',
  'impossible-admissions/motif'];

function HandicapView() {
  const [indicator, setIndicator] = useState(DRAWN[0]);
  const [rows, error] = useLive(() => get('/v1/observatory/handicap'), []);
  return html`<section class="card" id="handicap"><h3>${t('handicap')}</h3>
    <${Choice} id="handicap-indicator" label=${t('indicator')} value=${indicator} options=${DRAWN} onChange=${setIndicator} />
    <${Chart} id="handicap-chart" path=${'/v1/observatory/handicap/chart?indicator=' + encodeURIComponent(indicator) + '&lang=' + lang}
      alt=${indicator} />
    <${Problem} error=${error} />
    ${rows && html`<table id="handicap-rows"><thead><tr><th scope="col">${t('indicator')}</th><th scope="col">${t('group')}</th>
      <th scope="col">${t('people')}</th><th scope="col">Notifications</th><th scope="col">${t('median')}</th></tr></thead>
      <tbody>${rows.items.map((r) => html`<tr><td>${r.indicator}</td><td>${r.group}</td><td>${r.people ?? ''}</td>
        <td>${r.notifications ?? ''}</td><td>${r.medianDays ?? ''}</td></tr>`)}</tbody></table>`}</section>`;
}

function Observatory() {
  const [scopes] = useLive(() => get('/v1/observatory/scopes'), []);
  const [req, error] = useLive(() => get('/v1/indicators/requests'), []);
  const [wl] = useLive(() => get('/v1/indicators/waiting-lists').catch(() => null), []);
  return html`<main><h2>${t('observatory')}</h2><${Problem} error=${error} />
    ${scopes && scopes.tuv ? html`<${TuvView} />` : null}
    ${scopes && scopes.handicap ? html`<${HandicapView} />` : null}
    ${req && html`<section class="card"><h3>${t('requests')} : <span id="request-count">${req.requests}</span></h3>
      <table><tbody><tr><th scope="row">${t('readRate')}</th><td>${pct(req.readRate)}</td></tr>
        <tr><th scope="row">${t('answerRate')}</th><td>${pct(req.responseRate)}</td></tr></tbody></table></section>`}
    ${wl && wl.items && wl.items.length ? html`<section class="card"><h3>${t('waiting')}</h3><table>
      <thead><tr><th scope="col">ESMS</th><th scope="col">Dép.</th><th scope="col">${t('waiting')}</th><th scope="col">${t('places')}</th></tr></thead>
      <tbody>${wl.items.map((w) => html`<tr><td>${w.esmsCategory}</td><td>${w.departement}</td><td>${w.waiting}</td>
        <td>${w.waitingToPlaces ? w.waitingToPlaces.denominator : ''}</td></tr>`)}</tbody></table></section>` : null}</main>`;
}

// ------------------------------------------------------------------------------------------------ control

function Control() {
  const [token, setToken] = useState(sessionStorage.getItem('vt.admin') || '');
  const [clock, setClock] = useState(null);
  const [journal, setJournal] = useState(null);
  const [faults, setFaults] = useState([]);
  const [played, setPlayed] = useState(null);
  const [sessions, setSessions] = useState(null);
  const [mode, setMode] = useState('MERGE');
  const [message, setMessage] = useState(null);
  const [error, setError] = useState(null);
  const admin = (method, path, body) => call(method, path, body, token);
  const load = () => {
    sessionStorage.setItem('vt.admin', token);
    Promise.all([admin('GET', '/__admin/clock'), admin('GET', '/__admin/journal'), admin('GET', '/__admin/faults'),
      admin('GET', '/__admin/counterparts')])
      .then(([c, j, f, p]) => { setClock(c); setJournal(j.items.slice(-20).reverse()); setFaults(f.items || []); setPlayed(p); setError(null); },
        setError);
    admin('GET', '/__admin/sessions').then((s) => setSessions(s.items), setError);
  };
  // the sessions' steps tick live: polled once a second while the page is open
  useEffect(() => {
    if (!clock) return undefined;
    const timer = setInterval(() => admin('GET', '/__admin/sessions').then((s) => setSessions(s.items), () => {}), 1000);
    return () => clearInterval(timer);
  }, [clock && token]);
  // the HTML report needs the control token: fetched, then offered as a file
  const openReport = (id) => fetch('/__admin/sessions/' + encodeURIComponent(id) + '/report?format=html',
    { headers: { Authorization: 'Bearer ' + token } }).then((r) => r.blob()).then((b) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(b);
    a.download = id + '-report.html';
    a.click();
  }, setError);
  // the file is read here and sent as JSON (the control API takes JSON bodies only)
  const importDirectory = (ev) => {
    ev.preventDefault();
    const file = document.getElementById('directory-file').files[0];
    if (!file) return;
    file.text().then((text) => {
      let body;
      try {
        body = file.name.toLowerCase().endsWith('.csv') ? { mode, csv: text } : { mode, bundle: JSON.parse(text) };
      } catch (e) {
        setError({ message: file.name + ': JSON?' });
        return;
      }
      admin('POST', '/__admin/directory', body)
        .then((r) => { setMessage(r.imported + ' ' + t('imported') + ' ' + r.units); load(); }, setError);
    });
  };
  const who = (c) => c.unit || c.role || c.module || '*';
  const does = (c) => c.answer + (c.motif ? ' (' + c.motif + ')' : '')
    + (c.weights ? ' ' + Object.entries(c.weights).map(([k, v]) => k + '×' + v).join(' ') : '')
    + (c.statuses ? ' ' + c.statuses.join(' → ') : '') + (c.to ? ' → ' + c.to.join(', ') + ' / ' + c.every : '');
  const advance = (d) => admin('POST', '/__admin/clock/advance', { duration: d })
    .then((r) => { setMessage(r.instant + ' — ' + r.archived); load(); }, setError);
  const reset = () => admin('POST', '/__admin/reset', {}).then(() => { setMessage(t('reset')); load(); }, setError);
  const clearFaults = () => admin('DELETE', '/__admin/faults').then(() => { setMessage(t('clearFaults')); load(); }, setError);
  const [faultPath, setFaultPath] = useState('/v1/requests/{id}/responses');
  const [faultStatus, setFaultStatus] = useState('503');
  const inject = (ev) => {
    ev.preventDefault();
    const fault = faultStatus.startsWith('PT') ? { method: '*', path: faultPath, kind: 'LATENCY', latency: faultStatus, times: 1 }
      : { method: '*', path: faultPath, kind: 'STATUS', status: Number(faultStatus), retryAfterSeconds: 1, times: 1 };
    admin('POST', '/__admin/faults', fault).then(() => { setMessage(t('injected') + ' ' + faultStatus + ' ' + faultPath); load(); }, setError);
  };
  return html`<main><h2>${t('control')}</h2>
    <div class="card"><label for="admin-token">${t('adminToken')}</label>
      <input id="admin-token" type="password" autocomplete="off" value=${token} onInput=${(e) => setToken(e.target.value)} />
      <button type="button" id="admin-load" onClick=${load}>${t('ok')}</button></div>
    ${clock && html`<div class="card"><h3>${t('clock')} : <span id="clock">${clock.instant || JSON.stringify(clock)}</span></h3>
      ${['PT1H', 'PT5H', 'P1D', 'P31D'].map((d) => html`<button type="button" data-advance=${d} onClick=${() => advance(d)}>${t('advance')} ${d}</button>`)}
      <button type="button" class="secondary" id="reset" onClick=${reset}>${t('reset')}</button>
      <button type="button" class="secondary" onClick=${clearFaults}>${t('clearFaults')}</button></div>`}
    ${clock && html`<form class="card" onSubmit=${inject} id="fault-form"><h3>${t('faults')}</h3>
      <label for="fault-path">${t('faultPath')}</label>
      <input id="fault-path" type="text" value=${faultPath} onInput=${(e) => setFaultPath(e.target.value)} />
      <label for="fault-status">${t('status')}</label>
      <select id="fault-status" value=${faultStatus} onChange=${(e) => setFaultStatus(e.target.value)}>
        ${['500', '502', '503', '429', 'PT2S', 'PT10S'].map((s) => html`<option value=${s}>${s.startsWith('PT') ? t('delay') + ' ' + s.slice(2).toLowerCase() : s}</option>`)}</select>
      <p><button type="submit" id="inject">${t('inject')}</button></p>
      <ul id="faults">${faults.map((f) => html`<li>${f.method} ${f.path} → ${f.kind} ${f.status || ''} (${f.times})</li>`)}</ul></form>`}
    ${played && html`<section class="card" id="counterparts"><h3>${t('played')}</h3>
      ${played.counterparts.length === 0 ? html`<p>${t('playedNone')}</p>` : html`<p>${t('seed')} ${played.seed} — <span id="answered">${played.answered}</span> ${t('answered')}</p>
      <table><thead><tr><th scope="col">${t('who')}</th><th scope="col">${t('does')}</th><th scope="col">${t('after')}</th></tr></thead>
      <tbody>${played.counterparts.map((c) => html`<tr data-played=${who(c)}><td>${who(c)}</td><td>${does(c)}</td><td>${c.after}</td></tr>`)}</tbody></table>`}</section>`}
    ${sessions && html`<section class="card" id="sessions"><h3>${t('sessions')}</h3>
      ${sessions.length === 0 ? html`<p>${t('sessionsNone')}</p>` : sessions.map((x) => html`<div data-session=${x.session}>
        <p><strong>${x.session}</strong> ${x.scenario} — <span class="session-status">${x.status === 'ended' ? (x.passed ? t('passed') : t('failedSession') + ' ' + x.failedChecks.join(', ')) : x.status}</span>
        ${x.status === 'ended' ? html` <button type="button" class="link" onClick=${() => openReport(x.session)}>${t('report')}</button>` : null}</p>
        <ol>${x.steps.map((st) => html`<li data-step=${st.id} data-state=${st.state}>${st.id} — ${st.state}${st.detail ? ': ' + st.detail : ''}</li>`)}</ol>
        ${x.instruction ? html`<p class="instruction">${x.instruction}</p>` : null}</div>`)}</section>`}
    ${clock && html`<form class="card" onSubmit=${importDirectory} id="directory-form"><h3>${t('importDir')}</h3>
      <label for="directory-file">${t('file')}</label>
      <input id="directory-file" type="file" accept=".json,.csv,application/json,text/csv" />
      <label for="directory-mode">${t('mode')}</label>
      <select id="directory-mode" value=${mode} onChange=${(e) => setMode(e.target.value)}>
        ${['MERGE', 'REPLACE'].map((m) => html`<option value=${m}>${t(m)}</option>`)}</select>
      <p><button type="submit" id="import-directory">${t('importGo')}</button></p></form>`}
    ${message && html`<p class="notice" role="status" id="control-message">${message}</p>`}
    ${journal && html`<section><h3>${t('journal')}</h3><table><thead><tr><th scope="col">${t('at')}</th><th scope="col">HTTP</th><th scope="col">${t('status')}</th></tr></thead>
      <tbody>${journal.map((j) => html`<tr><td>${when(j.at)}</td><td>${j.method} ${j.template || j.path}</td><td>${j.status}</td></tr>`)}</tbody></table></section>`}
    <${Problem} error=${error} /></main>`;
}

// ------------------------------------------------------------------------------------------------ shell

function App() {
  const [s, setS] = useState(session());
  const [, setLang] = useState(lang);
  const hash = useHash();
  useEffect(() => { document.documentElement.lang = lang; document.title = t('title'); });
  useEffect(() => { if (s) follow(); return () => streamAbort && streamAbort.abort(); }, [s && s.token]);
  if (!s) return html`<${Shell} s=${null} setLang=${setLang}><${SignIn} onSignedIn=${() => setS(session())} /><//>`;
  const receiver = s.role !== 'REQUESTER' && s.role !== 'USAGER' && s.role !== 'MDPH';
  const home = receiver ? '#/requests' : '#/dossiers';
  const [, page, arg] = (hash === '#/' ? home : hash).split('/');
  const view = page === 'dossier' ? html`<${Dossier} id=${decodeURIComponent(arg)} />`
    : page === 'request' ? html`<${ReceivedRequest} id=${decodeURIComponent(arg)} />`
    : page === 'requests' ? html`<${Worklist} />`
    : page === 'observatory' ? html`<${Observatory} />`
    : page === 'control' ? html`<${Control} />`
    : html`<${Dossiers} />`;
  const signOut = () => { sessionStorage.removeItem('vt.session'); if (streamAbort) streamAbort.abort(); setS(null); location.hash = ''; };
  return html`<${Shell} s=${s} setLang=${setLang} page=${page || home.slice(2)} receiver=${receiver} signOut=${signOut}>${view}<//>`;
}

function Shell({ s, setLang, page, receiver, signOut, children }) {
  const link = (p, label) => html`<a href=${'#/' + p} aria-current=${page === p ? 'page' : undefined}>${label}</a>`;
  const switchLang = () => { lang = lang === 'fr' ? 'en' : 'fr'; localStorage.setItem('vt.lang', lang); setLang(lang); };
  return html`<header><h1>${t('title')}</h1>
    ${s && html`<nav aria-label="Navigation">${receiver ? link('requests', t('worklist')) : link('dossiers', t('dossiers'))}
      ${s.role === 'MDPH' ? link('requests', t('notifications')) : null}
      ${link('observatory', t('observatory'))} ${link('control', t('control'))}</nav>`}
    <div class="who">${s && html`<${Live} /><span id="who">${s.name} (${s.role})</span>`}
      <button type="button" class="link" id="lang" onClick=${switchLang} aria-label=${t('language')}>${lang === 'fr' ? 'English' : 'Français'}</button>
      ${s && html`<button type="button" class="link" id="sign-out" onClick=${signOut}>${t('signOut')}</button>`}</div></header>
    ${children}`;
}

const root = document.getElementById('app');
root.textContent = ''; // the "loading" placeholder
render(html`<${App} />`, root);
