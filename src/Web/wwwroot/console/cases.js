// The case list (#/cases) with its filters, and the case page (#/cases/<number>) with SLA countdowns,
// history and the case actions of the API.
import { api } from './api.js';
import { countryName, formatDateTime, label, t } from './i18n.js';
import { $, clock, digits, h, replace } from './util.js';

const STATUSES = ['new', 'awaitingInfo', 'open', 'inProgress', 'resolved', 'closed'];
const KINDS = ['incident', 'activation', 'inquiry', 'callback'];
const SEVERITIES = ['S1', 'S2', 'S3', 'S4'];

// The seed's SLA targets in minutes (README "SLA"): only used to colour a clock amber in its last 25 %;
// the server's own 75 % warnings (history "slaWarning", hub "slaAlert") colour it amber too.
const TARGET_MINUTES = {
  attention: { S1: 60, S2: 90, S3: 120, S4: 120 },
  resolution: { S1: 180, S2: 240, S3: 240, S4: 240 },
};

/** Where one SLA clock of a case stands now: { state, text } with state ok|warning|breached|paused|met|late|none. */
export function slaClock(c, kind, now = Date.now(), warned = false, compact = false) {
  const sla = c.sla ?? {};
  const due = kind === 'attention' ? sla.attentionDue : sla.resolutionDue;
  const doneAt = kind === 'attention' ? sla.attendedAt : sla.resolvedAt;
  if (doneAt) {
    const onTime = !due || Date.parse(doneAt) <= Date.parse(due);
    if (compact) return { state: onTime ? 'met' : 'late', text: t(onTime ? 'sla.met' : 'sla.late') };
    return { state: onTime ? 'met' : 'late', text: t(onTime ? 'sla.metAt' : 'sla.lateAt', { at: formatDateTime(doneAt) }) };
  }
  if (!due) return { state: 'none', text: t('sla.notStarted') };
  const remaining = (Date.parse(due) - now) / 1000;
  if (!sla.running) {
    return { state: remaining < 0 ? 'breached' : 'paused', text: compact ? t('sla.pausedShort') : `${t('sla.paused')} · ${t('sla.due', { due: formatDateTime(due) })}` };
  }
  if (remaining < 0) return { state: 'breached', text: t('sla.overdue', { time: clock(remaining) }) };
  const target = (TARGET_MINUTES[kind][c.severity] ?? 120) * 60;
  const state = warned || remaining < target * 0.25 ? 'warning' : 'ok';
  return { state, text: t('sla.remaining', { time: clock(remaining) }) };
}

/** Whether the server warned (75 %) about this clock since its targets last changed. */
function serverWarned(c, kind) {
  const history = c.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i];
    if (entry.action === 'slaWarning' && String(entry.detail ?? '').startsWith(kind)) return true;
    if (['severity', 'reopened', 'infoReceived'].includes(entry.action)) return false;
  }
  return false;
}

export function severityBadge(severity) {
  return h('span', { class: `badge sev sev-${String(severity).toLowerCase()}`, dataset: { testid: 'severity' } }, severity ?? '—');
}

export function statusBadge(status) {
  return h('span', { class: `badge status status-${status}`, dataset: { testid: 'status' } }, label('caseStatus.', status));
}

function slaElement(c, kind, alerts, compact = false, prefix = compact) {
  const el = h('span', { class: compact ? 'sla compact' : 'sla', dataset: { sla: kind, caseNumber: String(c.number), testid: `sla-${kind}`, prefix: String(prefix) } });
  paintSla(el, c, kind, alerts);
  return el;
}

function paintSla(el, c, kind, alerts) {
  const compact = el.classList.contains('compact');
  const clockNow = slaClock(c, kind, Date.now(), serverWarned(c, kind) || alerts?.has(`${c.number}:${kind}`), compact);
  el.dataset.slaState = clockNow.state;
  el.className = `sla sla-${clockNow.state}${compact ? ' compact' : ''}`;
  el.textContent = el.dataset.prefix === 'true' ? `${t(`sla.${kind}`)}: ${clockNow.text}` : clockNow.text;
}

