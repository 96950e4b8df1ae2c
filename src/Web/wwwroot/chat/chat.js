/*
 * CallMyWay web chat widget: <script src="/chat/chat.js" data-lang="es"></script>
 * Renders the chat panel where the tag is and talks to the script's own origin:
 *   GET /api/chat/availability → closed: the hours, the e-mail and a "leave a message" form (POST /api/chat/messages,
 *   answers with the case number); open: a pre-chat form (name, e-mail or phone, topic), then the chat over the
 *   SignalR hub /hubs/chat (start, resume, send, typing, leave; events chatMessage, chatTyping, chatStatus) and
 *   attachments through POST /api/chat/attachments.
 * The chat survives network drops and page reloads: the token, the last seq, the messages seen and the messages not
 * yet confirmed (the outbox, each with its clientMessageId) are kept in localStorage; after every (re)connect the
 * widget calls resume(token, lastSeq) and sends the outbox again (the server is idempotent on clientMessageId).
 * Messages are shown with textContent only. One chat widget per page (its ids are fixed, prefixed "cmw-chat-").
 * No dependencies but the SignalR browser client, loaded from /lib/signalr/signalr.min.js when window.signalR is absent.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var lang = (script.getAttribute("data-lang") || document.documentElement.lang || "es").slice(0, 2) === "en" ? "en" : "es";
  var base = script.src;
  function url(path) { return new URL(path, base).toString(); }

  var STORE = "cmw.chat.v1";
  var MAX_CACHED = 200;
  var TYPING_EVERY_MS = 3000;
  var TYPING_SHOWN_MS = 6000;
  var MAX_TEXT = 4096;
  var MAX_FILE = 5 * 1024 * 1024;
  var FILE_TYPES = ["image/png", "image/jpeg", "image/gif", "application/pdf", "text/plain"];
  var FILE_EXTENSIONS = /\.(png|jpe?g|gif|pdf|txt)$/i;

  var text = {
    es: {
      title: "Chat con soporte", loading: "Cargando…", unavailable: "No pudimos conectar con el chat.", retry: "Reintentar",
      closedTitle: "Estamos fuera de horario",
      closedHours: "Atendemos por chat de lunes a viernes de {weekdays} y sábados y domingos de {weekend} (hora {tz}).",
      nextOpen: "Volvemos a abrir el {when} (tu hora local).",
      emailBefore: "También puedes escribirnos a ", emailAfter: ".",
      leaveTitle: "Déjanos un mensaje", leaveIntro: "Lo registramos como un caso y te respondemos en cuanto abramos.",
      name: "Nombre", email: "Correo electrónico", phone: "Teléfono", topic: "Tema", message: "Mensaje",
      contactHint: "Escribe tu correo o tu teléfono (al menos uno).",
      leaveSubmit: "Enviar mensaje", leaveSending: "Enviando…",
      leaveDone: "Gracias. Registramos tu mensaje con el número de caso {number}. Te responderemos pronto.",
      preTitle: "Habla con un agente", preIntro: "Cuéntanos quién eres y en qué te ayudamos.",
      start: "Iniciar chat", starting: "Conectando…",
      needName: "Escribe tu nombre.", needContact: "Escribe tu correo o tu teléfono.", badEmail: "Revisa el correo electrónico.",
      needText: "Escribe tu mensaje.", tooLong: "El mensaje es demasiado largo (máximo {max} caracteres).",
      conversation: "Conversación", you: "Tú", agent: "Agente", send: "Enviar", sendHint: "Intro envía; Mayús+Intro cambia de línea.",
      typing: "{name} está escribiendo…", typingAnon: "El agente está escribiendo…",
      waiting: "Estás en la fila. Un agente te atenderá en breve.",
      joined: "{name} se unió al chat.", joinedAnon: "Un agente se unió al chat.",
      transferred: "Te transferimos a otro agente. Espera un momento, por favor.",
      closed: "El chat terminó. Gracias por escribirnos.",
      end: "Terminar chat", newChat: "Nuevo chat",
      attach: "Adjuntar archivo", uploading: "Subiendo {name}…", fileTooBig: "El archivo pesa más de 5 MB.",
      fileType: "Solo se aceptan imágenes PNG, JPEG o GIF, PDF y texto.", uploadFailed: "No pudimos subir el archivo.",
      sending: "Enviando…", notSent: "No enviado.", resend: "Reintentar",
      reconnecting: "Se perdió la conexión. Reconectando…", offline: "Sin conexión: tu mensaje se enviará al reconectar.",
      failed: "Algo salió mal. Intenta de nuevo.", tooMany: "Demasiadas solicitudes. Intenta de nuevo en un momento.",
      lost: "No pudimos recuperar este chat."
    },
    en: {
      title: "Chat with support", loading: "Loading…", unavailable: "We could not reach the chat.", retry: "Try again",
      closedTitle: "We are closed right now",
      closedHours: "Chat is open Monday to Friday {weekdays} and Saturday and Sunday {weekend} ({tz}).",
      nextOpen: "We open again on {when} (your local time).",
      emailBefore: "You can also write to ", emailAfter: ".",
      leaveTitle: "Leave us a message", leaveIntro: "We will record it as a case and answer as soon as we open.",
      name: "Name", email: "E-mail", phone: "Phone", topic: "Topic", message: "Message",
      contactHint: "Type your e-mail or your phone (at least one).",
      leaveSubmit: "Send message", leaveSending: "Sending…",
      leaveDone: "Thank you. Your message is recorded with case number {number}. We will answer soon.",
      preTitle: "Talk to an agent", preIntro: "Tell us who you are and how we can help.",
      start: "Start chat", starting: "Connecting…",
      needName: "Type your name.", needContact: "Type your e-mail or your phone.", badEmail: "Check the e-mail address.",
      needText: "Type your message.", tooLong: "The message is too long (at most {max} characters).",
      conversation: "Conversation", you: "You", agent: "Agent", send: "Send", sendHint: "Enter sends; Shift+Enter adds a line.",
      typing: "{name} is typing…", typingAnon: "Agent is typing…",
      waiting: "You are in the queue. An agent will be with you shortly.",
      joined: "{name} joined the chat.", joinedAnon: "An agent joined the chat.",
      transferred: "We transferred you to another agent. Please wait a moment.",
      closed: "The chat has ended. Thank you for writing to us.",
      end: "End chat", newChat: "New chat",
      attach: "Attach a file", uploading: "Uploading {name}…", fileTooBig: "The file is larger than 5 MB.",
      fileType: "Only PNG, JPEG or GIF images, PDF and text files are accepted.", uploadFailed: "We could not upload the file.",
      sending: "Sending…", notSent: "Not sent.", resend: "Retry",
      reconnecting: "Connection lost. Reconnecting…", offline: "Offline: your message will be sent when we reconnect.",
      failed: "Something went wrong. Please try again.", tooMany: "Too many requests. Please try again in a moment.",
      lost: "We could not recover this chat."
    }
  }[lang];

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key] === undefined || values[key] === null ? "" : String(values[key]); });
  }

  // ---- DOM helpers (text only: nothing typed by anyone is ever parsed as HTML) ------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) { node.setAttribute(k, attrs[k] === true ? "" : attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    });
    return node;
  }

  function field(id, label, input, hintId) {
    if (hintId) { input.setAttribute("aria-describedby", hintId); }
    return el("div", { "class": "cmw-chat-field" }, [el("label", { "for": id }, [label]), input]);
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  var root = el("section", { id: "cmw-chat", "class": "cmw-chat", lang: lang, "aria-labelledby": "cmw-chat-title", "data-testid": "chat-widget" }, [
    el("h2", { id: "cmw-chat-title", "class": "cmw-chat-title" }, [text.title])
  ]);
  var body = el("div", { id: "cmw-chat-body", "class": "cmw-chat-body" });
  root.appendChild(body);
  var style = el("style", {}, [
    ".cmw-chat{font:16px/1.4 system-ui,sans-serif;max-width:26rem;padding:1rem;border:1px solid #ccd;border-radius:.5rem;background:#fff;color:#1c1c24}" +
    ".cmw-chat h2{font-size:1.2rem;margin:0 0 .5rem}.cmw-chat h3{font-size:1.05rem;margin:.75rem 0 .25rem}.cmw-chat p{margin:.35rem 0}" +
    ".cmw-chat-field{display:flex;flex-direction:column;margin:.5rem 0}.cmw-chat small{color:#555;display:block}" +
    ".cmw-chat input,.cmw-chat textarea{font:inherit;padding:.4rem;border:1px solid #889;border-radius:.25rem}" +
    ".cmw-chat button{font:inherit;padding:.45rem .9rem;cursor:pointer;border:1px solid #1a5fb4;border-radius:.25rem;background:#1a5fb4;color:#fff}" +
    ".cmw-chat button.cmw-chat-secondary{background:#fff;color:#1a5fb4}.cmw-chat button:disabled{opacity:.55;cursor:default}" +
    ".cmw-chat input:focus,.cmw-chat textarea:focus,.cmw-chat button:focus,.cmw-chat a:focus,.cmw-chat-log:focus{outline:3px solid #1a5fb4;outline-offset:1px}" +
    ".cmw-chat-error{color:#a51d2d}.cmw-chat-error:empty,.cmw-chat-conn:empty,.cmw-chat-typing:empty{display:none}" +
    ".cmw-chat-ok{color:#26712b}.cmw-chat-status{font-weight:600}.cmw-chat-conn{color:#8a5a00}" +
    ".cmw-chat-log{height:18rem;overflow-y:auto;border:1px solid #dde;border-radius:.25rem;padding:.5rem;background:#f7f8fa}" +
    ".cmw-chat-messages{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.4rem}" +
    ".cmw-chat-msg{max-width:85%;padding:.35rem .6rem;border-radius:.6rem;background:#fff;border:1px solid #dde;align-self:flex-start}" +
    ".cmw-chat-msg--customer{align-self:flex-end;background:#e3eefc;border-color:#b9d0f0}" +
    ".cmw-chat-msg--system{align-self:center;background:none;border:0;color:#555;font-style:italic;font-size:.9em;text-align:center}" +
    ".cmw-chat-msg--pending{opacity:.7}.cmw-chat-msg--failed{border-color:#a51d2d}" +
    ".cmw-chat-meta{display:block;font-size:.75em;color:#555}.cmw-chat-text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}" +
    ".cmw-chat-mark{font-size:.75em;color:#555;display:block}.cmw-chat-msg--failed .cmw-chat-mark{color:#a51d2d}" +
    ".cmw-chat-mark button{font-size:.9em;padding:0 .4rem;margin-left:.3rem}" +
    ".cmw-chat-typing{font-size:.85em;color:#555;font-style:italic;min-height:1.2em}" +
    ".cmw-chat-actions{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.4rem}.cmw-chat-actions .cmw-chat-end{margin-left:auto}" +
    ".cmw-chat-file{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;padding:0}" +
    "@media (prefers-reduced-motion:no-preference){.cmw-chat-log{scroll-behavior:smooth}}"
  ]);
  script.parentNode.insertBefore(style, script.nextSibling);
  style.parentNode.insertBefore(root, style.nextSibling);

  // ---- storage ------------------------------------------------------------------------------------------

  /** The chat in progress: { token, conversationId, lastSeq, messages, outbox, status, level, agentName }. */
  var chat = null;

  function loadStored() {
    try {
      var saved = JSON.parse(localStorage.getItem(STORE) || "null");
      if (saved && typeof saved.token === "string" && saved.token) {
        return {
          token: saved.token, conversationId: saved.conversationId || null, lastSeq: Number(saved.lastSeq) || 0,
          messages: Array.isArray(saved.messages) ? saved.messages.filter(isMessage) : [],
          outbox: Array.isArray(saved.outbox) ? saved.outbox.filter(function (o) { return o && o.id && typeof o.text === "string"; }) : [],
          status: saved.status || null, level: saved.level || null, agentName: saved.agentName || null
        };
      }
    } catch (e) { /* storage unavailable or damaged: start afresh */ }
    return null;
  }

  function save() {
    if (!chat) { return; }
    try {
      localStorage.setItem(STORE, JSON.stringify({
        token: chat.token, conversationId: chat.conversationId, lastSeq: chat.lastSeq,
        messages: chat.messages.slice(-MAX_CACHED), outbox: chat.outbox,
        status: chat.status, level: chat.level, agentName: chat.agentName
      }));
    } catch (e) { /* private mode: the chat still works until the page is closed */ }
  }

  function forget() {
    try { localStorage.removeItem(STORE); } catch (e) { /* ignore */ }
  }

  function isMessage(m) { return !!m && typeof m.seq === "number" && m.seq > 0; }

  function newId() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === "function") { return c.randomUUID(); }
    var bytes = new Uint8Array(16);
    if (c && c.getRandomValues) { c.getRandomValues(bytes); } else { for (var i = 0; i < 16; i++) { bytes[i] = Math.floor(Math.random() * 256); } }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // ---- HTTP -----------------------------------------------------------------------------------------------

  function readJson(response) { return response.json().catch(function () { return {}; }); }

  function problemText(response, problem) {
    if (response.status === 429) { return text.tooMany; }
    if (problem && problem.detail) { return problem.detail; }
    if (problem && problem.errors && typeof problem.errors === "object") {
      var all = [];
      Object.keys(problem.errors).forEach(function (k) { all = all.concat(problem.errors[k]); });
      if (all.length) { return all.join(" "); }
    }
    return (problem && problem.title) || text.failed;
  }

  // ---- screens --------------------------------------------------------------------------------------------

  function showLoading() {
    clear(body);
    body.appendChild(el("p", { id: "cmw-chat-loading", role: "status" }, [text.loading]));
  }

  function showUnavailable(message) {
    clear(body);
    var retry = el("button", { type: "button", id: "cmw-chat-retry", "class": "cmw-chat-secondary" }, [text.retry]);
    retry.addEventListener("click", function () { checkAvailability(true); });
    body.appendChild(el("p", { id: "cmw-chat-unavailable", role: "alert", "class": "cmw-chat-error" }, [message || text.unavailable]));
    body.appendChild(retry);
  }

  /** userAsked: the visitor clicked (retry, new chat), so the first field may take the focus; never on page load. */
  function checkAvailability(userAsked) {
    showLoading();
    fetch(url("/api/chat/availability"), { headers: { accept: "application/json" } }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (availability) {
      if (availability && availability.open) { showPrechat(userAsked === true); } else { showClosed(availability || {}); }
    }, function () { showUnavailable(); });
  }

  /** "GMT-6" from an IANA zone ("America/Mexico_City"); other values are shown as they come. */
  function zoneText(zone) {
    if (!zone) { return "GMT-6"; }
    if (zone.indexOf("/") < 0) { return zone; }
    try {
      var parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(new Date());
      for (var i = 0; i < parts.length; i++) { if (parts[i].type === "timeZoneName") { return parts[i].value; } }
    } catch (e) { /* old browser: the zone's name */ }
    return zone;
  }

  function whenText(iso) {
    return new Date(iso).toLocaleString(lang === "en" ? "en-US" : "es-MX", { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
  }

  /** Out of hours: the hours, the e-mail, and a message form that opens a case. */
  function showClosed(availability) {
    clear(body);
    var hours = availability.hours || {};
    body.appendChild(el("h3", { id: "cmw-chat-closed-title" }, [text.closedTitle]));
    body.appendChild(el("p", { id: "cmw-chat-hours", "data-testid": "chat-hours" }, [fill(text.closedHours, {
      weekdays: hours.weekdays || "06:00–21:00", weekend: hours.weekend || "07:00–17:00", tz: zoneText(availability.timeZone)
    })]));
    if (availability.nextOpen && !isNaN(Date.parse(availability.nextOpen))) {
      body.appendChild(el("p", { id: "cmw-chat-next-open" }, [fill(text.nextOpen, { when: whenText(availability.nextOpen) })]));
    }
    if (typeof availability.email === "string" && /^[^\s@<>"'()]+@[^\s@<>"'()]+$/.test(availability.email)) {
      body.appendChild(el("p", { id: "cmw-chat-closed-email" }, [
        text.emailBefore, el("a", { href: "mailto:" + availability.email }, [availability.email]), text.emailAfter
      ]));
    }

    var name = el("input", { id: "cmw-chat-leave-name", name: "name", type: "text", autocomplete: "name", maxlength: "100", required: true });
    var email = el("input", { id: "cmw-chat-leave-email", name: "email", type: "email", autocomplete: "email", maxlength: "200" });
    var phone = el("input", { id: "cmw-chat-leave-phone", name: "phone", type: "tel", autocomplete: "tel", inputmode: "tel", maxlength: "32" });
    var topic = el("input", { id: "cmw-chat-leave-topic", name: "topic", type: "text", maxlength: "200" });
    var message = el("textarea", { id: "cmw-chat-leave-text", name: "text", rows: "4", maxlength: String(MAX_TEXT), required: true });
    var submit = el("button", { type: "submit", id: "cmw-chat-leave-submit" }, [text.leaveSubmit]);
    var error = el("p", { id: "cmw-chat-leave-error", "class": "cmw-chat-error", role: "alert" });
    var done = el("p", { id: "cmw-chat-leave-done", "class": "cmw-chat-ok", role: "status", tabindex: "-1", "data-testid": "chat-leave-done" });
    var form = el("form", { id: "cmw-chat-leave", "class": "cmw-chat-form", novalidate: true }, [
      el("h3", { id: "cmw-chat-leave-title" }, [text.leaveTitle]),
      el("p", {}, [text.leaveIntro]),
      field("cmw-chat-leave-name", text.name, name),
      el("small", { id: "cmw-chat-leave-contact-hint" }, [text.contactHint]),
      field("cmw-chat-leave-email", text.email, email, "cmw-chat-leave-contact-hint"),
      field("cmw-chat-leave-phone", text.phone, phone, "cmw-chat-leave-contact-hint"),
      field("cmw-chat-leave-topic", text.topic, topic),
      field("cmw-chat-leave-text", text.message, message),
      error,
      submit
    ]);
    body.appendChild(form);
    body.appendChild(done);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var problem = checkContact(name, email, phone) || (message.value.trim() ? null : { input: message, text: text.needText });
      if (problem) { invalid(error, problem); return; }
      submit.disabled = true;
      submit.textContent = text.leaveSending;
      error.textContent = "";
      fetch(url("/api/chat/messages"), {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, application/problem+json" },
        body: JSON.stringify({
          name: name.value.trim(), email: email.value.trim() || null, phone: phone.value.trim() || null,
          topic: topic.value.trim() || null, text: message.value.trim(), language: lang
        })
      }).then(function (response) {
        return readJson(response).then(function (answer) {
          if (response.ok) {
            form.hidden = true;
            done.setAttribute("data-case-number", String(answer.caseNumber));
            done.textContent = fill(text.leaveDone, { number: answer.caseNumber });
            done.focus();
          } else {
            error.textContent = problemText(response, answer);
          }
        });
      }, function () {
        error.textContent = text.failed;
      }).then(function () {
        submit.disabled = false;
        submit.textContent = text.leaveSubmit;
      });
    });
  }

  /** Name required, e-mail or phone (at least one), the e-mail well formed. */
  function checkContact(name, email, phone) {
    [name, email, phone].forEach(function (input) { input.removeAttribute("aria-invalid"); });
    if (!name.value.trim()) { return { input: name, text: text.needName }; }
    if (!email.value.trim() && !phone.value.trim()) { return { input: email, text: text.needContact }; }
    if (email.value.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.value.trim())) { return { input: email, text: text.badEmail }; }
    return null;
  }

  function invalid(error, problem) {
    problem.input.setAttribute("aria-invalid", "true");
    error.textContent = problem.text;
    problem.input.focus();
  }

  /** Open: who the visitor is, then the chat. */
  function showPrechat(focusFirst) {
    clear(body);
    var name = el("input", { id: "cmw-chat-name", name: "name", type: "text", autocomplete: "name", maxlength: "100", required: true });
    var email = el("input", { id: "cmw-chat-email", name: "email", type: "email", autocomplete: "email", maxlength: "200" });
    var phone = el("input", { id: "cmw-chat-phone", name: "phone", type: "tel", autocomplete: "tel", inputmode: "tel", maxlength: "32" });
    var topic = el("input", { id: "cmw-chat-topic", name: "topic", type: "text", maxlength: "200" });
    var submit = el("button", { type: "submit", id: "cmw-chat-start" }, [text.start]);
    var error = el("p", { id: "cmw-chat-start-error", "class": "cmw-chat-error", role: "alert" });
    var form = el("form", { id: "cmw-chat-prechat", "class": "cmw-chat-form", novalidate: true }, [
      el("h3", { id: "cmw-chat-prechat-title" }, [text.preTitle]),
      el("p", {}, [text.preIntro]),
      field("cmw-chat-name", text.name, name),
      el("small", { id: "cmw-chat-contact-hint" }, [text.contactHint]),
      field("cmw-chat-email", text.email, email, "cmw-chat-contact-hint"),
      field("cmw-chat-phone", text.phone, phone, "cmw-chat-contact-hint"),
      field("cmw-chat-topic", text.topic, topic),
      error,
      submit
    ]);
    body.appendChild(form);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var problem = checkContact(name, email, phone);
      if (problem) { invalid(error, problem); return; }
      submit.disabled = true;
      submit.textContent = text.starting;
      error.textContent = "";
      ensureStarted().then(function (connection) {
        return connection.invoke("start", {
          name: name.value.trim(), email: email.value.trim() || null, phone: phone.value.trim() || null,
          topic: topic.value.trim() || null, language: lang
        });
      }).then(function (started) {
        chat = {
          token: started.token, conversationId: started.conversationId, lastSeq: 0, messages: [], outbox: [],
          status: "waiting", level: null, agentName: null
        };
        save();
        showChat();
        resumeNow();
        textBox().focus();
      }, function (failure) {
        submit.disabled = false;
        submit.textContent = text.start;
        error.textContent = isRefusal(failure) ? hubMessage(failure) : text.unavailable;
      });
    });
    if (focusFirst) { name.focus(); }
  }

  // ---- the chat screen ------------------------------------------------------------------------------------

  var ui = null;

  function textBox() { return ui ? ui.text : null; }

  function showChat() {
    clear(body);
    ui = {};
    ui.status = el("p", { id: "cmw-chat-status", "class": "cmw-chat-status", role: "status", "data-testid": "chat-status" });
    ui.conn = el("p", { id: "cmw-chat-conn", "class": "cmw-chat-conn", role: "status", "data-testid": "chat-connection" });
    ui.list = el("ol", { id: "cmw-chat-messages", "class": "cmw-chat-messages" });
    ui.log = el("div", {
      id: "cmw-chat-log", "class": "cmw-chat-log", role: "log", "aria-live": "polite", "aria-label": text.conversation,
      tabindex: "0", "data-testid": "chat-log"
    }, [ui.list]);
    ui.typing = el("p", { id: "cmw-chat-typing", "class": "cmw-chat-typing", "aria-live": "polite", "data-testid": "chat-typing" });
    ui.text = el("textarea", { id: "cmw-chat-text", name: "message", rows: "2", maxlength: String(MAX_TEXT), "aria-describedby": "cmw-chat-send-hint" });
    ui.send = el("button", { type: "submit", id: "cmw-chat-send" }, [text.send]);
    ui.attach = el("button", { type: "button", id: "cmw-chat-attach", "class": "cmw-chat-secondary" }, [text.attach]);
    ui.file = el("input", {
      type: "file", id: "cmw-chat-file", "class": "cmw-chat-file", tabindex: "-1", "aria-hidden": "true",
      accept: ".png,.jpg,.jpeg,.gif,.pdf,.txt,image/png,image/jpeg,image/gif,application/pdf,text/plain"
    });
    ui.end = el("button", { type: "button", id: "cmw-chat-end", "class": "cmw-chat-secondary cmw-chat-end" }, [text.end]);
    ui.error = el("p", { id: "cmw-chat-error", "class": "cmw-chat-error", role: "alert" });
    ui.form = el("form", { id: "cmw-chat-compose", "class": "cmw-chat-compose", novalidate: true }, [
      field("cmw-chat-text", text.message, ui.text),
      el("small", { id: "cmw-chat-send-hint" }, [text.sendHint]),
      el("div", { "class": "cmw-chat-actions" }, [ui.send, ui.attach, ui.file, ui.end]),
      ui.error
    ]);
    [ui.status, ui.conn, ui.log, ui.typing, ui.form].forEach(function (node) { body.appendChild(node); });

    ui.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = ui.text.value.replace(/\s+$/, "");
      if (!value.trim()) { ui.error.textContent = text.needText; ui.text.focus(); return; }
      if (value.length > MAX_TEXT) { ui.error.textContent = fill(text.tooLong, { max: MAX_TEXT }); return; }
      ui.error.textContent = "";
      ui.text.value = "";
      sendText(value);
      ui.text.focus();
    });
    ui.text.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        if (typeof ui.form.requestSubmit === "function") { ui.form.requestSubmit(); } else { ui.send.click(); }
      }
    });
    ui.text.addEventListener("input", typingNow);
    ui.attach.addEventListener("click", function () { ui.file.click(); });
    ui.file.addEventListener("change", function () {
      var file = ui.file.files && ui.file.files[0];
      ui.file.value = "";
      if (file) { upload(file); }
    });
    ui.end.addEventListener("click", endChat);

    chat.messages.sort(function (a, b) { return a.seq - b.seq; });
    chat.messages.forEach(function (m) { ui.list.appendChild(messageItem(m)); });
    chat.outbox.forEach(function (item) { ui.list.appendChild(pendingItem(item)); });
    showStatus(null);
    scrollDown(true);
  }

  function timeText(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? "" : date.toLocaleTimeString(lang === "en" ? "en-US" : "es-MX", { hour: "2-digit", minute: "2-digit" });
  }

  function sizeText(bytes) {
    var n = Number(bytes) || 0;
    return n >= 1048576 ? (n / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(n / 1024)) + " KB";
  }

  /** Only http(s) links, resolved against the widget's origin (a relative /api/… url). */
  function safeUrl(value) {
    if (!value) { return null; }
    try {
      var u = new URL(String(value), base);
      return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : null;
    } catch (e) { return null; }
  }

  function messageItem(m) {
    var author = m.author === "agent" || m.author === "system" ? m.author : "customer";
    var who = author === "customer" ? text.you : author === "agent" ? (m.authorName || text.agent) : null;
    var li = el("li", { "class": "cmw-chat-msg cmw-chat-msg--" + author, "data-seq": String(m.seq), "data-author": author, "data-testid": "chat-message" });
    if (m.clientMessageId) { li.setAttribute("data-client-id", m.clientMessageId); }
    fillMessage(li, who, m);
    return li;
  }

  function fillMessage(li, who, m) {
    clear(li);
    if (who) {
      var meta = el("span", { "class": "cmw-chat-meta" }, [who]);
      var time = timeText(m.at);
      if (time) { meta.appendChild(document.createTextNode(" · ")); meta.appendChild(el("time", { datetime: m.at }, [time])); }
      li.appendChild(meta);
    }
    if (m.text) { li.appendChild(el("p", { "class": "cmw-chat-text" }, [String(m.text)])); }
    var a = m.attachment;
    if (a && a.name) {
      var href = safeUrl(a.url);
      var label = String(a.name) + " (" + (a.type ? String(a.type) + ", " : "") + sizeText(a.size) + ")";
      li.appendChild(el("p", { "class": "cmw-chat-attachment" }, [
        href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, [label]) : label
      ]));
    }
  }

  function pendingItem(item) {
    var li = el("li", { "class": "cmw-chat-msg cmw-chat-msg--customer cmw-chat-msg--pending", "data-client-id": item.id, "data-author": "customer", "data-testid": "chat-message" });
    li.appendChild(el("span", { "class": "cmw-chat-meta" }, [text.you]));
    li.appendChild(el("p", { "class": "cmw-chat-text" }, [item.text]));
    li.appendChild(el("span", { "class": "cmw-chat-mark" }, [text.sending]));
    return li;
  }

  function itemByClientId(id) {
    if (!ui || !id) { return null; }
    var items = ui.list.querySelectorAll("li[data-client-id]");
    for (var i = 0; i < items.length; i++) { if (items[i].getAttribute("data-client-id") === id) { return items[i]; } }
    return null;
  }

  function nearBottom() { return ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 60; }

  function scrollDown(force) {
    if (ui && (force || nearBottom())) { ui.log.scrollTop = ui.log.scrollHeight; }
  }

  /** A message from the server (event, resume, send's answer, upload's answer): shown once, in seq order. */
  function addMessage(m) {
    if (!chat || !isMessage(m)) { return; }
    if (m.conversationId && chat.conversationId && m.conversationId !== chat.conversationId) { return; }
    if (m.clientMessageId) { dropFromOutbox(m.clientMessageId); }
    for (var i = 0; i < chat.messages.length; i++) { if (chat.messages[i].seq === m.seq) { return; } }
    chat.messages.push(m);
    chat.messages.sort(function (a, b) { return a.seq - b.seq; });
    if (chat.messages.length > MAX_CACHED * 2) { chat.messages = chat.messages.slice(-MAX_CACHED); }
    chat.lastSeq = Math.max(chat.lastSeq, m.seq);
    if (m.author === "agent") { hideTyping(); }
    if (!ui) { return; }

    var stick = nearBottom();
    var li = itemByClientId(m.clientMessageId);
    if (li && li.getAttribute("data-seq") === null) {
      // The message this visitor sent, now confirmed: same element, so nothing is announced twice.
      li.className = "cmw-chat-msg cmw-chat-msg--customer";
      li.setAttribute("data-seq", String(m.seq));
      fillMessage(li, text.you, m);
    } else {
      li = messageItem(m);
    }
    var before = null;
    var items = ui.list.children;
    for (var j = 0; j < items.length; j++) {
      var other = items[j];
      if (other === li) { continue; }
      var seq = other.getAttribute("data-seq");
      if (seq === null || Number(seq) > m.seq) { before = other; break; }
    }
    if (li.nextSibling !== before || li.parentNode !== ui.list) { ui.list.insertBefore(li, before); }
    if (stick) { scrollDown(true); }
  }

  function dropFromOutbox(id) {
    if (!chat) { return; }
    chat.outbox = chat.outbox.filter(function (o) { return o.id !== id; });
  }

  // ---- status, typing, connection -------------------------------------------------------------------------

  function showStatus(update) {
    if (!chat) { return; }
    if (update) {
      if (update.conversationId && chat.conversationId && update.conversationId !== chat.conversationId) { return; }
      var previous = chat.status;
      var previousLevel = chat.level;
      chat.status = update.status || chat.status;
      chat.level = update.level === undefined ? chat.level : update.level;
      chat.agentName = update.agentName || null;
      chat.transferred = chat.status === "waiting" && (previous === "active" || (previousLevel !== null && chat.level !== previousLevel) || chat.transferred);
      if (chat.status === "active") { chat.transferred = false; }
    }
    if (!ui) { return; }
    var line = chat.status === "closed" ? text.closed
      : chat.status === "active" ? (chat.agentName ? fill(text.joined, { name: chat.agentName }) : text.joinedAnon)
        : chat.transferred ? text.transferred : text.waiting;
    if (ui.status.textContent !== line) { ui.status.textContent = line; }
    ui.status.setAttribute("data-status", chat.status || "waiting");
    if (chat.status === "closed") { closedUi(); }
  }

  function closedUi() {
    hideTyping();
    ui.text.disabled = true;
    ui.send.disabled = true;
    ui.attach.disabled = true;
    if (ui.end.getAttribute("data-new") !== "true") {
      ui.end.setAttribute("data-new", "true");
      ui.end.id = "cmw-chat-new";
      ui.end.textContent = text.newChat;
      ui.end.removeEventListener("click", endChat);
      ui.end.addEventListener("click", newChat);
    }
    // The chat is over: a reload starts afresh (the transcript stays on screen until then).
    forget();
    clearTimeout(retryTimer);
    if (connection && connection.state !== "Disconnected") { connection.stop().catch(function () { /* already stopped */ }); }
  }

  function newChat() {
    chat = null;
    ui = null;
    forget();
    checkAvailability(true);
  }

  var typingTimer = null;

  function onTyping(event) {
    if (!chat || !ui || chat.status === "closed") { return; }
    if (event && event.conversationId && chat.conversationId && event.conversationId !== chat.conversationId) { return; }
    if (event && event.author && event.author !== "agent") { return; }
    var name = (event && event.name) || chat.agentName;
    var line = name ? fill(text.typing, { name: name }) : text.typingAnon;
    if (ui.typing.textContent !== line) { ui.typing.textContent = line; }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, TYPING_SHOWN_MS);
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    if (ui) { ui.typing.textContent = ""; }
  }

  var lastTypingSent = 0;

  /** At most one typing() every few seconds while the visitor types. */
  function typingNow() {
    var now = Date.now();
    if (!chat || chat.status === "closed" || now - lastTypingSent < TYPING_EVERY_MS || !connected()) { return; }
    lastTypingSent = now;
    connection.invoke("typing", chat.token).catch(function () { /* only a hint */ });
  }

  function showConnection(message) {
    if (ui && ui.conn.textContent !== message) { ui.conn.textContent = message; }
  }

  // ---- hub ------------------------------------------------------------------------------------------------

  var connection = null;
  var starting = null;
  var retryTimer = null;
  var signalRLoading = null;

  function loadSignalR() {
    if (window.signalR) { return Promise.resolve(window.signalR); }
    if (!signalRLoading) {
      signalRLoading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = url("/lib/signalr/signalr.min.js");
        tag.async = true;
        tag.onload = function () { if (window.signalR) { resolve(window.signalR); } else { signalRLoading = null; reject(new Error("SignalR")); } };
        tag.onerror = function () { signalRLoading = null; tag.remove(); reject(new Error("SignalR")); };
        document.head.appendChild(tag);
      });
    }
    return signalRLoading;
  }

  function connected() { return !!connection && connection.state === "Connected"; }

  function hub() {
    if (connection) { return Promise.resolve(connection); }
    return loadSignalR().then(function (signalR) {
      if (connection) { return connection; }
      connection = new signalR.HubConnectionBuilder()
        .withUrl(url("/hubs/chat"))
        // Never give up while the chat is open: 0 s, 2 s, 5 s, then every 10 s.
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: function (retry) { return [0, 2000, 5000][retry.previousRetryCount] || 10000; } })
        .configureLogging(signalR.LogLevel.Warning)
        .build();
      connection.on("chatMessage", function (m) { addMessage(m); save(); });
      connection.on("chatTyping", onTyping);
      connection.on("chatStatus", function (update) { showStatus(update); save(); });
      connection.onreconnecting(function () { if (chat && chat.status !== "closed") { showConnection(text.reconnecting); } });
      connection.onreconnected(function () { resumeNow(); });
      connection.onclose(function () {
        if (chat && chat.status !== "closed") {
          showConnection(text.reconnecting);
          retryLater(5000);
        }
      });
      return connection;
    });
  }

  /** Starts the connection when it is down; resolves once connected. */
  function ensureStarted() {
    return hub().then(function (c) {
      if (c.state === "Connected") { return c; }
      if (!starting) {
        if (c.state !== "Disconnected") { return Promise.reject(new Error(c.state)); } // reconnecting: resumeNow runs when it is back
        starting = c.start().then(function () { starting = null; return c; }, function (e) { starting = null; throw e; });
      }
      return starting;
    });
  }

  function retryLater(ms) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(resumeNow, ms);
  }

  var resuming = false;
  var resumeAgain = false;

  /** After every (re)connect: what was missed (seq > lastSeq), the status, then the messages still unconfirmed. */
  function resumeNow() {
    if (!chat || chat.status === "closed") { return; }
    if (resuming) { resumeAgain = true; return; }
    resuming = true;
    resumeAgain = false;
    ensureStarted().then(function (c) {
      return c.invoke("resume", chat.token, chat.lastSeq);
    }).then(function (result) {
      resuming = false;
      if (!chat) { return; }
      showConnection("");
      if (result && result.conversationId && !chat.conversationId) { chat.conversationId = result.conversationId; }
      ((result && result.messages) || []).forEach(addMessage);
      showStatus(result || null);
      save();
      if (resumeAgain) { resumeNow(); } else { flushOutbox(); }
    }, function (failure) {
      resuming = false;
      if (!chat) { return; }
      if (isRefusal(failure)) {
        // The server does not know this chat any more (or refuses it): say so, and offer a new one.
        showConnection("");
        if (ui) { ui.error.textContent = hubMessage(failure) || text.lost; }
        chat.status = "closed";
        showStatus(null);
        return;
      }
      showConnection(text.reconnecting);
      if (!connection || connection.state === "Disconnected") { retryLater(5000); }
    });
  }

  var flushing = false;

  /** Sends the outbox in order; a message the server refuses leaves it, the rest waits for the next connection. */
  function flushOutbox() {
    if (flushing || !chat || !connected() || resuming) { return; }
    var item = chat.outbox[0];
    if (!item) { return; }
    flushing = true;
    markPending(item.id, text.sending, false);
    connection.invoke("send", chat.token, item.id, item.text).then(function (message) {
      flushing = false;
      dropFromOutbox(item.id);
      addMessage(message);
      save();
      flushOutbox();
    }, function (failure) {
      flushing = false;
      if (!chat) { return; }
      if (isRefusal(failure)) {
        dropFromOutbox(item.id);
        save();
        markPending(item.id, text.notSent + " " + hubMessage(failure), true, false);
        flushOutbox();
      } else if (connected()) {
        markPending(item.id, text.notSent, true, true);
      } else {
        markPending(item.id, text.offline, false);
      }
    });
  }

  function markPending(id, message, failed, canRetry) {
    var li = itemByClientId(id);
    if (!li || li.getAttribute("data-seq") !== null) { return; }
    li.classList.toggle("cmw-chat-msg--failed", !!failed);
    var mark = li.querySelector(".cmw-chat-mark");
    clear(mark);
    mark.appendChild(document.createTextNode(message));
    if (canRetry) {
      var again = el("button", { type: "button", "class": "cmw-chat-secondary cmw-chat-resend" }, [text.resend]);
      again.addEventListener("click", function () { markPending(id, text.sending, false); flushOutbox(); });
      mark.appendChild(again);
    }
  }

  function sendText(value) {
    if (!chat || chat.status === "closed") { return; }
    var item = { id: newId(), text: value, at: new Date().toISOString() };
    chat.outbox.push(item);
    save();
    ui.list.appendChild(pendingItem(item));
    scrollDown(true);
    lastTypingSent = 0;
    if (connected()) { flushOutbox(); } else { markPending(item.id, text.offline, false); }
  }

  function upload(file) {
    if (!chat || chat.status === "closed") { return; }
    ui.error.textContent = "";
    if (FILE_TYPES.indexOf(file.type) < 0 && !FILE_EXTENSIONS.test(file.name)) { ui.error.textContent = text.fileType; return; }
    if (file.size > MAX_FILE) { ui.error.textContent = text.fileTooBig; return; }
    var data = new FormData();
    data.append("token", chat.token);
    data.append("file", file, file.name);
    ui.attach.disabled = true;
    showConnectionIfIdle(fill(text.uploading, { name: file.name }));
    fetch(url("/api/chat/attachments"), { method: "POST", headers: { accept: "application/json, application/problem+json" }, body: data }).then(function (response) {
      return readJson(response).then(function (answer) {
        if (response.ok) { addMessage(answer); save(); return; }
        ui.error.textContent = response.status === 413 ? text.fileTooBig : response.status === 415 ? text.fileType : problemText(response, answer) || text.uploadFailed;
      });
    }, function () {
      ui.error.textContent = text.uploadFailed;
    }).then(function () {
      if (!ui) { return; }
      ui.attach.disabled = !chat || chat.status === "closed";
      if (ui.conn.textContent === fill(text.uploading, { name: file.name })) { showConnection(""); }
    });
  }

  function showConnectionIfIdle(message) {
    if (ui && !ui.conn.textContent) { ui.conn.textContent = message; }
  }

  function endChat() {
    if (!chat) { return; }
    if (!connected()) { ui.error.textContent = text.reconnecting; return; }
    ui.end.disabled = true;
    connection.invoke("leave", chat.token).then(function () {
      if (!chat) { return; }
      ui.end.disabled = false;
      showStatus({ status: "closed", level: chat.level, agentName: chat.agentName });
    }, function (failure) {
      if (!ui) { return; }
      ui.end.disabled = false;
      ui.error.textContent = isRefusal(failure) ? hubMessage(failure) : text.failed;
    });
  }

  /** A HubException is the server refusing on purpose; anything else is the network or the server failing. */
  function isRefusal(error) { return /HubException/.test(String((error && error.message) || "")); }

  function hubMessage(error) {
    var message = String((error && error.message) || "");
    var i = message.lastIndexOf("HubException: ");
    return i >= 0 ? message.slice(i + "HubException: ".length) : text.failed;
  }

  // ---- go -------------------------------------------------------------------------------------------------

  chat = loadStored();
  if (chat) {
    // A chat in progress (reload, another page of the site): back to it, whatever the hours.
    showChat();
    resumeNow();
  } else {
    checkAvailability();
  }
})();
