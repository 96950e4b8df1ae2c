// The agents' console: login, the live hub (/hubs/agents) with resync on every (re)connect, routing between
// the screen pop, the case list and page and the SLA report, toasts and SLA alerts. Plain ES modules, no build.
import { api, setUnauthorizedHandler } from './api.js';
import { applyStatic, formatTime, label, lang, onLangChange, setLang, t } from './i18n.js';
import { $, digits, h, replace } from './util.js';
import { createBoard } from './board.js';
import { createCases } from './cases.js';
import { createReport } from './report.js';
import { createAgents } from './agents.js';
import { createChats } from './chats.js';
import { createCallbacks } from './callbacks.js';

const HUB_PATH = '/hubs/agents';

const ctx = {
  /** DID digits → { display, country } from GET /api/numbers. */
  numbers: new Map(),
  /** "caseNumber:kind" of the SLA clocks the server warned about (amber). */
  alerts: new Set(),
  navigate,
  toast,
  announce,
  hubError,
  rememberCase: (c) => c,
  me: () => me,
  hub: {
    isConnected: () => hub?.state === 'Connected',
    invoke: (method, ...args) => {
      if (!hub || hub.state !== 'Connected') return Promise.reject(new Error(t('board.notConnected')));
      return hub.invoke(method, ...args);
    },
  },
};

let me = null;
let hub = null;
let startTimer = null;
let desiredStatus = 'away';
let resyncing = false;
let buffered = [];
const received = [];
let unread = 0;

const board = createBoard(ctx);
const cases = createCases(ctx);
const report = createReport(ctx);
const agents = createAgents();
const chats = createChats(ctx);
const callbacks = createCallbacks(ctx);
ctx.rememberCase = cases.rememberCase;

// ---- start ---------------------------------------------------------------------------------------------

applyStatic(document);
for (const button of document.querySelectorAll('.lang-toggle')) {
  button.addEventListener('click', () => setLang(lang() === 'es' ? 'en' : 'es'));
}
onLangChange(() => {
  renderWhoAmI();
  renderConnection();
  renderAlerts();
  board.relabel();
  cases.relabel();
  report.relabel();
  chats.relabel();
  callbacks.relabel();
});
setUnauthorizedHandler(() => {
  if (me) endSession(t('session.expired'));
});
window.addEventListener('hashchange', () => {
  const focus = focusNextRoute;
  focusNextRoute = true;
  route(focus);
});
setInterval(() => {
  board.tick();
  cases.tick();
}, 1000);

loadNumbers();
boot();

async function boot() {
  try {
    me = await api.me();
    enterApp();
  } catch {
    showLogin();
  } finally {
    $('#boot').hidden = true;
  }
}

async function loadNumbers() {
  try {
    const numbers = await api.numbers();
    for (const n of numbers ?? []) ctx.numbers.set(digits(n.e164 ?? n.number), { display: n.display ?? n.e164, country: n.country });
  } catch {
    /* the board shows raw numbers */
  }
}

// ---- login / logout ------------------------------------------------------------------------------------

function showLogin(message) {
  $('#app').hidden = true;
  $('#login-view').hidden = false;
  const error = $('#login-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  $('#login-email').focus();
}

$('#login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = $('#login-email').value.trim();
  const password = $('#login-password').value;
  const error = $('#login-error');
  const submit = $('#login-submit');
  error.hidden = true;
  if (!email || !password) {
    error.textContent = t('login.required');
    error.hidden = false;
    (!email ? $('#login-email') : $('#login-password')).focus();
    return;
  }
  submit.disabled = true;
  submit.textContent = t('login.busy');
  try {
    await api.login(email, password);
    me = await api.me();
    $('#login-password').value = '';
    enterApp(true);
  } catch (failure) {
    error.textContent = failure.status === 401 ? t('login.failed')
      : failure.status === 429 ? `${t('login.tooMany')} ${failure.problem?.detail ?? ''}`.trim()
        : failure.message;
    error.hidden = false;
    $('#login-password').select();
    $('#login-password').focus();
  } finally {
    submit.disabled = false;
    submit.textContent = t('login.submit');
  }
});

$('#logout-button').addEventListener('click', async () => {
  await stopHub();
  try { await api.logout(); } catch { /* the cookie is gone either way */ }
  endSession();
});

