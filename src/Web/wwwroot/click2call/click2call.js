/*
 * CallMyWay Click2Call widget: <script src="/click2call/click2call.js" data-lang="es"></script>
 * Renders a "Llámame" / "Call me" form where the tag is, posts to /api/click2call on the script's own origin,
 * and says what happened: dialing, scheduled (in the visitor's local time, with a cancel button), or the
 * problem details' reason. No dependencies; the status is announced to screen readers (role=status).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var lang = (script.getAttribute("data-lang") || document.documentElement.lang || "es").slice(0, 2) === "en" ? "en" : "es";
  var api = new URL("/api/click2call", script.src).toString();
  var text = {
    es: {
      title: "Llámame", intro: "Déjanos tu número y te llamamos.", phone: "Teléfono (con código de país)",
      phoneHint: "Por ejemplo +52 55 1234 5678", name: "Nombre (opcional)", reason: "Motivo (opcional)",
      submit: "Llámame", sending: "Enviando…", dialing: "Te estamos llamando ahora. Contesta tu teléfono.",
      scheduled: "Estamos cerrados. Te llamaremos el {when} (tu hora local).", cancel: "Cancelar la llamada",
      cancelled: "Listo, cancelamos la llamada.", tooMany: "Demasiadas solicitudes. Intenta de nuevo en {wait}.",
      failed: "No pudimos registrar tu solicitud. Intenta más tarde.", minutes: "{n} min", hours: "{n} h", required: "Escribe tu número."
    },
    en: {
      title: "Call me", intro: "Leave your number and we will call you.", phone: "Phone (with country code)",
      phoneHint: "For example +1 305 555 0123", name: "Name (optional)", reason: "Reason (optional)",
      submit: "Call me", sending: "Sending…", dialing: "We are calling you now. Please answer your phone.",
      scheduled: "We are closed. We will call you on {when} (your local time).", cancel: "Cancel the call",
      cancelled: "Done, the call is cancelled.", tooMany: "Too many requests. Try again in {wait}.",
      failed: "We could not take your request. Please try later.", minutes: "{n} min", hours: "{n} h", required: "Type your number."
    }
  }[lang];
  var uid = "cmw-c2c-" + Math.random().toString(36).slice(2, 8);

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function field(id, label, input, hint) {
    var wrap = el("div", { "class": "cmw-c2c-field" }, [el("label", { "for": id }, [label]), input]);
    if (hint) {
      input.setAttribute("aria-describedby", id + "-hint");
      wrap.appendChild(el("small", { id: id + "-hint" }, [hint]));
    }
    return wrap;
  }

  var phone = el("input", { id: uid + "-phone", name: "phone", type: "tel", autocomplete: "tel", inputmode: "tel", required: "required", maxlength: "32" });
  var name = el("input", { id: uid + "-name", name: "name", type: "text", autocomplete: "name", maxlength: "100" });
  var reason = el("textarea", { id: uid + "-reason", name: "reason", rows: "2", maxlength: "500" });
  var button = el("button", { type: "submit" }, [text.submit]);
  var status = el("p", { id: uid + "-status", role: "status", "aria-live": "polite", "class": "cmw-c2c-status" });
  var form = el("form", { "class": "cmw-c2c", "aria-labelledby": uid + "-title", novalidate: "novalidate", lang: lang }, [
    el("h2", { id: uid + "-title" }, [text.title]),
    el("p", {}, [text.intro]),
    field(uid + "-phone", text.phone, phone, text.phoneHint),
    field(uid + "-name", text.name, name),
    field(uid + "-reason", text.reason, reason),
    button,
    status
  ]);
  var style = el("style", {}, [
    ".cmw-c2c{font:16px/1.4 system-ui,sans-serif;max-width:22rem;padding:1rem;border:1px solid #ccd;border-radius:.5rem}" +
    ".cmw-c2c-field{display:flex;flex-direction:column;margin:.5rem 0}.cmw-c2c-field small{color:#555}" +
    ".cmw-c2c input,.cmw-c2c textarea{font:inherit;padding:.4rem}.cmw-c2c button{font:inherit;padding:.5rem 1rem;margin-top:.5rem;cursor:pointer}" +
    ".cmw-c2c input:focus,.cmw-c2c textarea:focus,.cmw-c2c button:focus{outline:3px solid #1a5fb4;outline-offset:1px}" +
    ".cmw-c2c-status[data-kind=error]{color:#a51d2d}.cmw-c2c-status[data-kind=ok]{color:#26712b}"
  ]);
  script.parentNode.insertBefore(style, script.nextSibling);
  style.parentNode.insertBefore(form, style.nextSibling);

  function say(message, kind) {
    status.textContent = message;
    status.setAttribute("data-kind", kind);
  }

  function waitText(seconds) {
    var minutes = Math.max(1, Math.ceil(seconds / 60));
    return minutes < 120 ? text.minutes.replace("{n}", minutes) : text.hours.replace("{n}", Math.ceil(minutes / 60));
  }

  function whenText(iso) {
    return new Date(iso).toLocaleString(lang === "en" ? "en-US" : "es-MX", { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
  }

  function offerCancel(id) {
    var cancel = el("button", { type: "button", "class": "cmw-c2c-cancel" }, [text.cancel]);
    cancel.addEventListener("click", function () {
      cancel.disabled = true;
      fetch(api + "/" + encodeURIComponent(id), { method: "DELETE" }).then(function (r) {
        if (r.ok) { say(text.cancelled, "ok"); cancel.remove(); } else { cancel.disabled = false; say(text.failed, "error"); }
      }, function () { cancel.disabled = false; say(text.failed, "error"); });
    });
    status.appendChild(document.createTextNode(" "));
    status.appendChild(cancel);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!phone.value.trim()) {
      phone.setAttribute("aria-invalid", "true");
      say(text.required, "error");
      phone.focus();
      return;
    }
    phone.removeAttribute("aria-invalid");
    button.disabled = true;
    say(text.sending, "busy");
    fetch(api, {
      method: "POST",
      headers: { "content-type": "application/json", "accept": "application/json, application/problem+json" },
      body: JSON.stringify({ phone: phone.value.trim(), name: name.value.trim() || null, reason: reason.value.trim() || null })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.status === 202) {
          if (body.status === "scheduled") {
            say(text.scheduled.replace("{when}", whenText(body.scheduledFor)), "ok");
            offerCancel(body.id);
          } else {
            say(text.dialing, "ok");
          }
          return;
        }
        if (response.status === 429) {
          say(text.tooMany.replace("{wait}", waitText(Number(response.headers.get("Retry-After")) || 60)), "error");
          return;
        }
        // 400 invalid number or type, 403 country not served: the problem details say why.
        if (response.status === 400 || response.status === 403) {
          phone.setAttribute("aria-invalid", "true");
          phone.focus();
        }
        say(body.detail || body.title || text.failed, "error");
      });
    }, function () {
      say(text.failed, "error");
    }).then(function () { button.disabled = false; });
  });
})();
