// Web chat and WhatsApp conversations (#/chats, #/chats/<id>): the queue of waiting chats by level, the agent's
// active chats, and the conversation pane (customer, channel, topic, case, messages, reply, typing both ways, take,
// transfer, close, open case; WhatsApp's 24-hour window with its template picker).
// Hub (/hubs/agents): events chatUpdated, chatMessage, chatTyping (wired in console.js); methods takeChat, sendChat,
// chatTyping, transferChat, closeChat, sendChatTemplate, openCaseFromChat. HTTP: GET /api/conversations?status=,
// GET /api/conversations/{id}, GET /api/whatsapp/templates. Messages are shown as text only (h() makes text nodes).
// One customer, one thread: the pane's "customer history" lists the customer's cases (GET /api/cases?caller=) and
// other conversations (GET /api/conversations?phone=), loaded when a conversation opens.
import { api, request } from './api.js';
import { formatDateTime, formatTime, label, t } from './i18n.js';
import { $, clock, digits, h, replace } from './util.js';
import { severityBadge, statusBadge } from './cases.js';

const LEVELS = [1, 2, 3];
const TYPING_EVERY_MS = 3000;
const TYPING_SHOWN_MS = 6000;
const MAX_TEXT = 4096;

/** "level2" (the wire's enum) or 2 → 2. */
export function levelNumber(level) {
  if (typeof level === 'number') return level;
  const match = /(\d)/.exec(String(level ?? ''));
  return match ? Number(match[1]) : null;
}