function endSession(message) {
  me = null;
  stopHub();
  board.clear();
  cases.clear();
  chats.clear();
  callbacks.clear();
  received.length = 0;
  unread = 0;
  ctx.alerts.clear();
  renderAlerts();
  desiredStatus = 'away';
  $('#agent-status').value = 'away';
  showLogin(message);
}

function enterApp(moveFocus = false) {
  $('#login-view').hidden = true;
  $('#app').hidden = false;
  renderWhoAmI();
  if (!location.hash || location.hash === '#' || location.hash === '#/') history.replaceState(null, '', '#/cases');
  route(moveFocus);
  startHub();
}

function renderWhoAmI() {
  const el = $('#whoami');
  if (!me) {
    el.textContent = '';
    return;
  }
  el.textContent = t('whoami', { name: me.name || me.email, role: label('role.', me.role) });
  el.title = me.email ?? '';
}

// ---- hub -------------------------------------------------------------------------------------------------

let connectionState = 'connecting';

function setConnection(state) {
  connectionState = state;
  renderConnection();
}

function renderConnection() {
  const el = $('#conn-status');
  el.dataset.state = connectionState;
  const text = t(`conn.${connectionState}`);
  $('#conn-text').textContent = text;
  el.setAttribute('aria-label', t('conn.label', { state: text }));
  $('#agent-status').disabled = connectionState !== 'connected';
}

function createHub() {
  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl(HUB_PATH)
    // Never give up: 0 s, 1 s, 2 s, 5 s, then every 10 s.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => [0, 1000, 2000, 5000][retry.previousRetryCount] ?? 10000 })
    .configureLogging(window.signalR.LogLevel.Warning)
    .build();

  connection.on('callUpdated', (update) => deliver('call', update));
  connection.on('caseUpdated', (c) => deliver('case', c));
  connection.on('slaAlert', (alert) => onSlaAlert(alert));
  // Web chat and WhatsApp (chats.js): summaries and messages are held during a resync like calls; typing is not.
  connection.on('chatUpdated', (summary) => deliver('chat', summary));
  connection.on('chatMessage', (message) => deliver('chatMessage', message));
  connection.on('chatTyping', (typing) => chats.typing(typing));
  // Optional: a server that pushes the agent's own status (busy, wrapUp) when a call changes it.
  connection.on('statusChanged', (status) => showStatus(typeof status === 'string' ? status : status?.status));

  connection.onreconnecting(() => setConnection('reconnecting'));
  connection.onreconnected(async () => {
    setConnection('connected');
    await resync();
    await reapplyStatus();
    announce(t('conn.resynced'));
  });
  connection.onclose(() => {
    if (hub !== connection) return;
    setConnection('disconnected');
    if (me) scheduleStart(3000);
  });
  return connection;
}

async function startHub() {
  clearTimeout(startTimer);
  if (!me) return;
  if (!hub) hub = createHub();
  if (hub.state !== 'Disconnected') return;
  setConnection('connecting');
  try {
    await hub.start();
    setConnection('connected');
    await resync();
    await reapplyStatus();
  } catch (error) {
    setConnection('disconnected');
    if (error?.statusCode === 401) {
      try { await api.me(); } catch { return; } // the 401 handler ends the session
    }
    scheduleStart(3000);
  }
}

function scheduleStart(ms) {
  clearTimeout(startTimer);
  startTimer = setTimeout(startHub, ms);
}

async function stopHub() {
  clearTimeout(startTimer);
  const connection = hub;
  hub = null;
  if (connection) {
    try { await connection.stop(); } catch { /* already stopped */ }
  }
  setConnection('disconnected');
}

function deliver(kind, payload) {
  if (resyncing) {
    buffered.push([kind, payload]);
    return;
  }
  dispatch(kind, payload);
}

function dispatch(kind, payload) {
  if (kind === 'call') {
    board.apply(payload);
  } else if (kind === 'chat') {
    chats.apply(payload);
  } else if (kind === 'chatMessage') {
    chats.message(payload);
  } else {
    cases.apply(payload);
    board.caseChanged(payload);
  }
}

/**
 * After every (re)connect: the live calls and the cases are loaded again, so the board is never stale.
 * Events that arrive meanwhile are held and applied after the snapshot (older news is ignored by timestamp).
 */
