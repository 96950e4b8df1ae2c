// Click2Call callbacks (#/callbacks): every "call me" request from the website, newest first, and each time the desk
// dialled the visitor. GET /api/click2call?status= (up to 200). Refreshed every 15 s while shown, on the refresh
// button, on the filter, and after every hub (re)connect (resync, called by console.js). Text nodes only (h()).
import { request } from './api.js';
import { formatDateTime, formatTime, label, t } from './i18n.js';
import { $, digits, h, replace } from './util.js';

const STATUSES = ['dialing', 'scheduled', 'answered', 'failed', 'cancelled'];
const REFRESH_MS = 15000;
const COLUMNS = 7;

export function createCallbacks(ctx) {
  const view = $('#view-callbacks');
  /** The last answer (null until loaded), ids whose attempts are open, the filter, the last error. */
  let rows = null;
  const expanded = new Set();
  let filter = '';
  let error = null;
  let loadedAt = null;
  let loading = false;
  let seq = 0;
  let visible = false;
  let timer = null;
  let el = {};

  // ---- skeleton (built once; relabel() rebuilds it) ---------------------------------------------------------

  function build() {
    el = {};
    el.title = h('h2', { id: 'callbacks-title', class: 'view-title', tabindex: '-1' }, t('callbacks.title'));
    el.status = h('span', { id: 'callbacks-status', class: 'muted', role: 'status', dataset: { testid: 'callbacks-status' } });
    el.updated = h('span', { class: 'muted small', dataset: { testid: 'callbacks-updated' } });
    el.filter = h('select', { id: 'callbacks-filter', dataset: { testid: 'callbacks-filter' }, onchange: onFilter },
      h('option', { value: '' }, t('callbacks.filter.all')),
      STATUSES.map((s) => h('option', { value: s }, label('callbacks.status.', s))));
    el.filter.value = filter;
    el.refresh = h('button', { type: 'button', class: 'btn', id: 'callbacks-refresh', dataset: { testid: 'callbacks-refresh' }, onclick: () => load() },
      t('callbacks.refresh'));
    el.error = h('p', { class: 'form-error', dataset: { testid: 'callbacks-error' } });
    el.body = h('tbody', { id: 'callbacks-rows' });
    el.empty = h('p', { class: 'muted', dataset: { testid: 'callbacks-empty' }, hidden: true });

    replace(view,
      h('div', { class: 'view-head' }, el.title, el.status),
      h('div', { class: 'filters' },
        h('div', { class: 'field' }, h('label', { for: 'callbacks-filter' }, t('callbacks.filter.status')), el.filter),
        el.refresh, el.updated),
      el.error,
      h('div', { class: 'table-wrap' },
        h('table', { class: 'table callbacks-table', dataset: { testid: 'callbacks-table' } },
          h('caption', { class: 'sr-only' }, t('callbacks.caption')),
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, t('callbacks.col.created')),
            h('th', { scope: 'col' }, t('callbacks.col.number')),
            h('th', { scope: 'col' }, t('callbacks.col.name')),
            h('th', { scope: 'col' }, t('callbacks.col.reason')),
            h('th', { scope: 'col' }, t('callbacks.col.status')),
            h('th', { scope: 'col' }, t('callbacks.col.scheduled')),
            h('th', { scope: 'col' }, t('callbacks.col.attempts')))),
          el.body)),
      el.empty);
    render();
  }

  // ---- data ------------------------------------------------------------------------------------------------

  /** Loads the list; a newer load wins over an older one still in flight. Never throws. */
  async function load() {
    if (!ctx.me()) return;
    const mine = ++seq;
    loading = true;
    renderStatus();
    const query = filter ? `?${new URLSearchParams({ status: filter })}` : '';
    try {
      const answer = await request('GET', `/api/click2call${query}`);
      if (mine !== seq) return;
      rows = Array.isArray(answer) ? answer : [];
      error = null;
      loadedAt = new Date().toISOString();
      const known = new Set(rows.map((c) => c.id));
      for (const id of expanded) if (!known.has(id)) expanded.delete(id);
    } catch (failure) {
      if (mine !== seq) return;
      error = failure.status === 401 ? null : failure.message;
    } finally {
      if (mine === seq) loading = false;
    }
    if (mine === seq && el.body) render();
  }

  function onFilter() {
    filter = el.filter.value;
    rows = null;
    expanded.clear();
    render();
    load();
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  /** The count is a live region: rewritten only when it changes, so the 15-second refresh stays quiet. */
  function renderStatus() {
    if (!el.status) return;
    const text = loading && rows === null ? t('callbacks.loading')
      : rows === null ? ''
        : t(rows.length === 1 ? 'callbacks.countOne' : 'callbacks.count', { count: rows.length });
    if (el.status.textContent !== text) el.status.textContent = text;
    el.updated.textContent = loadedAt ? t('callbacks.updated', { at: formatTime(loadedAt) }) : '';
  }

  function render() {
    if (!el.body) return;
    // Keeps the keyboard on the same row's button across a refresh.
    const focused = el.body.contains(document.activeElement) ? document.activeElement.closest('tr')?.dataset.id : null;
    if (el.error.textContent !== (error ?? '')) el.error.textContent = error ?? '';
    const list = rows ?? [];
    replace(el.body, list.map((c) => [row(c), expanded.has(c.id) ? attemptsRow(c) : null]));
    el.empty.hidden = rows === null || list.length > 0;
    el.empty.textContent = filter ? t('callbacks.emptyFiltered', { status: label('callbacks.status.', filter) }) : t('callbacks.empty');
    renderStatus();
    if (focused) el.body.querySelector(`tr[data-id="${CSS.escape(focused)}"] .callback-toggle`)?.focus();
  }

  function row(c) {
    const attempts = c.attempts ?? [];
    const open = expanded.has(c.id);
    const did = ctx.numbers.get(digits(c.did))?.display ?? c.did;
    const toggle = h('button', {
      type: 'button', class: 'linklike callback-toggle', 'aria-expanded': String(open), 'aria-controls': open ? attemptsId(c) : null,
      dataset: { testid: 'callback-toggle' }, onclick: () => toggleRow(c.id),
    }, h('span', { class: 'chevron', 'aria-hidden': 'true' }, open ? '▾' : '▸'), ' ',
    t(attempts.length === 1 ? 'callbacks.attemptsOne' : 'callbacks.attemptsMany', { count: attempts.length }));
    return h('tr', { class: `callback-row${open ? ' open' : ''}`, dataset: { testid: 'callback-row', id: c.id, status: c.status ?? '' } },
      h('td', { class: 'cb-time' }, h('time', { datetime: c.createdAt ?? '' }, formatDateTime(c.createdAt))),
      h('th', { scope: 'row', class: 'cb-number' },
        h('span', {}, c.number || '—'),
        c.did ? h('span', { class: 'cb-did muted' }, t('callbacks.toDid', { did })) : null),
      h('td', { class: 'cb-name' }, c.name || '—'),
      h('td', { class: 'cb-reason' }, c.reason || '—'),
      h('td', {}, h('span', { class: `badge cb-status-${c.status}`, dataset: { testid: 'callback-status' } }, label('callbacks.status.', c.status))),
      h('td', { class: 'cb-time' }, c.status === 'scheduled' && c.scheduledFor
        ? h('time', { datetime: c.scheduledFor }, formatDateTime(c.scheduledFor)) : '—'),
      h('td', {}, toggle));
  }

  const attemptsId = (c) => `callback-attempts-${String(c.id).replace(/[^\w-]/g, '_')}`;

  function attemptsRow(c) {
    const attempts = c.attempts ?? [];
    return h('tr', { class: 'callback-attempts-row', id: attemptsId(c), dataset: { testid: 'callback-attempts', id: c.id } },
      h('td', { colspan: String(COLUMNS) },
        attempts.length === 0
          ? h('p', { class: 'muted small' }, t('callbacks.noAttempts'))
          : h('table', { class: 'table compact cb-attempts' },
            h('caption', { class: 'sr-only' }, t('callbacks.attemptsCaption', { number: c.number ?? '' })),
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col', class: 'num' }, t('callbacks.att.number')),
              h('th', { scope: 'col' }, t('callbacks.att.at')),
              h('th', { scope: 'col' }, t('callbacks.att.outcome')),
              h('th', { scope: 'col', class: 'num' }, t('callbacks.att.code')),
              h('th', { scope: 'col' }, t('callbacks.att.detail')))),
            h('tbody', {}, attempts.map((a) => h('tr', { dataset: { testid: 'callback-attempt', outcome: a.outcome ?? '' } },
              h('th', { scope: 'row', class: 'num' }, a.number ?? '—'),
              h('td', { class: 'cb-time' }, h('time', { datetime: a.at ?? '' }, formatDateTime(a.at))),
              h('td', {}, h('span', { class: `cb-outcome cb-outcome-${a.outcome}` }, label('callbacks.outcome.', a.outcome))),
              h('td', { class: 'num' }, a.statusCode ?? '—'),
              h('td', { class: 'cb-detail' }, a.detail || '—')))))));
  }

  function toggleRow(id) {
    if (expanded.has(id)) expanded.delete(id); else expanded.add(id);
    render();
  }

  // ---- view ------------------------------------------------------------------------------------------------

  function show() {
    if (!el.body) build();
    view.hidden = false;
    if (!visible) {
      visible = true;
      load();
      clearInterval(timer);
      timer = setInterval(() => { if (visible) load(); }, REFRESH_MS);
    }
  }

  function hide() {
    visible = false;
    view.hidden = true;
    clearInterval(timer);
    timer = null;
  }

  /** After every hub (re)connect: fresh data if the view is shown. Not awaited by console.js, never throws. */
  async function resync() {
    if (visible) await load();
  }

  function relabel() {
    if (el.body) build();
  }

  function clear() {
    hide();
    seq += 1; // an answer still in flight is dropped
    rows = null;
    error = null;
    loadedAt = null;
    loading = false;
    expanded.clear();
    if (el.body) build();
  }

  return { show, hide, resync, relabel, clear };
}