/** A short card of a case (screen pop): number, kind, severity, status, level, missing information, details. */
export function caseSummaryCard(c) {
  return h('div', { class: 'case-card', dataset: { testid: 'case-card', caseNumber: String(c.number) } },
    h('p', { class: 'case-card-head' },
      h('a', { href: `#/cases/${c.number}`, class: 'case-link', dataset: { testid: 'pop-case-link' } }, t('pop.openCase', { number: c.number })),
      ' ', h('span', { class: 'badge kind' }, label('kind.', c.kind)),
      ' ', severityBadge(c.severity), ' ', statusBadge(c.status),
      ' ', h('span', { class: 'badge level' }, t('level', { level: c.level }))),
    h('p', { class: 'sla-line' }, slaElement(c, 'attention', null, true), ' ', slaElement(c, 'resolution', null, true)),
    missingBlock(c),
    detailsList(c));
}

function missingBlock(c) {
  const missing = c.missingInfo ?? [];
  if (!missing.length) return h('p', { class: 'ok-text', dataset: { testid: 'missing-info' } }, t('case.missingNone'));
  return h('div', { class: 'missing', dataset: { testid: 'missing-info' }, role: 'note' },
    h('strong', {}, `${t('case.missing')}: `),
    missing.map((name, i) => [i ? ', ' : '', h('span', { dataset: { field: name } }, label('detail.', name))]));
}

function detailValue(name, value) {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return t(value ? 'yes' : 'no');
  if (name === 'direction') return label('direction.', value);
  if (name === 'extensionType') return label('extensionType.', value);
  if (name === 'occurredAt') return formatDateTime(value);
  return String(value);
}

function detailsList(c) {
  const details = c.details ?? {};
  const rows = [];
  for (const [name, value] of Object.entries(details)) {
    const text = detailValue(name, value);
    if (text !== null) rows.push(h('dt', {}, label('detail.', name)), h('dd', { dataset: { field: name } }, text));
  }
  return rows.length ? h('dl', { class: 'facts', dataset: { testid: 'case-details' } }, rows) : h('p', { class: 'muted' }, t('case.noDetails'));
}

// ---- the module --------------------------------------------------------------------------------------------

