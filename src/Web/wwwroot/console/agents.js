// Administration of agents (#/agents, administrators only): who may log in, at which level, and the extension and
// SIP password their phone registers with. GET /api/agents, POST /api/agents, PUT /api/agents/{id}/sip.
import { request } from './api.js';
import { label, t } from './i18n.js';
import { $, h, replace } from './util.js';

export function createAgents() {
  const view = $('#view-agents');
  const list = $('#agents-list');
  const form = $('#agent-form');
  const error = $('#agent-form-error');

  async function load() {
    try {
      const agents = await request('GET', '/api/agents');
      replace(list, agents.map(row));
    } catch (e) {
      replace(list, h('tr', {}, h('td', { colspan: 5, class: 'form-error', role: 'alert' }, e.message)));
    }
  }

  function row(agent) {
    const registered = agent.registrations.length > 0
      ? agent.registrations.map((r) => `${r.userAgent ?? '?'} · ${r.receivedFrom}`).join(', ')
      : t('agents.notRegistered');
    const sipError = h('p', { class: 'form-error', role: 'alert', dataset: { testid: 'agent-sip-error' } });
    const extension = h('input', { 'aria-label': t('agents.extension'), value: agent.extension ?? '', inputmode: 'numeric', size: 6, dataset: { testid: 'agent-sip-extension' } });
    const secret = h('input', { 'aria-label': t('agents.sipPassword'), type: 'password', autocomplete: 'new-password', size: 12, dataset: { testid: 'agent-sip-password' } });
    const sipForm = h('form', {
      class: 'inline-form',
      dataset: { testid: 'agent-sip-form' },
      onsubmit: async (event) => {
        event.preventDefault();
        sipError.textContent = '';
        try {
          await request('PUT', `/api/agents/${agent.id}/sip`, { extension: extension.value.trim(), password: secret.value });
          await load();
        } catch (e) {
          sipError.textContent = e.message;
        }
      },
    }, extension, secret, h('button', { type: 'submit', class: 'btn' }, t('agents.saveSip')), sipError);
    return h('tr', { dataset: { testid: 'agent-row', email: agent.email } },
      h('td', {}, agent.displayName, h('br'), h('span', { class: 'muted' }, agent.email)),
      h('td', {}, label('role.', agent.role)),
      h('td', {}, agent.sipAccount ? t('agents.sipSet') : t('agents.sipMissing')),
      h('td', {}, registered),
      h('td', {}, sipForm));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const value = (id) => $(id).value.trim();
    const body = {
      email: value('#agent-email'),
      displayName: value('#agent-name'),
      role: $('#agent-role').value,
      password: $('#agent-password').value,
      extension: value('#agent-extension') || null,
      sipPassword: $('#agent-sip-password').value || null,
    };
    try {
      await request('POST', '/api/agents', body);
      form.reset();
      await load();
    } catch (e) {
      error.textContent = e.message;
    }
  });

  return {
    show() {
      view.hidden = false;
      load();
    },
    hide() { view.hidden = true; },
  };
}