async function resync() {
  resyncing = true;
  buffered = [];
  callbacks.resync(); // not awaited: the board's snapshot does not wait for the callbacks list
  try {
    const [calls] = await Promise.all([api.calls(), cases.resync(), chats.resync()]);
    board.resync(calls ?? []);
  } catch (error) {
    if (error.status !== 401) toast({ text: error.message, kind: 'error' });
  } finally {
    resyncing = false;
    const held = buffered;
    buffered = [];
    for (const [kind, payload] of held) dispatch(kind, payload);
  }
}

/** The human part of a hub error: "… HubException: Method does not exist." → "Method does not exist." */
function hubError(error) {
  const message = String(error?.message ?? error ?? '');
  const i = message.lastIndexOf('HubException: ');
  return i >= 0 ? message.slice(i + 'HubException: '.length) : message;
}

// ---- agent status ----------------------------------------------------------------------------------------

const statusSelect = $('#agent-status');

statusSelect.addEventListener('change', async () => {
  const wanted = statusSelect.value;
  try {
    const result = await ctx.hub.invoke('SetStatus', wanted);
    desiredStatus = typeof result === 'string' ? result : wanted;
    showStatus(desiredStatus);
    announce(t('status.changed', { status: label('status.', desiredStatus) }));
  } catch (error) {
    showStatus(desiredStatus);
    toast({ text: t('status.failed', { error: hubError(error) }), kind: 'error' });
  }
});

/** A new connection starts "away" on the server: an agent who chose "available" is available again. */
async function reapplyStatus() {
  if (desiredStatus !== 'available') {
    showStatus(desiredStatus);
    return;
  }
  try {
    const result = await hub.invoke('SetStatus', desiredStatus);
    showStatus(typeof result === 'string' ? result : desiredStatus);
  } catch (error) {
    toast({ text: t('status.failed', { error: hubError(error) }), kind: 'error' });
  }
}

function showStatus(status) {
  if (!status) return;
  if (![...statusSelect.options].some((o) => o.value === status)) {
    // busy / wrapUp come from the server; shown, not selectable.
    statusSelect.append(h('option', { value: status, disabled: true, 'data-i18n': `status.${status}` }, label('status.', status)));
  }
  statusSelect.value = status;
  statusSelect.dataset.status = status;
}

// ---- SLA alerts ------------------------------------------------------------------------------------------

function onSlaAlert(alert) {
  if (!alert) return;
  const level = alert.level === 'breach' ? 'breach' : 'warning';
  if (level === 'warning') ctx.alerts.add(`${alert.caseNumber}:${alert.kind}`);
  received.unshift({ ...alert, level, receivedAt: new Date().toISOString() });
  if (received.length > 100) received.length = 100;
  unread += 1;
  renderAlerts();
  toast({
    text: alertText({ ...alert, level }),
    kind: level === 'breach' ? 'breach' : 'warning',
    caseNumber: alert.caseNumber,
    testid: 'sla-toast',
    timeout: 12000,
  });
  cases.tick();
}

function alertText(alert) {
  return t(alert.level === 'breach' ? 'alert.breach' : 'alert.warning', {
    number: alert.caseNumber,
    kind: t(`alert.kind.${alert.kind}`),
    due: formatTime(alert.due),
  });
}

function renderAlerts() {
  const badge = $('#alerts-badge');
  badge.hidden = unread === 0;
  badge.textContent = String(unread);
  $('#alerts-button').setAttribute('aria-label', unread ? t('alerts.buttonCount', { count: unread }) : t('alerts.button'));
  const listEl = $('#alerts-list');
  replace(listEl, received.map((a) => h('li', { class: `alert-item alert-${a.level}`, dataset: { testid: 'alert-item', caseNumber: String(a.caseNumber), level: a.level } },
    h('span', {}, alertText(a)), ' ',
    h('a', { href: `#/cases/${a.caseNumber}` }, t('toast.open', { number: a.caseNumber })))));
  $('#alerts-empty').hidden = received.length > 0;
}

const alertsButton = $('#alerts-button');
const alertsPanel = $('#alerts-panel');

function toggleAlerts(open) {
  alertsPanel.hidden = !open;
  alertsButton.setAttribute('aria-expanded', String(open));
  if (open) {
    unread = 0;
    renderAlerts();
    $('#alerts-close').focus();
  }
}

