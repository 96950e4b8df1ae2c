// The HTTP API (README "HTTP API"): JSON in camelCase, errors as RFC 9457 problem details, cookie auth.
import { t } from './i18n.js';

/** A refusal from the API: status and the problem's own words (detail, or the validation errors, or the title). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(ApiError.describe(status, problem));
    this.status = status;
    this.problem = problem;
  }

  static describe(status, problem) {
    if (status === 0) return t('error.network');
    if (problem && typeof problem === 'object') {
      if (problem.detail) return problem.detail;
      if (problem.errors && typeof problem.errors === 'object') {
        const messages = Object.values(problem.errors).flat().filter(Boolean);
        if (messages.length > 0) return messages.join(' ');
      }
      if (problem.title) return problem.title;
    }
    return t('error.generic', { status });
  }
}

let onUnauthorized = () => {};

/** Called when any request but the login answers 401: the session is gone. */
export const setUnauthorizedHandler = (handler) => { onUnauthorized = handler; };

export async function request(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }

  const text = await response.text();
  let payload = null;
  if (text) {
    try { payload = JSON.parse(text); } catch { payload = null; }
  }

  if (!response.ok) {
    if (response.status === 401 && path !== '/api/auth/login') onUnauthorized();
    throw new ApiError(response.status, payload);
  }
  return payload;
}

export const api = {
  login: (email, password) => request('POST', '/api/auth/login', { email, password }),
  logout: () => request('POST', '/api/auth/logout', {}),
  me: () => request('GET', '/api/auth/me'),
  numbers: () => request('GET', '/api/numbers'),
  calls: () => request('GET', '/api/calls'),
  cases: (filters = {}) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== null && value !== '') query.set(key, value);
    }
    const qs = query.toString();
    return request('GET', `/api/cases${qs ? `?${qs}` : ''}`);
  },
  case: (number) => request('GET', `/api/cases/${encodeURIComponent(number)}`),
  /** A customer's web chats and WhatsApp conversations, latest activity first (the server reads any phone format). */
  conversationsByPhone: (phone) => request('GET', `/api/conversations?${new URLSearchParams({ phone })}`),
  caseAction: (number, action, body) => request('POST', `/api/cases/${encodeURIComponent(number)}/${action}`, body ?? {}),
  slaReport: (from, to) => {
    const query = new URLSearchParams();
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    const qs = query.toString();
    return request('GET', `/api/reports/sla${qs ? `?${qs}` : ''}`);
  },
};