function newId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Only http(s) links on this origin or another (an attachment's url); anything else is not a link. */
function safeUrl(value) {
  if (!value) return null;
  try {
    const url = new URL(String(value), location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function sizeText(bytes) {
  const n = Number(bytes) || 0;
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

const HISTORY_MAX = 10;

/** One conversation of a customer's thread (channel, status, last activity, topic), linking to the chat pane. */
export function conversationItem(c, testid) {
  const at = c.lastMessageAt ?? c.createdAt;
  return h('li', { class: 'thread-item', dataset: { testid, chatId: c.id, channel: c.channel ?? '', status: c.status ?? '' } },
    h('span', { class: `badge channel-${c.channel}` }, label('channel.', c.channel)),
    h('a', { href: `#/chats/${encodeURIComponent(c.id)}`, class: 'thread-topic', dataset: { testid: `${testid}-link` } }, c.topic || t('history.noTopic')),
    h('span', { class: `badge chat-status chat-status-${c.status}` }, label('chats.status.', c.status)),
    h('time', { class: 'thread-time muted', datetime: at ?? '' }, formatDateTime(at)));
}

/**
 * A list for one part of a customer's thread: loading, "could not load" (muted, never an alert), empty, or at most
 * HISTORY_MAX items and how many more there are. `state` is 'loading', an Error or an array.
 */
export function threadList(state, item, emptyText, testid) {
  if (state === 'loading' || state === null || state === undefined) return h('p', { class: 'muted small' }, t('pop.loading'));
  if (state instanceof Error || !Array.isArray(state)) {
    return h('p', { class: 'muted small', dataset: { testid: `${testid}-error` } }, t('history.failed'));
  }
  if (!state.length) return h('p', { class: 'muted small', dataset: { testid: `${testid}-empty` } }, emptyText);
  return [
    h('ul', { class: 'thread-list' }, state.slice(0, HISTORY_MAX).map(item)),
    state.length > HISTORY_MAX ? h('p', { class: 'muted small' }, t('history.more', { count: state.length - HISTORY_MAX })) : null,
  ];
}

export function createChats(ctx) {
  /** id → the latest summary (chatUpdated or a row of GET /api/conversations). */
  const chats = new Map();
  /** id → { messages: Map(seq → message), pending: Map(clientMessageId → { text, error }), loaded, loading } */
  const threads = new Map();
  /** id → customer messages not seen yet (my chats only). */
  const unread = new Map();
  let openId = null;
  let visible = false;
  let templates = null;
  let templatesLoading = false;
  let customerTypingTimer = null;
  let lastTypingSent = 0;
  let focusReplyOnShow = false;
  /** The open conversation's customer history: key (chat|phone|case), phone, cases and convs ('loading'|Error|array). */
  let hist = { key: null, phone: null, chatId: null, cases: null, convs: null, paintedIn: null };

  const view = $('#view-chats');
  const badge = $('#nav-chats-badge');

  // ---- skeleton (built once; relabel() rebuilds it) ---------------------------------------------------------

  let el = {};

  function build() {
    const draft = el.reply?.value ?? '';
    el = {};
    el.title = h('h2', { id: 'chats-title', class: 'view-title', tabindex: '-1' }, t('chats.title'));
    el.count = h('span', { id: 'chats-count', class: 'muted', dataset: { testid: 'chats-count' } });
    el.queue = h('div', { id: 'chats-queue', class: 'chats-queue', dataset: { testid: 'chat-queue' } });
    el.mine = h('ul', { id: 'chats-mine', class: 'chat-list', dataset: { testid: 'chat-mine' }, 'aria-labelledby': 'chats-mine-title' });
    el.paneTop = h('div', { class: 'chat-pane-top', dataset: { testid: 'chat-pane-top' } });
    const historyOpen = el.history ? el.history.open : true;
    el.historyBody = h('div', { class: 'chat-history-body' });
    el.history = h('details', { class: 'chat-history', open: historyOpen, hidden: true, dataset: { testid: 'customer-history' } },
      h('summary', {}, t('history.title')),
      el.historyBody);
    el.list = h('ol', { class: 'chat-messages', dataset: { testid: 'chat-messages' } });
    el.log = h('div', {
      id: 'chat-log', class: 'chat-log', role: 'log', 'aria-live': 'polite', 'aria-label': t('chats.conversation'),
      tabindex: '0', dataset: { testid: 'chat-log' },
    }, el.list);
    el.typing = h('p', { id: 'chat-typing', class: 'chat-typing muted', 'aria-live': 'polite', dataset: { testid: 'chat-typing' } });
    el.window = h('div', { class: 'chat-window', dataset: { testid: 'chat-window' } });
    el.reply = h('textarea', {
      id: 'chat-reply', rows: '2', maxlength: String(MAX_TEXT), 'aria-describedby': 'chat-reply-hint chat-reply-note',
      dataset: { testid: 'chat-reply' },
    });
    el.reply.value = draft;
    el.send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'chat-send', dataset: { testid: 'chat-send' } }, t('chats.send'));
    el.note = h('p', { id: 'chat-reply-note', class: 'muted small', dataset: { testid: 'chat-reply-note' } });
    el.error = h('p', { id: 'chat-error', class: 'form-error', role: 'alert', dataset: { testid: 'chat-error' } });
    el.compose = h('form', { class: 'chat-compose', dataset: { testid: 'chat-compose' }, onsubmit: onSubmit, novalidate: true },
      h('div', { class: 'field chat-reply-field' },
        h('label', { for: 'chat-reply' }, t('chats.reply')),
        el.reply,
        h('span', { id: 'chat-reply-hint', class: 'sr-only' }, t('chats.replyHint'))),
      el.send);
    el.pane = h('section', { id: 'chat-pane', class: 'chat-pane panel', 'aria-labelledby': 'chat-pane-title', dataset: { testid: 'chat-pane' } },
      el.paneTop, el.history, el.log, el.typing, el.window, el.compose, el.note, el.error);

    el.reply.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        el.compose.requestSubmit();
      }
    });
    el.reply.addEventListener('input', sendTyping);

    replace(view,
      h('div', { class: 'view-head' }, el.title, el.count),
      h('div', { class: 'chats-layout' },
        h('div', { class: 'chats-lists' },
          h('section', { class: 'panel', 'aria-labelledby': 'chats-queue-title' },
            h('h3', { id: 'chats-queue-title' }, t('chats.queue')),
            el.queue),
          h('section', { class: 'panel', 'aria-labelledby': 'chats-mine-title' },
            h('h3', { id: 'chats-mine-title' }, t('chats.mine')),
            el.mine)),
        el.pane));
    renderLists();
    renderPane(true);
  }

  // ---- data ------------------------------------------------------------------------------------------------

  const me = () => (ctx.me()?.email ?? '').toLowerCase();
  const isMine = (c) => !!c?.assignee && c.assignee.toLowerCase() === me();
  const nameOf = (c) => c?.customerName || c?.customerEmail || c?.customerPhone || t('chats.anonymous');
  const channelText = (c) => label('channel.', c?.channel);

  function thread(id) {
    let th = threads.get(id);
    if (!th) {
      th = { messages: new Map(), pending: new Map(), loaded: false, loading: false };
      threads.set(id, th);
    }
    return th;
  }

  /** A chatUpdated (or a row of the list): the summary is complete, so it replaces what was known. */
  function apply(summary, { quiet = false } = {}) {
    if (!summary?.id) return;
    const before = chats.get(summary.id);
    chats.set(summary.id, summary);
    if (!quiet) announceChange(before, summary);
    if (summary.status === 'closed') unread.delete(summary.id);
    historyFollows(summary);
    renderLists();
    if (openId === summary.id) renderPane();
  }

  function announceChange(before, now) {
    const name = nameOf(now);
    const level = t('level', { level: levelNumber(now.level) ?? '?' });
    if (now.status === 'waiting' && (before?.status !== 'waiting' || levelNumber(before?.level) !== levelNumber(now.level))) {
      ctx.announce(t('chats.new', { name, level }));
      ctx.toast({ text: t('chats.new', { name, level }), kind: 'info', testid: 'chat-toast' });
    } else if (now.status === 'active' && before?.status !== 'active' && isMine(now)) {
      ctx.announce(t('chats.taken', { name }));
    } else if (now.status === 'closed' && before && before.status !== 'closed' && (isMine(before) || openId === now.id)) {
      ctx.announce(t('chats.closedBy', { name }));
    }
  }

  /** A chatMessage: kept when the conversation is loaded; counted as unread in my chats otherwise. */
  function message(m) {
    if (!m?.conversationId || typeof m.seq !== 'number') return;
    const th = threads.get(m.conversationId);
    if (th?.loaded || th?.loading) addMessage(m.conversationId, m);
    const c = chats.get(m.conversationId);
    if (c) c.lastMessageAt = m.at ?? c.lastMessageAt;
    if (m.author === 'customer') {
      if (openId === m.conversationId) hideCustomerTyping();
      const watching = visible && openId === m.conversationId;
      if (c && isMine(c) && !watching) {
        unread.set(m.conversationId, (unread.get(m.conversationId) ?? 0) + 1);
        ctx.announce(t('chats.newMessage', { name: nameOf(c) }));
        ctx.toast({ text: t('chats.newMessage', { name: nameOf(c) }), kind: 'info', testid: 'chat-message-toast' });
      }
    }
    renderLists();
  }

  function addMessage(id, m) {
    const th = thread(id);
    const known = th.messages.get(m.seq);
    if (m.clientMessageId) th.pending.delete(m.clientMessageId);
    th.messages.set(m.seq, known ? { ...known, ...m } : m);
    if (openId === id) renderMessage(th.messages.get(m.seq));
  }

  /** chatTyping from the customer: shown under the conversation for a few seconds. */
  function typing(event) {
    if (!event || event.author === 'agent' || event.conversationId !== openId) return;
    el.typing.textContent = t('chats.customerTyping');
    clearTimeout(customerTypingTimer);
    customerTypingTimer = setTimeout(hideCustomerTyping, TYPING_SHOWN_MS);
  }

  function hideCustomerTyping() {
    clearTimeout(customerTypingTimer);
    if (el.typing) el.typing.textContent = '';
  }

  /**
   * After every (re)connect: the waiting and active conversations again (those gone from both have closed), and the
   * open conversation's messages. Never throws: the calls board must not suffer from the chats.
   */
  async function resync() {
    try {
      const [waiting, active] = await Promise.all([
        request('GET', '/api/conversations?status=waiting'),
        request('GET', '/api/conversations?status=active'),
      ]);
      const live = new Set([...(waiting ?? []), ...(active ?? [])].map((c) => c.id));
      for (const [id, c] of chats) {
        if (c.status !== 'closed' && !live.has(id)) chats.set(id, { ...c, status: 'closed' });
      }
      for (const c of [...(waiting ?? []), ...(active ?? [])]) apply(c, { quiet: true });
    } catch {
      // The server pushes chatUpdated for every open conversation on connect anyway.
    }
    if (openId) {
      const th = thread(openId);
      th.loaded = false;
      hist.key = null; // and the customer's history, which may have moved while disconnected
      await load(openId);
    }
    renderLists();
    if (openId) renderPane();
  }

  async function load(id) {
    const th = thread(id);
    if (th.loading) return;
    th.loading = true;
    if (openId === id) renderPane();
    try {
      const answer = await request('GET', `/api/conversations/${encodeURIComponent(id)}`);
      const summary = answer?.summary ?? answer;
      if (summary?.id) chats.set(summary.id, { ...summary, messages: undefined });
      for (const m of answer?.messages ?? summary?.messages ?? []) addMessage(id, m);
      th.loaded = true;
      th.error = null;
    } catch (error) {
      th.error = error.status === 404 ? t('chats.notFound') : error.message;
    } finally {
      th.loading = false;
    }
    if (openId === id) renderPane(true);
    renderLists();
  }

  // ---- lists -------------------------------------------------------------------------------------------------

  function waitingSeconds(c) {
    const since = Date.parse(c.waitingSince ?? c.lastMessageAt ?? '');
    return Number.isNaN(since) ? 0 : Math.max(0, (Date.now() - since) / 1000);
  }

  function renderLists() {
    const all = [...chats.values()];
    const waiting = all.filter((c) => c.status === 'waiting')
      .sort((a, b) => Date.parse(a.waitingSince ?? 0) - Date.parse(b.waitingSince ?? 0));
    if (badge) {
      badge.hidden = waiting.length === 0;
      badge.textContent = String(waiting.length);
      badge.title = t('chats.waitingCount', { count: waiting.length });
    }
    if (!el.queue) return;
    const mine = all.filter((c) => c.status === 'active' && isMine(c))
      .sort((a, b) => Date.parse(b.lastMessageAt ?? 0) - Date.parse(a.lastMessageAt ?? 0));

    const focused = view.contains(document.activeElement) && document.activeElement.closest('.chats-lists') ? document.activeElement : null;
    const focusKey = focused ? `${focused.closest('li')?.dataset.chatId}|${focused.dataset.testid}` : null;

    const myLevel = levelNumber(ctx.me()?.role);
    const levels = [...new Set([...LEVELS, ...waiting.map((c) => levelNumber(c.level)).filter(Boolean)])].sort();
    replace(el.queue, waiting.length === 0
      ? h('p', { class: 'muted', dataset: { testid: 'chat-queue-empty' } }, t('chats.queueEmpty'))
      : levels.map((level) => {
        const rows = waiting.filter((c) => levelNumber(c.level) === level);
        if (rows.length === 0) return null;
        const headId = `chats-queue-level-${level}`;
        return h('div', { class: `chat-level${level === myLevel ? ' chat-level-mine' : ''}`, dataset: { level: String(level) } },
          h('h4', { id: headId }, t('level', { level }), level === myLevel ? h('span', { class: 'muted' }, ` · ${t('chats.myLevel')}`) : null,
            h('span', { class: 'muted' }, ` (${rows.length})`)),
          h('ul', { class: 'chat-list', 'aria-labelledby': headId }, rows.map(queueRow)));
      }));
    replace(el.mine, mine.length === 0
      ? h('li', { class: 'muted chat-empty', dataset: { testid: 'chat-mine-empty' } }, t('chats.mineEmpty'))
      : mine.map(mineRow));

    el.count.textContent = t('chats.count', { waiting: waiting.length, mine: mine.length });
    if (focusKey) {
      const [chatId, testid] = focusKey.split('|');
      const row = view.querySelector(`.chats-lists li[data-chat-id="${CSS.escape(chatId)}"]`);
      (row?.querySelector(`[data-testid="${testid}"]`) ?? row?.querySelector('button'))?.focus();
    }
  }

  function openButton(c, testid, extra) {
    return h('button', {
      type: 'button',
      class: 'linklike chat-open',
      dataset: { testid },
      'aria-label': t('chats.openLabel', { name: nameOf(c), channel: channelText(c) }),
      'aria-current': openId === c.id ? 'true' : null,
      onclick: () => ctx.navigate(`#/chats/${encodeURIComponent(c.id)}`),
    }, h('span', { class: 'chat-name' }, nameOf(c)), extra);
  }

  function queueRow(c) {
    return h('li', { class: `chat-item${openId === c.id ? ' selected' : ''}`, dataset: { testid: 'chat-waiting', chatId: c.id, channel: c.channel ?? '' } },
      h('div', { class: 'chat-item-line' },
        h('span', { class: `badge channel-${c.channel}` }, channelText(c)),
        openButton(c, 'chat-waiting-open'),
        h('span', { class: 'chat-timer', dataset: { testid: 'chat-wait', since: c.waitingSince ?? '' } }, t('chats.waiting', { time: clock(waitingSeconds(c)) }))),
      c.topic ? h('p', { class: 'chat-topic muted small' }, c.topic) : null,
      h('button', {
        type: 'button',
        class: 'btn btn-primary btn-small chat-take',
        dataset: { testid: 'chat-take' },
        'aria-label': t('chats.takeLabel', { name: nameOf(c) }),
        onclick: (event) => take(c.id, event.currentTarget),
      }, t('chats.take')));
  }

  function mineRow(c) {
    const count = unread.get(c.id) ?? 0;
    return h('li', { class: `chat-item${openId === c.id ? ' selected' : ''}`, dataset: { testid: 'chat-active', chatId: c.id, channel: c.channel ?? '' } },
      h('div', { class: 'chat-item-line' },
        h('span', { class: `badge channel-${c.channel}` }, channelText(c)),
        openButton(c, 'chat-active-open', count ? h('span', { class: 'count-badge', dataset: { testid: 'chat-unread' } }, String(count), h('span', { class: 'sr-only' }, ` ${t('chats.unread', { count })}`)) : null),
        h('span', { class: 'chat-timer muted' }, sameDay(c.lastMessageAt) ? formatTime(c.lastMessageAt) : formatDateTime(c.lastMessageAt))),
      c.channel === 'whatsapp' && c.windowOpen === false ? h('p', { class: 'small chat-window-flag' }, t('chats.windowClosedShort')) : null);
  }

  /** Every second: the waiting times count up. */
  function tick() {
    if (!el.queue || view.hidden) return;
    for (const timer of el.queue.querySelectorAll('[data-testid="chat-wait"]')) {
      const since = Date.parse(timer.dataset.since);
      if (!Number.isNaN(since)) timer.textContent = t('chats.waiting', { time: clock(Math.max(0, (Date.now() - since) / 1000)) });
    }
  }

  // ---- conversation pane -----------------------------------------------------------------------------------

  let paneFor = null;

  /** The top of the pane (who, facts, actions) and the reply's state; the messages are redrawn when the chat changes. */
  function renderPane(full = false) {
    if (!el.pane) return;
    const c = openId ? chats.get(openId) : null;
    const th = openId ? thread(openId) : null;
    const kept = paneFor === openId
      ? { level: el.paneTop.querySelector('#chat-transfer-level')?.value, template: el.window.querySelector('#chat-template')?.value }
      : {};
    if (paneFor !== openId || full) {
      paneFor = openId;
      el.list.replaceChildren();
      hideCustomerTyping();
      el.error.textContent = '';
      if (th) {
        for (const m of [...th.messages.values()].sort((a, b) => a.seq - b.seq)) el.list.append(messageItem(m));
        for (const [cid, p] of th.pending) el.list.append(pendingItem(cid, p));
        el.log.scrollTop = el.log.scrollHeight;
      }
    }
    el.pane.dataset.chatId = openId ?? '';

    const focused = el.paneTop.contains(document.activeElement) ? document.activeElement.dataset.testid : null;
    if (!openId) {
      replace(el.paneTop, h('h3', { id: 'chat-pane-title' }, t('chats.title')), h('p', { class: 'muted' }, t('chats.none')));
      el.history.hidden = true;
      setCompose(false, '');
      el.window.replaceChildren();
      el.log.hidden = true;
      return;
    }
    el.log.hidden = false;
    if (!c) {
      replace(el.paneTop, h('h3', { id: 'chat-pane-title' }, t('chats.title')),
        h('p', { class: th?.error ? 'form-error' : 'muted' }, th?.error ?? t('chats.loading')));
      el.history.hidden = true;
      setCompose(false, '');
      el.window.replaceChildren();
      return;
    }

    const mine = isMine(c);
    const active = c.status === 'active';
    const open = c.status !== 'closed';
    const level = levelNumber(c.level);
    const windowClosed = c.channel === 'whatsapp' && c.windowOpen === false;

    replace(el.paneTop,
      h('div', { class: 'chat-pane-head' },
        h('h3', { id: 'chat-pane-title', tabindex: '-1', dataset: { testid: 'chat-pane-title' } }, t('chats.paneTitle', { name: nameOf(c) })),
        h('span', { class: `badge channel-${c.channel}`, dataset: { testid: 'chat-channel' } }, channelText(c)),
        h('span', { class: `badge chat-status chat-status-${c.status}`, dataset: { testid: 'chat-status', status: c.status } }, label('chats.status.', c.status)),
        level ? h('span', { class: 'badge level', dataset: { testid: 'chat-level' } }, t('level', { level })) : null),
      h('dl', { class: 'facts two chat-facts', dataset: { testid: 'chat-facts' } },
        fact(t('chats.field.name'), c.customerName || '—', 'chat-customer-name'),
        fact(t('chats.field.topic'), c.topic || '—', 'chat-topic'),
        fact(t('chats.field.email'), c.customerEmail ? h('a', { href: `mailto:${c.customerEmail}` }, c.customerEmail) : '—', 'chat-customer-email'),
        fact(t('chats.field.phone'), c.customerPhone || '—', 'chat-customer-phone'),
        fact(t('chats.field.assignee'), c.assignee ? (mine ? t('chats.you') : c.assignee) : t('chats.unassigned'), 'chat-assignee'),
        fact(t('chats.field.case'), c.caseNumber
          ? h('a', { href: `#/cases/${c.caseNumber}`, dataset: { testid: 'chat-case-link', caseNumber: String(c.caseNumber) } }, t('chats.caseLink', { number: c.caseNumber }))
          : t('chats.noCase'), 'chat-case')),
      open ? actions(c, mine) : null);
    const levelSelect = el.paneTop.querySelector('#chat-transfer-level');
    if (levelSelect && kept.level) levelSelect.value = kept.level;
    if (focused) el.paneTop.querySelector(`[data-testid="${focused}"]`)?.focus();
    syncHistory(c);

    // WhatsApp's customer-service window: after 24 h without a customer message only an approved template may go out.
    if (windowClosed && open && (mine || !active)) {
      if (templates === null) loadTemplates();
      el.window.replaceChildren(windowNotice(c, mine && active));
      const templateSelect = el.window.querySelector('#chat-template');
      if (templateSelect && kept.template && templates?.includes(kept.template)) templateSelect.value = kept.template;
    } else if (c.channel === 'whatsapp' && c.windowClosesAt && open) {
      replace(el.window, h('p', { class: 'muted small', dataset: { testid: 'chat-window-open' } }, t('chats.windowClosesAt', { at: formatDateTime(c.windowClosesAt) })));
    } else {
      el.window.replaceChildren();
    }

    const canWrite = active && mine && !windowClosed;
    const why = !open ? t('chats.readOnlyClosed')
      : c.status === 'waiting' ? t('chats.readOnlyWaiting')
        : !mine ? t('chats.readOnlyOther', { agent: c.assignee ?? '—' })
          : windowClosed ? t('chats.windowClosedShort') : '';
    setCompose(canWrite, why);
  }

  // ---- customer history (one customer, one thread) -----------------------------------------------------------

  /** Loads the history when the open conversation (or its phone, or its case) changes; else only repaints if rebuilt. */
  function syncHistory(c) {
    el.history.hidden = false;
    const key = `${c.id}|${c.customerPhone ?? ''}|${c.caseNumber ?? ''}`;
    if (hist.key !== key) {
      const phone = c.customerPhone || null;
      hist = { key, phone, chatId: c.id, cases: phone ? 'loading' : null, convs: phone ? 'loading' : null, paintedIn: null };
      if (phone) loadHistory(key, phone);
    }
    if (hist.paintedIn !== el.historyBody) paintHistory();
  }

  function loadHistory(key, phone) {
    const settle = (part) => (answer) => {
      if (hist.key !== key) return;
      hist[part] = answer;
      paintHistory();
    };
    // Each part on its own: one failing leaves the other (and the rest of the pane) alone.
    api.cases({ caller: phone }).then(settle('cases'), settle('cases'));
    api.conversationsByPhone(phone).then(settle('convs'), settle('convs'));
  }

  function paintHistory() {
    if (!el.historyBody) return;
    hist.paintedIn = el.historyBody;
    const focused = el.historyBody.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused?.closest('li')
      ? `${focused.closest('li').dataset.testid}|${focused.closest('li').dataset.caseNumber ?? focused.closest('li').dataset.chatId}`
      : null;
    if (!hist.phone) {
      replace(el.historyBody, h('p', { class: 'muted small', dataset: { testid: 'customer-history-no-phone' } }, t('history.noPhone')));
      return;
    }
    const current = chats.get(hist.chatId)?.caseNumber;
    const others = Array.isArray(hist.convs) ? hist.convs.filter((x) => x?.id && x.id !== hist.chatId) : hist.convs;
    replace(el.historyBody,
      h('h4', {}, t('history.cases')),
      threadList(hist.cases, (x) => caseItem(x, current), t('history.noCases'), 'customer-history-cases'),
      h('h4', {}, t('history.chats')),
      threadList(others, (x) => conversationItem(x, 'customer-history-chat'), t('history.noChats'), 'customer-history-chats'));
    if (focusKey) {
      const [testid, id] = focusKey.split('|');
      const li = [...el.historyBody.querySelectorAll(`li[data-testid="${testid}"]`)].find((x) => (x.dataset.caseNumber ?? x.dataset.chatId) === id);
      li?.querySelector('a')?.focus();
    }
  }

  function caseItem(x, current) {
    return h('li', { class: `thread-item${x.number === current ? ' current' : ''}`, dataset: { testid: 'customer-history-case', caseNumber: String(x.number) } },
      h('a', { href: `#/cases/${x.number}`, dataset: { testid: 'customer-history-case-link' } }, t('chats.caseLink', { number: x.number })),
      h('span', { class: 'badge kind' }, label('kind.', x.kind)),
      severityBadge(x.severity),
      statusBadge(x.status),
      x.subject ? h('span', { class: 'thread-topic' }, x.subject) : null,
      h('time', { class: 'thread-time muted', datetime: x.createdAt ?? '' }, formatDateTime(x.createdAt)));
  }

  /** A chatUpdated of another conversation of the open customer: its line in the history follows. */
  function historyFollows(summary) {
    if (!hist.phone || !Array.isArray(hist.convs) || summary.id === hist.chatId) return;
    if (!summary.customerPhone || digits(summary.customerPhone) !== digits(hist.phone)) return;
    const i = hist.convs.findIndex((x) => x.id === summary.id);
    if (i >= 0) hist.convs[i] = summary; else hist.convs.unshift(summary);
    hist.convs.sort((a, b) => Date.parse(b.lastMessageAt ?? b.createdAt ?? 0) - Date.parse(a.lastMessageAt ?? a.createdAt ?? 0));
    paintHistory();
  }

  function setCompose(enabled, why) {
    el.reply.disabled = !enabled;
    el.send.disabled = !enabled;
    el.note.textContent = why;
  }

  function fact(term, value, testid) {
    return [h('dt', {}, term), h('dd', { dataset: { testid } }, value)];
  }

  function actions(c, mine) {
    const levelSelect = h('select', { id: 'chat-transfer-level', dataset: { testid: 'chat-transfer-level' } },
      LEVELS.map((n) => h('option', { value: String(n), selected: n === (levelNumber(c.level) ?? 1) % 3 + 1 }, t('level', { level: n }))));
    const canManage = c.status === 'waiting' || mine || ctx.me()?.role === 'admin';
    return h('div', { class: 'chat-actions', role: 'group', 'aria-label': t('chats.actions') },
      c.status === 'waiting'
        ? h('button', { type: 'button', class: 'btn btn-primary', dataset: { testid: 'chat-pane-take' }, onclick: (e) => take(c.id, e.currentTarget) }, t('chats.take'))
        : null,
      canManage
        ? h('span', { class: 'inline-form chat-transfer' },
          h('label', { for: 'chat-transfer-level', class: 'small' }, t('chats.transferTo')),
          levelSelect,
          h('button', { type: 'button', class: 'btn', dataset: { testid: 'chat-transfer' }, onclick: (e) => act(e.currentTarget, 'transferChat', [c.id, `level${levelSelect.value}`], () => t('chats.transferred', { level: levelSelect.value })) }, t('chats.transfer')))
        : null,
      c.caseNumber
        ? null
        : h('button', { type: 'button', class: 'btn', dataset: { testid: 'chat-open-case' }, onclick: (e) => openCase(c.id, e.currentTarget) }, t('chats.openCase')),
      canManage
        ? h('button', { type: 'button', class: 'btn chat-close', dataset: { testid: 'chat-close' }, onclick: (e) => act(e.currentTarget, 'closeChat', [c.id], () => t('chats.closed')) }, t('chats.close'))
        : null);
  }

  function windowNotice(c, canSend) {
    const select = h('select', { id: 'chat-template', dataset: { testid: 'chat-template' }, disabled: !canSend || !templates?.length },
      (templates ?? []).map((name) => h('option', { value: name }, name)));
    return h('div', { class: 'chat-window-closed', role: 'note', dataset: { testid: 'chat-window-closed' } },
      h('p', { class: 'notice' }, t('chats.windowClosed')),
      canSend
        ? h('div', { class: 'inline-form' },
          h('label', { for: 'chat-template', class: 'small' }, t('chats.template')),
          select,
          h('button', {
            type: 'button',
            class: 'btn btn-primary',
            dataset: { testid: 'chat-template-send' },
            disabled: !templates?.length,
            onclick: (e) => act(e.currentTarget, 'sendChatTemplate', [c.id, select.value], () => t('chats.templateSent')),
          }, t('chats.templateSend')),
          templates && templates.length === 0 ? h('span', { class: 'muted small' }, t('chats.templatesNone')) : null,
          templates === null ? h('span', { class: 'muted small' }, t('chats.loading')) : null)
        : null);
  }

  async function loadTemplates() {
    if (templatesLoading) return;
    templatesLoading = true;
    try {
      const answer = await request('GET', '/api/whatsapp/templates');
      const list = Array.isArray(answer) ? answer : answer?.templates ?? [];
      templates = list.map((x) => (typeof x === 'string' ? x : x?.name)).filter(Boolean);
    } catch {
      templates = [];
    } finally {
      templatesLoading = false;
    }
    renderPane();
  }

  // ---- messages --------------------------------------------------------------------------------------------

  function authorText(m) {
    if (m.author === 'system') return t('chats.system');
    if (m.author === 'agent') return m.authorName || t('chats.agent');
    return m.authorName || nameOf(chats.get(m.conversationId)) || t('chats.customer');
  }

  function messageItem(m) {
    const author = ['agent', 'system'].includes(m.author) ? m.author : 'customer';
    const li = h('li', { class: `chat-msg chat-msg-${author}`, dataset: { testid: 'chat-message', seq: String(m.seq), author } });
    fillMessage(li, m);
    return li;
  }

  function fillMessage(li, m) {
    const a = m.attachment;
    const href = a ? safeUrl(a.url) : null;
    const attachmentText = a ? t('chats.attachment', { name: a.name ?? '?', type: a.type ?? '?', size: sizeText(a.size) }) : null;
    replace(li,
      h('span', { class: 'chat-meta' },
        h('span', { class: 'chat-author' }, authorText(m)), ' · ',
        h('time', { datetime: m.at ?? '' }, sameDay(m.at) ? formatTime(m.at) : formatDateTime(m.at)),
        m.delivery ? h('span', { class: `chat-delivery delivery-${m.delivery}`, dataset: { testid: 'chat-delivery', delivery: m.delivery } }, ` · ${label('chats.delivery.', m.delivery)}`) : null),
      m.text ? h('p', { class: 'chat-text' }, String(m.text)) : null,
      a ? h('p', { class: 'chat-attachment' }, href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, attachmentText) : attachmentText) : null,
      m.deliveryError ? h('p', { class: 'form-error small' }, m.deliveryError) : null);
  }

  function pendingItem(cid, p) {
    const li = h('li', { class: `chat-msg chat-msg-agent chat-msg-pending${p.error ? ' failed' : ''}`, dataset: { testid: 'chat-message', clientId: cid, author: 'agent' } },
      h('span', { class: 'chat-meta' }, h('span', { class: 'chat-author' }, ctx.me()?.name || t('chats.you'))),
      h('p', { class: 'chat-text' }, p.text),
      h('span', { class: 'chat-mark small' },
        p.error ? t('chats.notSent', { error: p.error }) : t('chats.sending'),
        p.error ? h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'chat-resend' }, onclick: () => deliver(openId, cid) }, t('chats.resend')) : null));
    return li;
  }

  /** Puts a message in its place by seq (pending ones stay last); a confirmed pending one replaces its draft. */
  function renderMessage(m) {
    if (!el.list) return;
    const stick = el.log.scrollHeight - el.log.scrollTop - el.log.clientHeight < 60;
    let li = el.list.querySelector(`li[data-seq="${m.seq}"]`);
    if (li) {
      fillMessage(li, m);
      return;
    }
    const draft = m.clientMessageId ? el.list.querySelector(`li[data-client-id="${CSS.escape(m.clientMessageId)}"]`) : null;
    if (draft) draft.remove();
    li = messageItem(m);
    const before = [...el.list.children].find((other) => other.dataset.seq === undefined || Number(other.dataset.seq) > m.seq) ?? null;
    el.list.insertBefore(li, before);
    if (stick || m.author !== 'customer') el.log.scrollTop = el.log.scrollHeight;
  }

  function renderPending(cid) {
    const p = thread(openId).pending.get(cid);
    const old = el.list.querySelector(`li[data-client-id="${CSS.escape(cid)}"]`);
    if (!p) {
      old?.remove();
      return;
    }
    const li = pendingItem(cid, p);
    if (old) old.replaceWith(li); else el.list.append(li);
    el.log.scrollTop = el.log.scrollHeight;
  }

  // ---- actions -----------------------------------------------------------------------------------------------

  function onSubmit(event) {
    event.preventDefault();
    const c = chats.get(openId);
    const value = el.reply.value.replace(/\s+$/, '');
    if (!c || el.reply.disabled) return;
    if (!value.trim()) {
      el.error.textContent = t('chats.needText');
      el.reply.focus();
      return;
    }
    el.error.textContent = '';
    const cid = newId();
    thread(openId).pending.set(cid, { text: value, error: null });
    el.reply.value = '';
    lastTypingSent = 0;
    renderPending(cid);
    deliver(openId, cid);
    el.reply.focus();
  }

  /** Sends a pending reply (again, after a failure: the same clientMessageId, so the server keeps one copy). */
  async function deliver(id, cid) {
    const th = thread(id);
    const p = th.pending.get(cid);
    if (!p) return;
    p.error = null;
    if (openId === id) renderPending(cid);
    try {
      const sent = await ctx.hub.invoke('sendChat', id, cid, p.text);
      th.pending.delete(cid);
      if (sent && typeof sent.seq === 'number') addMessage(id, { conversationId: id, ...sent });
      else if (openId === id) renderPending(cid);
    } catch (error) {
      if (!th.pending.has(cid)) return; // confirmed meanwhile by a chatMessage
      p.error = ctx.hubError(error);
      if (openId === id) renderPending(cid);
    }
  }

  function sendTyping() {
    const c = chats.get(openId);
    const now = Date.now();
    if (!c || !isMine(c) || c.status !== 'active' || now - lastTypingSent < TYPING_EVERY_MS || !ctx.hub.isConnected()) return;
    lastTypingSent = now;
    ctx.hub.invoke('chatTyping', c.id).catch(() => { /* only a hint */ });
  }

  async function take(id, button) {
    const c = chats.get(id);
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    const text = button.textContent;
    button.textContent = t('chats.taking');
    try {
      await ctx.hub.invoke('takeChat', id);
      if (c) {
        // The chatUpdated that follows confirms it; meanwhile the chat is shown as mine.
        apply({ ...c, status: 'active', assignee: ctx.me()?.email ?? c.assignee, waitingSince: null }, { quiet: true });
      }
      focusReplyOnShow = true;
      ctx.navigate(`#/chats/${encodeURIComponent(id)}`, { focus: false });
    } catch (error) {
      ctx.toast({ text: t('chats.failed', { error: ctx.hubError(error) }), kind: 'error', testid: 'chat-take-error' });
    } finally {
      if (button.isConnected) {
        button.removeAttribute('aria-disabled');
        button.textContent = text;
      }
    }
  }

  async function act(button, method, args, done) {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    el.error.textContent = '';
    try {
      await ctx.hub.invoke(method, ...args);
      ctx.toast({ text: done(), kind: 'success', testid: 'chat-done' });
    } catch (error) {
      el.error.textContent = t('chats.failed', { error: ctx.hubError(error) });
    } finally {
      if (button.isConnected) button.removeAttribute('aria-disabled');
    }
  }

  async function openCase(id, button) {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    el.error.textContent = '';
    try {
      const answer = await ctx.hub.invoke('openCaseFromChat', id);
      const number = typeof answer === 'number' ? answer : Number(answer?.caseNumber ?? answer);
      const c = chats.get(id);
      if (c && number) apply({ ...c, caseNumber: number }, { quiet: true });
      ctx.toast({ text: t('chats.caseOpened', { number }), kind: 'success', caseNumber: number || null, testid: 'chat-case-toast' });
    } catch (error) {
      el.error.textContent = t('chats.failed', { error: ctx.hubError(error) });
    } finally {
      if (button.isConnected) button.removeAttribute('aria-disabled');
    }
  }

  // ---- view ----------------------------------------------------------------------------------------------------

  /** #/chats (the lists) or #/chats/<id> (the lists and that conversation). */
  function show(id) {
    visible = true;
    view.hidden = false;
    if (!el.pane) build();
    const changed = openId !== (id || null);
    openId = id || null;
    if (openId) {
      unread.delete(openId);
      const th = thread(openId);
      if (!th.loaded && !th.loading) load(openId);
    }
    if (changed) {
      hist.key = null; // reopened: the customer's history is fetched again
      el.reply.value = '';
      lastTypingSent = 0;
    }
    renderLists();
    renderPane(changed);
    if (focusReplyOnShow) {
      focusReplyOnShow = false;
      if (!el.reply.disabled) el.reply.focus();
    }
  }

  function hide() {
    visible = false;
    view.hidden = true;
  }

  function relabel() {
    if (el.pane) build();
  }

  function clear() {
    chats.clear();
    threads.clear();
    unread.clear();
    openId = null;
    paneFor = null;
    hist = { key: null, phone: null, chatId: null, cases: null, convs: null, paintedIn: null };
    templates = null;
    if (el.reply) el.reply.value = '';
    if (el.pane) build();
    if (badge) badge.hidden = true;
  }

  setInterval(tick, 1000);

  return { apply, message, typing, resync, show, hide, relabel, clear };
}

/** Whether a time is today here: older messages (a WhatsApp thread from yesterday) show their date too. */
function sameDay(iso) {
  const date = new Date(iso);
  return !Number.isNaN(date.getTime()) && date.toDateString() === new Date().toDateString();
}