alertsButton.addEventListener('click', () => toggleAlerts(alertsPanel.hidden));
$('#alerts-close').addEventListener('click', () => {
  toggleAlerts(false);
  alertsButton.focus();
});
$('#alerts-clear').addEventListener('click', () => {
  received.length = 0;
  unread = 0;
  renderAlerts();
});
alertsPanel.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    toggleAlerts(false);
    alertsButton.focus();
  }
});
alertsPanel.addEventListener('click', (event) => {
  if (event.target.closest('a')) toggleAlerts(false);
});

// ---- toasts and announcements ----------------------------------------------------------------------------

function toast({ text, kind = 'info', caseNumber = null, timeout, testid = 'toast' }) {
  const container = $('#toasts');
  const urgent = kind === 'error' || kind === 'breach';
  const el = h('div', { class: `toast toast-${kind}`, role: urgent ? 'alert' : null, dataset: { testid, kind } },
    h('p', { class: 'toast-text' }, text),
    caseNumber ? h('a', { href: `#/cases/${caseNumber}`, class: 'toast-link' }, t('toast.open', { number: caseNumber })) : null,
    h('button', { type: 'button', class: 'toast-close', 'aria-label': t('toast.close'), onclick: () => el.remove() }, '×'));
  container.append(el);
  while (container.childElementCount > 5) container.firstElementChild.remove();
  const ms = timeout ?? (urgent ? 10000 : 6000);
  const expire = () => {
    if (el.matches(':hover, :focus-within')) setTimeout(expire, 2000);
    else el.remove();
  };
  setTimeout(expire, ms);
}

let announceTimer;

/** Says something to screen readers (new calls, live changes) without moving focus. */
function announce(text, urgent = false) {
  const el = urgent ? $('#announcer-urgent') : $('#announcer');
  el.textContent = '';
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => { el.textContent = text; }, 50);
}

// ---- routing ---------------------------------------------------------------------------------------------

let focusNextRoute = true;

/** Goes to a view; { focus: false } keeps the keyboard focus where it is (an automatic screen pop). */
function navigate(hash, { focus = true } = {}) {
  if (location.hash === hash) {
    route(focus);
  } else {
    focusNextRoute = focus;
    location.hash = hash;
  }
}

/** #/calls/<id> screen pop · #/cases list · #/cases/<n> case page · #/report SLA report · #/callbacks Click2Call. */
function route(moveFocus) {
  if (!me) return;
  const match = /^#\/([^/]*)\/?(.*)$/.exec(location.hash) ?? [];
  const section = match[1] ?? 'cases';
  const arg = match[2] ?? '';

  $('#view-call').hidden = true;
  report.hide();
  agents.hide();
  chats.hide();
  callbacks.hide();
  cases.hideAll();
  $('#nav-agents').hidden = me.role !== 'admin';
  let focusTarget = null;

  if (section === 'calls' && arg) {
    $('#view-call').hidden = false;
    board.show(decodeURIComponent(arg));
    focusTarget = '#pop-title';
  } else {
    board.hide();
    if (section === 'report') {
      report.show();
      focusTarget = '#report-title';
    } else if (section === 'chats') {
      chats.show(arg ? decodeURIComponent(arg) : null);
      focusTarget = arg ? '#chat-pane-title' : '#chats-title';
    } else if (section === 'callbacks') {
      callbacks.show();
      focusTarget = '#callbacks-title';
    } else if (section === 'agents' && me.role === 'admin') {
      agents.show();
      focusTarget = '#agents-title';
    } else if (section === 'cases' && /^\d+$/.test(arg)) {
      cases.showCase(Number(arg));
      focusTarget = null; // the case page focuses its title once loaded
    } else {
      cases.showList();
      focusTarget = '#cases-title';
    }
  }

  for (const link of document.querySelectorAll('.nav a')) {
    const current = (section === 'report' && link.id === 'nav-report') || (section === 'cases' && link.id === 'nav-cases') || (section === 'agents' && link.id === 'nav-agents')
      || (section === 'chats' && link.id === 'nav-chats') || (section === 'callbacks' && link.id === 'nav-callbacks');
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  if (moveFocus && focusTarget) $(focusTarget)?.focus();
}