export function createCases(ctx) {
  const listView = $('#view-cases');
  const caseView = $('#view-case');
  const filters = { status: '', kind: '', caller: '' };
  /** number → latest case seen (list rows and the open case), for the live SLA countdowns. */
  const known = new Map();
  let listed = [];
  let listLoaded = false;
  let openNumber = null;
  let openCase = null;
  let actionsFor = null;
  let loadSeq = 0;

  // ---- filters and list ------------------------------------------------------------------------------

  const form = $('#case-filters');
  const statusSelect = $('#filter-status');
  const kindSelect = $('#filter-kind');
  const callerInput = $('#filter-caller');
  const tbody = $('#case-rows');
  const listStatus = $('#case-list-status');

  function fillFilterOptions() {
    const keepStatus = statusSelect.value;
    const keepKind = kindSelect.value;
    replace(statusSelect, h('option', { value: '' }, t('cases.filter.any')), STATUSES.map((s) => h('option', { value: s }, label('caseStatus.', s))));
    replace(kindSelect, h('option', { value: '' }, t('cases.filter.any')), KINDS.map((k) => h('option', { value: k }, label('kind.', k))));
    statusSelect.value = keepStatus;
    kindSelect.value = keepKind;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    readFilters();
    loadList();
  });
  statusSelect.addEventListener('change', () => { readFilters(); loadList(); });
  kindSelect.addEventListener('change', () => { readFilters(); loadList(); });
  $('#filter-clear').addEventListener('click', () => {
    statusSelect.value = '';
    kindSelect.value = '';
    callerInput.value = '';
    readFilters();
    loadList();
  });

  function readFilters() {
    filters.status = statusSelect.value;
    filters.kind = kindSelect.value;
    filters.caller = callerInput.value.trim();
  }

  async function loadList() {
    const seq = ++loadSeq;
    listStatus.textContent = t('pop.loading');
    try {
      const found = await api.cases({ status: filters.status, kind: filters.kind, caller: filters.caller ? digits(filters.caller) || filters.caller : '' });
      if (seq !== loadSeq) return;
      listed = found;
      listLoaded = true;
      for (const c of found) remember(c);
      renderList();
    } catch (error) {
      if (seq !== loadSeq) return;
      listStatus.textContent = '';
      replace(tbody, h('tr', {}, h('td', { colspan: '10', class: 'form-error', role: 'alert' }, error.message)));
    }
  }

  function matches(c) {
    if (filters.status && c.status !== filters.status) return false;
    if (filters.kind && c.kind !== filters.kind) return false;
    if (filters.caller && digits(c.callerNumber) !== digits(filters.caller)) return false;
    return true;
  }

  function renderList() {
    listStatus.textContent = t('cases.count', { count: listed.length });
    if (!listed.length) {
      replace(tbody, h('tr', {}, h('td', { colspan: '10', class: 'muted' }, t('cases.empty'))));
      return;
    }
    // Keep the keyboard focus on the same case's link when the list is redrawn live.
    const focused = tbody.contains(document.activeElement) ? document.activeElement.closest('tr')?.dataset.caseNumber : null;
    replace(tbody, listed.map(caseRow));
    if (focused) tbody.querySelector(`tr[data-case-number="${focused}"] [data-testid="case-link"]`)?.focus();
  }

  function caseRow(c) {
    const pending = c.sla?.attendedAt ? 'resolution' : 'attention';
    const row = h('tr', { dataset: { testid: 'case-row', caseNumber: String(c.number), status: c.status }, class: 'case-row' },
      h('th', { scope: 'row' }, h('a', { href: `#/cases/${c.number}`, dataset: { testid: 'case-link' } }, String(c.number))),
      h('td', {}, label('kind.', c.kind)),
      h('td', {}, severityBadge(c.severity)),
      h('td', {}, statusBadge(c.status)),
      h('td', { class: 'num' }, String(c.level)),
      h('td', {}, c.callerNumber ?? c.callerEmail ?? '—'),
      h('td', {}, c.country ? countryName(c.country) : '—'),
      h('td', {}, c.assignee ?? '—'),
      h('td', { class: 'sla-cell' }, c.status === 'closed' ? '—' : [h('span', { class: 'sla-kind' }, t(`sla.${pending}`)), slaElement(c, pending, ctx.alerts, true, false)]),
      h('td', { class: 'created' }, formatDateTime(c.createdAt)));
    row.addEventListener('click', (event) => {
      if (event.target.closest('a, button')) return;
      ctx.navigate(`#/cases/${c.number}`);
    });
    return row;
  }

  function remember(c) {
    const previous = known.get(c.number);
    if (previous && Date.parse(previous.updatedAt) > Date.parse(c.updatedAt)) return false;
    known.set(c.number, c);
    return true;
  }

  // ---- live updates ----------------------------------------------------------------------------------

  /** A caseUpdated from the hub: the list and the open case follow; older news is ignored. */
  function apply(c, { own = false } = {}) {
    if (!c || c.number === undefined) return;
    if (!remember(c)) return;
    if (listLoaded) {
      const i = listed.findIndex((x) => x.number === c.number);
      if (matches(c)) {
        if (i >= 0) listed[i] = c; else listed.push(c);
        listed.sort((a, b) => b.number - a.number);
      } else if (i >= 0) {
        listed.splice(i, 1);
      }
      if (!listView.hidden) {
        renderList();
        tbody.querySelector(`tr[data-case-number="${c.number}"]`)?.classList.add('flash');
      }
    }
    if (openNumber === c.number && openCase && Date.parse(c.updatedAt) >= Date.parse(openCase.updatedAt)) {
      const changed = c.updatedAt !== openCase.updatedAt;
      openCase = c;
      renderCase();
      if (changed && !own) ctx.announce(t('cases.updatedLive', { number: c.number }));
    }
  }

  /** After a (re)connect: reload the list and the open case so nothing is stale. */
  async function resync() {
    const jobs = [];
    if (listLoaded || !listView.hidden) jobs.push(loadList());
    if (openNumber !== null) jobs.push(loadCase(openNumber, { quiet: true }));
    await Promise.allSettled(jobs);
  }

  /** Every second: the SLA countdowns in view. */
  function tick() {
    for (const el of document.querySelectorAll('[data-sla]')) {
      const c = known.get(Number(el.dataset.caseNumber));
      if (c) paintSla(el, c, el.dataset.sla, ctx.alerts);
    }
  }

  // ---- the case page ---------------------------------------------------------------------------------

  function showList() {
    openNumber = null;
    openCase = null;
    actionsFor = null;
    listView.hidden = false;
    caseView.hidden = true;
    if (!listLoaded) loadList(); else renderList();
  }

  function showCase(number) {
    listView.hidden = true;
    caseView.hidden = false;
    if (openNumber !== number) {
      openNumber = number;
      openCase = null;
      actionsFor = null;
      replace(caseView, backLink(), h('p', { class: 'muted', role: 'status' }, t('case.loading')));
      loadCase(number);
    }
  }

  async function loadCase(number, { quiet = false } = {}) {
    try {
      const c = await api.case(number);
      if (openNumber !== number) return;
      remember(c);
      openCase = known.get(number) ?? c;
      renderCase();
      if (!quiet) $('#case-title')?.focus();
    } catch (error) {
      if (openNumber !== number) return;
      if (quiet && openCase) return;
      replace(caseView, backLink(),
        h('h2', { id: 'case-title', class: 'view-title', tabindex: '-1' }, t('case.title', { number })),
        h('p', { class: 'form-error', role: 'alert', dataset: { testid: 'case-load-error' } }, error.status === 404 ? t('case.notFound', { number }) : error.message));
    }
  }

  function backLink() {
    return h('a', { href: '#/cases', class: 'back-link', dataset: { testid: 'case-back' } }, t('cases.back'));
  }

  function renderCase() {
    const c = openCase;
    if (!c) return;
    let main = $('#case-main', caseView);
    let actions = $('#case-actions', caseView);
    if (!main || actionsFor !== c.number) {
      main = h('div', { id: 'case-main', class: 'case-main' });
      actions = h('aside', { id: 'case-actions', class: 'case-actions panel', 'aria-labelledby': 'actions-title' });
      replace(caseView, h('article', { class: 'case-page', dataset: { testid: 'case-page', caseNumber: String(c.number) } },
        h('div', { class: 'case-head' }, backLink(), h('div', { id: 'case-head-body' })),
        h('div', { class: 'case-columns' }, main, actions)));
      buildActions(actions, c);
      actionsFor = c.number;
    }

    const head = $('#case-head-body', caseView);
    const focusWasTitle = document.activeElement?.id === 'case-title';
    replace(head,
      h('h2', { id: 'case-title', class: 'view-title', tabindex: '-1', dataset: { testid: 'case-title' } }, t('case.title', { number: c.number })),
      h('span', { class: 'badge kind', dataset: { testid: 'case-kind' } }, label('kind.', c.kind)), ' ',
      severityBadge(c.severity), ' ',
      statusBadge(c.status), ' ',
      h('span', { class: 'badge level', dataset: { testid: 'case-level' } }, t('level', { level: c.level })), ' ',
      h('span', { class: 'badge channel' }, label('channel.', c.channel)));
    if (focusWasTitle) $('#case-title')?.focus();

    replace(main,
      h('section', { class: 'panel sla-panel', 'aria-labelledby': 'sla-title' },
        h('h3', { id: 'sla-title' }, t('case.sla')),
        h('div', { class: 'sla-boxes' },
          slaBox(c, 'attention', c.sla?.attentionDue),
          slaBox(c, 'resolution', c.sla?.resolutionDue))),
      h('section', { class: 'panel', 'aria-labelledby': 'summary-title' },
        h('h3', { id: 'summary-title' }, t('case.summary')),
        h('dl', { class: 'facts two', dataset: { testid: 'case-summary' } },
          fact('case.field.assignee', c.assignee ?? t('case.unassigned'), 'assignee'),
          fact('case.field.callerNumber', c.callerNumber, 'callerNumber'),
          fact('case.field.callerName', c.callerName, 'callerName'),
          fact('case.field.callerEmail', c.callerEmail, 'callerEmail'),
          fact('case.field.did', c.did ? (ctx.numbers.get(digits(c.did))?.display ?? c.did) : null, 'did'),
          fact('case.field.country', c.country ? countryName(c.country) : null, 'country'),
          fact('case.field.language', c.language, 'language'),
          fact('case.field.subject', c.subject, 'subject'),
          fact('case.field.affectedUsers', c.affectedUsers ? label('users.', c.affectedUsers) : null, 'affectedUsers'),
          fact('case.field.interruption', c.interruption ? label('interruption.', c.interruption) : null, 'interruption'),
          fact('case.field.createdAt', formatDateTime(c.createdAt), 'createdAt'),
          fact('case.field.updatedAt', formatDateTime(c.updatedAt), 'updatedAt'))),
      h('section', { class: 'panel', 'aria-labelledby': 'details-title' },
        h('h3', { id: 'details-title' }, t('case.details')),
        missingBlock(c),
        detailsList(c)),
      h('section', { class: 'panel', 'aria-labelledby': 'history-title' },
        h('h3', { id: 'history-title' }, t('case.history')),
        historyList(c)));

    refreshActions(c);
  }

  function slaBox(c, kind, due) {
    return h('div', { class: 'sla-box' },
      h('div', { class: 'sla-box-title' }, t(`sla.${kind}`)),
      slaElement(c, kind, ctx.alerts),
      h('div', { class: 'muted small' }, due ? t('sla.due', { due: formatDateTime(due) }) : ''));
  }

  function fact(key, value, field) {
    return [h('dt', {}, t(key)), h('dd', { dataset: { field } }, value === null || value === undefined || value === '' ? '—' : String(value))];
  }

  function historyList(c) {
    const entries = [...(c.history ?? [])].reverse();
    return h('ol', { class: 'timeline', dataset: { testid: 'case-history' }, reversed: true },
      entries.map((e) => h('li', { class: e.public ? 'public' : null, dataset: { testid: 'history-entry', action: e.action, public: String(!!e.public) } },
        h('div', { class: 'timeline-head' },
          h('time', { datetime: e.at }, formatDateTime(e.at)), ' · ',
          h('strong', {}, label('history.', e.action)), ' · ',
          h('span', { class: 'muted' }, e.actor),
          e.public ? [' ', h('span', { class: 'badge public', title: t('case.publicLabel'), 'aria-label': t('case.publicLabel') }, t('case.public'))] : null),
        e.detail ? h('div', { class: 'timeline-detail' }, e.detail) : null)));
  }

  // ---- actions ---------------------------------------------------------------------------------------

  // Each action: its visible label is the first field's label; hints are placeholders.
  const ACTIONS = [
    { name: 'note', path: 'notes', title: 'action.note', fields: [
      { id: 'text', kind: 'textarea', label: 'action.note', hint: 'action.note.text' },
      { id: 'public', kind: 'checkbox', label: 'action.note.public' },
    ], body: (v) => ({ text: v.text, public: v.public }) },
    { name: 'assign', path: 'assign', title: 'action.assign', fields: [], inline: true, body: () => ({}) },
    { name: 'start', path: 'start', title: 'action.start', fields: [], inline: true, body: () => ({}) },
    { name: 'severity', path: 'severity', title: 'action.severity', fields: [
      { id: 'severity', kind: 'select', label: 'action.severity', options: SEVERITIES },
      { id: 'reason', kind: 'text', label: 'action.severity.reason', hint: 'action.severity.reason' },
    ], body: (v) => ({ severity: v.severity, reason: v.reason }) },
    { name: 'escalate', path: 'escalate', title: 'action.escalate', fields: [{ id: 'text', kind: 'text', label: 'action.escalate', hint: 'action.escalate.text' }] },
    { name: 'request-info', path: 'request-info', title: 'action.requestInfo', fields: [{ id: 'text', kind: 'text', label: 'action.requestInfo', hint: 'action.requestInfo.text' }] },
    { name: 'info-received', path: 'info-received', title: 'action.infoReceived', fields: [{ id: 'text', kind: 'text', label: 'action.infoReceived', hint: 'action.infoReceived.text' }] },
    { name: 'resolve', path: 'resolve', title: 'action.resolve', fields: [{ id: 'text', kind: 'textarea', label: 'action.resolve', hint: 'action.resolve.text' }] },
    { name: 'confirm', path: 'confirm', title: 'action.confirm', fields: [{ id: 'text', kind: 'text', label: 'action.confirm', hint: 'action.confirm.text' }] },
    { name: 'reopen', path: 'reopen', title: 'action.reopen', fields: [{ id: 'text', kind: 'text', label: 'action.reopen', hint: 'action.reopen.text' }] },
  ];

  function buildActions(container, c) {
    const inline = ACTIONS.filter((a) => a.inline);
    const others = ACTIONS.filter((a) => !a.inline);
    replace(container,
      h('h3', { id: 'actions-title' }, t('actions.title')),
      h('div', { id: 'details-action' }),
      actionForm(others[0]),
      h('div', { class: 'inline-actions' }, inline.map(actionForm)),
      others.slice(1).map(actionForm));
    refreshActions(c);
  }

  function actionForm(spec) {
    const base = `action-${spec.name}`;
    const error = h('p', { id: `${base}-error`, class: 'form-error', role: 'alert', hidden: true, dataset: { testid: `${base}-error` } });
    const submitText = spec.inline ? t(spec.title) : t(`${spec.title}.submit`);
    const submit = h('button', { type: 'submit', id: `${base}-submit`, class: spec.name === 'note' ? 'btn btn-primary' : 'btn', dataset: { testid: `${base}-submit` } }, submitText);
    const controls = spec.fields.map((field) => fieldControl(base, field));
    const form = h('form', {
      class: `action action-${spec.inline ? 'inline' : 'block'}`,
      dataset: { testid: base, action: spec.name },
      'aria-label': t(spec.title),
      novalidate: true,
    },
    h('div', { class: 'action-fields' }, controls, submit),
    error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!openCase) return;
      const values = {};
      for (const field of spec.fields) {
        const input = form.querySelector(`#${base}-${field.id}`);
        values[field.id] = field.kind === 'checkbox' ? input.checked : input.value.trim();
      }
      const body = spec.body ? spec.body(values) : { text: values.text };
      await runAction(form, submit, error, spec.path, body, t(spec.title), () => {
        for (const field of spec.fields) {
          const input = form.querySelector(`#${base}-${field.id}`);
          if (field.kind === 'checkbox') input.checked = false;
          else if (field.kind !== 'select') input.value = '';
        }
      });
    });
    return form;
  }

  function fieldControl(base, field) {
    const id = `${base}-${field.id}`;
    const common = { id, name: field.id, dataset: { testid: id }, placeholder: field.hint ? t(field.hint) : null };
    if (field.kind === 'checkbox') {
      return h('label', { class: 'check' }, h('input', { type: 'checkbox', ...common }), ' ', t(field.label));
    }
    let control;
    if (field.kind === 'textarea') control = h('textarea', { ...common, rows: '2' });
    else if (field.kind === 'select') control = h('select', common, field.options.map((o) => h('option', { value: o }, o)));
    else control = h('input', { type: 'text', ...common, autocomplete: 'off' });
    return h('div', { class: `field field-${field.kind}` }, h('label', { for: id }, t(field.label)), control);
  }

  async function runAction(form, submit, error, path, body, actionName, onDone) {
    const number = openCase.number;
    // Busy, not disabled: a disabled button would drop the keyboard focus.
    if (form.getAttribute('aria-busy') === 'true') return;
    error.hidden = true;
    error.textContent = '';
    submit.setAttribute('aria-disabled', 'true');
    form.setAttribute('aria-busy', 'true');
    try {
      const updated = await api.caseAction(number, path, body);
      onDone?.();
      apply(updated, { own: true });
      ctx.toast({ text: t('actions.done', { action: actionName }), kind: 'success', timeout: 3000 });
    } catch (failure) {
      error.textContent = t('action.failed', { error: failure.message });
      error.hidden = false;
    } finally {
      submit.removeAttribute('aria-disabled');
      form.removeAttribute('aria-busy');
    }
  }

  /** Keeps the actions in step with the case without losing what the agent is typing. */
  function refreshActions(c) {
    const severity = $('#action-severity-severity', caseView);
    if (severity && document.activeElement !== severity) severity.value = c.severity;
    renderDetailsForm(c);
  }

  let detailsShownFor = '';

  /** A small form for the information still missing (POST /api/cases/{n}/details). */
  function renderDetailsForm(c) {
    const slot = $('#details-action', caseView);
    if (!slot) return;
    const missing = c.missingInfo ?? [];
    const key = `${c.number}:${missing.join(',')}`;
    if (key === detailsShownFor && slot.childElementCount) return;
    detailsShownFor = key;
    if (!missing.length) {
      slot.replaceChildren();
      return;
    }
    const base = 'action-details';
    const error = h('p', { id: `${base}-error`, class: 'form-error', role: 'alert', hidden: true, dataset: { testid: `${base}-error` } });
    const submit = h('button', { type: 'submit', class: 'btn', id: `${base}-submit`, dataset: { testid: `${base}-submit` } }, t('case.fillMissing.submit'));
    const inputs = missing.flatMap((name) => detailInputs(base, name));
    const form = h('form', { class: 'action action-block missing-form', dataset: { testid: base, action: 'details' }, 'aria-labelledby': `${base}-title`, novalidate: true },
      h('h4', { id: `${base}-title`, class: 'action-title' }, t('case.fillMissing')),
      h('div', { class: 'action-fields wrap' }, inputs, submit),
      error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const details = {};
      for (const input of form.querySelectorAll('[data-detail]')) {
        const name = input.dataset.detail;
        const raw = input.value.trim();
        if (!raw) continue;
        if (input.dataset.type === 'bool') details[name] = raw === 'true';
        else if (input.dataset.type === 'datetime') details[name] = new Date(raw).toISOString();
        else details[name] = raw;
      }
      await runAction(form, submit, error, 'details', details, t('action.details'));
    });
    slot.replaceChildren(form);
  }

  function detailInputs(base, name) {
    const id = `${base}-${name}`;
    const wrap = (control, text = label('detail.', name)) => h('div', { class: 'field' }, h('label', { for: control.id }, text), control);
    const select = (controlId, detail, options, type) => h('select', { id: controlId, dataset: { detail, testid: controlId, type } },
      h('option', { value: '' }, '—'), options.map(([value, text]) => h('option', { value }, text)));
    switch (name) {
      case 'direction':
        return [wrap(select(id, name, [['inbound', label('direction.', 'inbound')], ['outbound', label('direction.', 'outbound')]]))];
      case 'extensionType':
        return [wrap(select(id, name, [['sip', 'SIP'], ['teams', 'Microsoft Teams']]))];
      case 'directNumber':
        return [wrap(select(id, name, [['true', t('yes')], ['false', t('no')]], 'bool'))];
      case 'occurredAt':
        return [wrap(h('input', { type: 'datetime-local', id, dataset: { detail: name, testid: id, type: 'datetime' } }))];
      case 'ringGroup':
        return [
          wrap(select(`${base}-inRingGroup`, 'inRingGroup', [['true', t('yes')], ['false', t('no')]], 'bool'), label('detail.', 'inRingGroup')),
          wrap(h('input', { type: 'text', id, dataset: { detail: name, testid: id } })),
        ];
      default:
        return [wrap(h('input', { type: name === 'teamsEmail' ? 'email' : 'text', id, dataset: { detail: name, testid: id }, autocomplete: 'off' }))];
    }
  }

  function relabel() {
    fillFilterOptions();
    if (!listView.hidden && listLoaded) renderList();
    if (openCase) {
      actionsFor = null;
      detailsShownFor = '';
      renderCase();
    }
  }

  function clear() {
    listed = [];
    listLoaded = false;
    known.clear();
    openNumber = null;
    openCase = null;
    actionsFor = null;
    tbody.replaceChildren();
  }

  fillFilterOptions();
  /** Keeps a case fetched elsewhere (screen pop) for the countdowns; returns the newest copy known. */
  function rememberCase(c) {
    remember(c);
    return known.get(c.number) ?? c;
  }

  return { apply, resync, tick, rememberCase, showList, showCase, relabel, clear, hideAll: () => { listView.hidden = true; caseView.hidden = true; openNumber = null; openCase = null; actionsFor = null; } };
}
