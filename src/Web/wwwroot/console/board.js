// The live board of calls (left column) and the screen pop of the selected call (main area, #/calls/<id>).
import { api } from './api.js';
import { countryName, formatDateTime, label, t } from './i18n.js';
import { $, clock, digits, h, replace } from './util.js';
import { caseSummaryCard, severityBadge, statusBadge } from './cases.js';
import { conversationItem, threadList } from './chats.js';

const STATE_ORDER = ['ringing', 'ivr', 'queued', 'offered', 'connected', 'ended'];
const TAKEABLE = new Set(['queued', 'offered']);
const AGENT_STATES = new Set(['offered', 'connected']);
const ENDED_FADE_MS = 4000;
const ENDED_REMOVE_MS = 5500;

export function createBoard(ctx) {
  /** callId → { call, firstSeen, removeTimer } for the calls on the board. */
  const calls = new Map();
  /** Last known state of every call seen this session (the screen pop keeps showing an ended call). */
  const lastKnown = new Map();
  let selectedId = null;
  let pop = { callId: null, caseNumber: null, caller: null, case: null, history: null, conversations: null };

  const list = $('#call-list');
  const empty = $('#board-empty');
  const count = $('#board-count');

  // ---- data --------------------------------------------------------------------------------------------

  /** A callUpdated from the hub (or a row of GET /api/calls). Older news than what is shown is ignored. */
  function apply(update, { quiet = false } = {}) {
    if (!update || !update.callId) return;
    const entry = calls.get(update.callId);
    if (entry && Date.parse(update.at) < Date.parse(entry.call.at) && update.state !== 'ended') return;

    const previousState = entry?.call.state;
    if (entry) {
      // What a later update leaves out (an ended call's case, say) stays as last seen.
      update = {
        ...update,
        caller: update.caller ?? entry.call.caller,
        did: update.did ?? entry.call.did,
        country: update.country ?? entry.call.country,
        caseNumber: update.caseNumber ?? entry.call.caseNumber,
      };
      entry.call = update;
    } else {
      calls.set(update.callId, { call: update, firstSeen: Date.now(), removeTimer: null });
    }
    lastKnown.set(update.callId, update);

    if (update.state === 'ended') scheduleRemoval(update.callId);
    if (!quiet && previousState !== update.state) announce(update, previousState);
    renderRow(update.callId);
    if (selectedId === update.callId) renderPop();
  }

  /** Replaces the board with the server's list (after a (re)connect): calls missing from it have ended. */
  function resync(snapshot) {
    const live = new Set(snapshot.map((c) => c.callId));
    for (const [callId, entry] of calls) {
      if (!live.has(callId) && entry.call.state !== 'ended') {
        apply({ ...entry.call, state: 'ended', at: new Date().toISOString() }, { quiet: true });
      }
    }
    for (const call of snapshot) {
      const entry = calls.get(call.callId);
      if (entry) {
        // A fresh snapshot is the truth, whatever the timestamps say.
        entry.call = call;
        lastKnown.set(call.callId, call);
      } else {
        apply(call, { quiet: true });
      }
    }
    renderAll();
    if (selectedId) renderPop();
  }

  function scheduleRemoval(callId) {
    const entry = calls.get(callId);
    if (!entry || entry.removeTimer) return;
    entry.removeTimer = setTimeout(() => {
      const row = rowOf(callId);
      if (row) row.classList.add('fading');
      entry.removeTimer = setTimeout(() => {
        calls.delete(callId);
        rowOf(callId)?.remove();
        updateCount();
      }, ENDED_REMOVE_MS - ENDED_FADE_MS);
    }, ENDED_FADE_MS);
  }

  function announce(call, previousState) {
    const caller = callerText(call);
    if (!previousState && (call.state === 'ringing' || call.state === 'ivr')) {
      ctx.announce(t('announce.newCall', { caller, country: countryName(call.country) }));
    } else if (call.state === 'queued') {
      ctx.announce(t('announce.queued', { caller }));
    } else if (call.state === 'offered' && isMine(call)) {
      ctx.announce(t('announce.offeredToMe', { caller }), true);
      ctx.toast({ text: t('announce.offeredToMe', { caller }), kind: 'info', testid: 'offer-toast' });
      // Screen pop: the agent sees who calls before answering, unless they are typing somewhere.
      const typing = document.activeElement?.matches('input, textarea, select, [contenteditable="true"]');
      if (!typing && selectedId !== call.callId) ctx.navigate(`#/calls/${encodeURIComponent(call.callId)}`, { focus: false });
    } else if (call.state === 'offered') {
      ctx.announce(t('announce.offered', { caller }));
    } else if (call.state === 'connected') {
      ctx.announce(t('announce.connected', { caller }));
    }
  }

  // ---- board rendering ---------------------------------------------------------------------------------

  const rowOf = (callId) => list.querySelector(`li[data-call-id="${CSS.escape(callId)}"]`);

  function sortedIds() {
    return [...calls.values()]
      .sort((a, b) => STATE_ORDER.indexOf(a.call.state) - STATE_ORDER.indexOf(b.call.state) || a.firstSeen - b.firstSeen)
      .map((e) => e.call.callId);
  }

  function renderAll() {
    for (const callId of calls.keys()) renderRow(callId, false);
    reorder();
  }

  function renderRow(callId, andReorder = true) {
    const entry = calls.get(callId);
    if (!entry) return;
    const call = entry.call;
    let row = rowOf(callId);
    const focusedId = row && row.contains(document.activeElement) ? document.activeElement.dataset.testid : null;
    if (!row) {
      row = h('li', { class: 'call', dataset: { testid: 'call-row', callId } });
      row.addEventListener('click', (event) => {
        if (event.target.closest('a, button')) return;
        select(callId);
      });
      list.append(row);
    }
    row.dataset.state = call.state;
    row.classList.toggle('selected', selectedId === callId);
    row.classList.toggle('mine', isMine(call));
    if (isMine(call)) row.dataset.mine = 'true'; else delete row.dataset.mine;
    if (call.state !== 'ended') row.classList.remove('fading');

    const caller = callerText(call);
    const stateText = label('call.state.', call.state);
    const meta = [
      h('span', { class: 'call-did', dataset: { testid: 'call-did' } }, didText(call)),
    ];
    if (call.state === 'ivr' && call.step) {
      meta.push(h('span', { class: 'call-step', dataset: { testid: 'call-step', step: call.step } }, t('board.step', { step: stepText(call.step) })));
    }
    if (agentOf(call)) {
      meta.push(h('span', { class: 'call-agent', dataset: { testid: 'call-agent', agent: agentOf(call) } },
        t(call.state === 'offered' ? 'board.offeredTo' : 'board.connectedTo', { agent: agentText(call) })));
    }
    if (call.caseNumber) {
      meta.push(h('a', { href: `#/cases/${call.caseNumber}`, class: 'call-case', dataset: { testid: 'call-case-link', caseNumber: String(call.caseNumber) } },
        t('board.case', { number: call.caseNumber })));
    }

    replace(row,
      h('div', { class: 'call-line' },
        h('span', { class: `badge state state-${call.state}`, dataset: { testid: 'call-state' } }, stateText),
        h('button', {
          type: 'button',
          class: 'call-caller linklike',
          dataset: { testid: 'call-select' },
          'aria-label': t('board.selectLabel', { caller, state: stateText }),
          'aria-pressed': selectedId === callId ? 'true' : 'false',
          onclick: () => select(callId),
        }, h('span', { dataset: { testid: 'call-caller' } }, caller)),
        h('span', { class: 'call-timer', dataset: { testid: 'call-timer', since: call.at, state: call.state }, 'aria-hidden': 'true' }, timerText(call))),
      h('div', { class: 'call-meta' }, meta),
      canTake(call)
        ? h('button', {
          type: 'button',
          class: 'btn btn-primary btn-small call-take',
          dataset: { testid: 'call-take' },
          'aria-label': t('board.takeLabel', { caller }),
          onclick: (event) => take(callId, event.currentTarget),
        }, t('board.take'))
        : null);

    if (focusedId) row.querySelector(`[data-testid="${focusedId}"]`)?.focus();
    if (andReorder) reorder();
  }

  function reorder() {
    const ids = sortedIds();
    const current = [...list.children].map((li) => li.dataset.callId);
    if (ids.join('\n') !== current.join('\n')) {
      const focused = list.contains(document.activeElement) ? document.activeElement : null;
      for (const id of ids) {
        const row = rowOf(id);
        if (row) list.append(row);
      }
      if (focused && document.activeElement !== focused && focused.isConnected) focused.focus();
    }
    updateCount();
  }

  function updateCount() {
    const active = [...calls.values()].filter((e) => e.call.state !== 'ended').length;
    count.textContent = t('board.count', { count: active });
    empty.hidden = calls.size > 0;
  }

  function timerText(call) {
    const seconds = Math.max(0, (Date.now() - Date.parse(call.at)) / 1000);
    return call.state === 'queued' ? t('board.waiting', { time: clock(seconds) }) : t('board.since', { time: clock(seconds) });
  }

  /** Every second: the wait and in-state timers count up. */
  function tick() {
    for (const el of list.querySelectorAll('[data-testid="call-timer"]')) {
      if (el.dataset.state === 'ended') continue;
      el.textContent = timerText({ at: el.dataset.since, state: el.dataset.state });
    }
  }

  /** For offered and connected calls the server puts the agent's e-mail in `step`. */
  const agentOf = (call) => (AGENT_STATES.has(call.state) ? call.step || null : null);

  function isMine(call) {
    const agent = agentOf(call);
    const email = ctx.me()?.email;
    return !!agent && !!email && agent.toLowerCase() === email.toLowerCase();
  }

  /** Queued calls, and calls offered to someone else, can be taken; one ringing my phone already is mine. */
  const canTake = (call) => TAKEABLE.has(call.state) && !isMine(call);

  function agentText(call) {
    return isMine(call) ? t('board.you') : agentOf(call);
  }

  function callerText(call) {
    return call.caller ? formatNumber(call.caller) : t('board.unknownCaller');
  }

  function didText(call) {
    const known = ctx.numbers.get(digits(call.did));
    const number = known?.display ?? (call.did ? formatNumber(call.did) : '—');
    return `${countryName(call.country ?? known?.country)} · ${number}`;
  }

  // ---- actions -----------------------------------------------------------------------------------------

  async function take(callId, button) {
    const call = calls.get(callId)?.call;
    const caller = call ? callerText(call) : callId;
    if (!ctx.hub.isConnected()) {
      ctx.toast({ text: t('board.takeFailed', { error: t('board.notConnected') }), kind: 'error' });
      return;
    }
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    button.textContent = t('board.taking');
    try {
      await ctx.hub.invoke('TakeCall', callId);
      ctx.toast({ text: t('board.takeSent', { caller }), kind: 'success' });
    } catch (error) {
      ctx.toast({ text: t('board.takeFailed', { error: ctx.hubError(error) }), kind: 'error', testid: 'take-error' });
    } finally {
      if (button.isConnected) {
        button.removeAttribute('aria-disabled');
        button.textContent = t('board.take');
      }
    }
  }

  function select(callId) {
    ctx.navigate(`#/calls/${encodeURIComponent(callId)}`);
  }

  // ---- screen pop --------------------------------------------------------------------------------------

  const view = $('#view-call');

  /** Shows the screen pop for a call (route #/calls/<id>). */
  function show(callId) {
    selectedId = callId;
    for (const row of list.children) {
      const on = row.dataset.callId === callId;
      row.classList.toggle('selected', on);
      row.querySelector('[data-testid="call-select"]')?.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    renderPop();
  }

  function hide() {
    selectedId = null;
    for (const row of list.children) {
      row.classList.remove('selected');
      row.querySelector('[data-testid="call-select"]')?.setAttribute('aria-pressed', 'false');
    }
  }

  function renderPop() {
    const call = calls.get(selectedId)?.call ?? lastKnown.get(selectedId);
    if (!call) {
      replace(view, h('h2', { id: 'pop-title', class: 'view-title', tabindex: '-1' }, t('board.title')), h('p', { class: 'muted' }, t('pop.none')));
      return;
    }

    if (pop.callId !== call.callId) pop = { callId: call.callId, caseNumber: null, caller: null, case: null, history: null, conversations: null };
    if (call.caseNumber && pop.caseNumber !== call.caseNumber) {
      pop.caseNumber = call.caseNumber;
      pop.case = 'loading';
      loadPopCase(call.callId, call.caseNumber);
    }
    const callerDigits = digits(call.caller);
    if (callerDigits && pop.caller !== callerDigits) {
      pop.caller = callerDigits;
      pop.history = 'loading';
      pop.conversations = 'loading';
      loadPopHistory(call.callId, callerDigits);
      loadPopConversations(call.callId, callerDigits, call.caller);
    }

    const caller = callerText(call);
    const live = calls.has(call.callId) && call.state !== 'ended';
    const titleHadFocus = document.activeElement?.id === 'pop-title';
    replace(view,
      h('div', { class: 'pop-head' },
        h('h2', { id: 'pop-title', class: 'view-title', tabindex: '-1', dataset: { testid: 'pop-title' } }, t('pop.title', { caller })),
        h('span', { class: `badge state state-${call.state}`, dataset: { testid: 'pop-state' } }, label('call.state.', call.state)),
        canTake(call) && live
          ? h('button', { type: 'button', class: 'btn btn-primary', dataset: { testid: 'pop-take' }, onclick: (e) => take(call.callId, e.currentTarget) }, t('board.take'))
          : null),
      live ? null : h('p', { class: 'notice' }, t('pop.gone')),
      h('dl', { class: 'facts', dataset: { testid: 'pop-facts' } },
        fact(t('case.field.callerNumber'), h('span', { dataset: { testid: 'pop-caller' } }, caller)),
        fact(t('pop.did'), h('span', { dataset: { testid: 'pop-did' } }, didText(call))),
        agentOf(call)
          ? fact(t('pop.agent'), h('span', { dataset: { testid: 'pop-agent' } }, agentText(call)))
          : fact(t('pop.step'), h('span', { dataset: { testid: 'pop-step' } }, call.step ? stepText(call.step) : '—')),
        fact(t('pop.since'), formatDateTime(call.at))),
      h('section', { class: 'panel', 'aria-labelledby': 'pop-case-title' },
        h('h3', { id: 'pop-case-title' }, t('pop.case')),
        h('div', { dataset: { testid: 'pop-case' } }, popCaseContent())),
      h('section', { class: 'panel', 'aria-labelledby': 'pop-history-title' },
        h('h3', { id: 'pop-history-title' }, t('pop.history')),
        h('div', { dataset: { testid: 'pop-history' } }, popHistoryContent())),
      h('section', { class: 'panel', 'aria-labelledby': 'pop-conversations-title' },
        h('h3', { id: 'pop-conversations-title' }, t('pop.conversations')),
        h('div', { dataset: { testid: 'caller-conversations' } }, popConversationsContent())));
    if (titleHadFocus) $('#pop-title')?.focus();
  }

  function popCaseContent() {
    if (!pop.caseNumber) return h('p', { class: 'muted' }, t('pop.noCase'));
    if (pop.case === 'loading') return h('p', { class: 'muted' }, t('pop.loading'));
    if (pop.case instanceof Error) return h('p', { class: 'form-error', role: 'alert' }, pop.case.message);
    return caseSummaryCard(pop.case);
  }

  function popHistoryContent() {
    if (!pop.caller) return h('p', { class: 'muted' }, t('pop.noHistory'));
    if (pop.history === 'loading') return h('p', { class: 'muted' }, t('pop.loading'));
    if (pop.history instanceof Error) return h('p', { class: 'form-error', role: 'alert' }, pop.history.message);
    if (!pop.history.length) return h('p', { class: 'muted' }, t('pop.noHistory'));
    return h('table', { class: 'table compact' },
      h('caption', { class: 'sr-only' }, t('pop.history')),
      h('thead', {}, h('tr', {},
        ['cases.col.number', 'cases.col.kind', 'cases.col.severity', 'cases.col.status', 'cases.col.created'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, pop.history.slice(0, 15).map((c) => h('tr', {
        dataset: { testid: 'pop-history-row', caseNumber: String(c.number) },
        class: c.number === pop.caseNumber ? 'current' : null,
      },
      h('td', {}, h('a', { href: `#/cases/${c.number}` }, String(c.number))),
      h('td', {}, label('kind.', c.kind)),
      h('td', {}, severityBadge(c.severity)),
      h('td', {}, statusBadge(c.status)),
      h('td', {}, formatDateTime(c.createdAt))))));
  }

  /** The caller's web chats and WhatsApp conversations (one customer, one thread); a failure stays a muted line. */
  function popConversationsContent() {
    if (!pop.caller) return h('p', { class: 'muted small' }, t('pop.noConversations'));
    return threadList(pop.conversations, (c) => conversationItem(c, 'caller-conversation'), t('pop.noConversations'), 'caller-conversations');
  }

  async function loadPopConversations(callId, callerDigits, caller) {
    try {
      const found = await api.conversationsByPhone(caller);
      if (pop.callId === callId && pop.caller === callerDigits) pop.conversations = found;
    } catch (error) {
      if (pop.callId === callId && pop.caller === callerDigits) pop.conversations = error;
    }
    if (selectedId === callId) renderPop();
  }

  async function loadPopCase(callId, number) {
    try {
      const found = await api.case(number);
      if (pop.callId === callId && pop.caseNumber === number) pop.case = ctx.rememberCase(found);
    } catch (error) {
      if (pop.callId === callId && pop.caseNumber === number) pop.case = error;
    }
    if (selectedId === callId) renderPop();
  }

  async function loadPopHistory(callId, callerDigits) {
    try {
      const found = await api.cases({ caller: callerDigits });
      if (pop.callId === callId && pop.caller === callerDigits) pop.history = found;
    } catch (error) {
      if (pop.callId === callId && pop.caller === callerDigits) pop.history = error;
    }
    if (selectedId === callId) renderPop();
  }

  /** A case changed (hub): the screen pop shows it if it is the call's case or in the caller's history. */
  function caseChanged(c) {
    let changed = false;
    if (pop.caseNumber === c.number && pop.case && pop.case !== 'loading' && !(pop.case instanceof Error)) {
      pop.case = c;
      changed = true;
    }
    if (pop.caller && digits(c.callerNumber) === pop.caller && Array.isArray(pop.history)) {
      const i = pop.history.findIndex((x) => x.number === c.number);
      if (i >= 0) pop.history[i] = c; else pop.history.unshift(c);
      changed = true;
    }
    if (changed && selectedId) renderPop();
  }

  function relabel() {
    renderAll();
    updateCount();
    if (selectedId) renderPop();
  }

  return { apply, resync, tick, show, hide, caseChanged, relabel, clear: () => { calls.clear(); lastKnown.clear(); list.replaceChildren(); updateCount(); } };
}

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

export function stepText(step) {
  return label('step.', step);
}

/** Shows E.164 digits with a leading + (the board does not guess groupings). */
export function formatNumber(number) {
  const text = String(number).trim();
  if (/^\d{11,15}$/.test(text)) return `+${text}`;
  return text;
}
