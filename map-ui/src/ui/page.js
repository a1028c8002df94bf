// What a working page needs besides its map: an element builder that never takes text as HTML,
// the service's answers with problem+json turned into errors carrying the problem, the message
// line that shows them (detail, then each errors[] entry), and the signed-in user: the session
// (read once), its CSRF token on every change, the sign-in page when the service does not know us.

import './page.css';

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child != null && child !== false) node.append(child);
  return node;
}

/** An Error for a refused answer: its message is the problem's detail, error.problem the body with the HTTP status. */
export function problemError(status, text) {
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const problem = body && typeof body === 'object' ? body : {};
  const error = new Error(problem.detail || problem.title || `HTTP ${status}`);
  // The answer's HTTP status is the one that counts, whatever the body says.
  error.problem = { ...problem, status };
  return error;
}

const SAFE_METHODS = ['GET', 'HEAD'];

/**
 * The service's JSON answer (null for 204) and its ETag, or a thrown problemError. A change sends
 * the session's CSRF token; a 401 sends the browser to the sign-in page, which brings it back here.
 * anonymous: a call made before anyone is signed in (signing in itself): no token, and a 401 is
 * an answer to show, not a reason to leave.
 */
export async function request(path, { method = 'GET', body, headers = {}, anonymous = false } = {}) {
  const csrf = anonymous || SAFE_METHODS.includes(method) ? null : (await session()).csrf;
  const response = await fetch(path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401 && !anonymous) return toSignIn();
  const text = await response.text();
  if (!response.ok) throw problemError(response.status, text);
  return { data: text ? JSON.parse(text) : null, etag: response.headers.get('ETag') };
}

/** The service's JSON answer (null for 204), or a thrown problemError. */
export async function api(path, options) {
  return (await request(path, options)).data;
}

/** The message line of a page: say(text, 'info' | 'ok' | 'error', problem). */
export function messageLine(node) {
  const say = (text, kind = 'info', problem = null) => {
    node.hidden = !text;
    node.dataset.kind = kind;
    node.dataset.status = problem?.status ?? '';
    node.replaceChildren();
    if (!text) return;
    node.append(text);
    if (problem?.errors?.length) {
      node.append(el('ul', {}, problem.errors.map((e) => el('li', {}, e.field ? `${e.field}: ${e.message}` : e.message))));
    }
  };
  return { say, sayProblem: (error) => say(error.message, 'error', error.problem) };
}

// --- who is signed in ---

let current = null;

/** The signed-in user (GET /api/session, read once per page): username, displayName, role, grid, unit, csrf. */
export function session() {
  current ??= request('/api/session').then(({ data }) => data, (error) => {
    current = null; // not known yet (the service away): ask again next time
    throw error;
  });
  return current;
}

/**
 * Leaves for the sign-in page, which comes back to this page afterwards. The promise never
 * settles: the page is going away, and its callers have nothing left to show.
 */
export function toSignIn() {
  // Slashes kept readable in the query (/login?next=/desk); they need no escaping there.
  const next = encodeURIComponent(location.pathname + location.search).replace(/%2F/g, '/');
  location.assign(`/login?next=${next}`);
  return new Promise(() => {});
}

export const ROLE_NAMES = {
  admin: '管理员 admin', gis: '地理信息 GIS', officer: '值班员 officer', handler: '承办人 handler', wall: '大屏 wall', open311: '接口 Open311', worker: '网格员 worker',
};

/** Roles that may see a case's reporter in full (GET /api/cases/{code}?unmasked=true). */
export const UNMASKING_ROLES = ['admin', 'officer', 'handler'];

/** Signs out (DELETE /api/session) and goes to the sign-in page; a refusal goes to onError. */
async function signOut(onError) {
  try {
    await request('/api/session', { method: 'DELETE' });
    location.assign('/login');
  } catch (error) {
    onError(error);
  }
}

/** Reads the session and shows who is signed in, with a sign-out button, in the page's header (#top). */
export async function showUser({ onError = console.error } = {}) {
  const me = await session();
  const scope = me.unitName || me.gridName;
  document.getElementById('top').append(el('div', { id: 'user', dataset: { role: me.role } },
    el('span', { class: 'user-name' }, me.displayName || me.username), ' ',
    el('small', { class: 'user-role' }, ROLE_NAMES[me.role] || me.role), scope ? ' ' : null,
    scope ? el('small', { class: 'user-scope' }, scope) : null,
    el('button', { type: 'button', id: 'change-password', onclick: () => passwordDialog().showModal() }, '改密码 ',
      el('small', {}, 'Password')),
    el('button', { type: 'button', id: 'sign-out', onclick: () => signOut(onError) }, '退出 ', el('small', {}, 'Sign out'))));
  return me;
}

/** The dialog that changes one's own password: the current one, the new one twice. */
function passwordDialog() {
  const existing = document.getElementById('password-dialog');
  if (existing) return existing;
  const message = el('p', { id: 'password-message', role: 'alert', hidden: true });
  const { say, sayProblem } = messageLine(message);
  const field = (name, label) => el('label', {}, label, el('input', { type: 'password', name, required: true, autocomplete: name === 'current' ? 'current-password' : 'new-password' }));
  const form = el('form', { method: 'dialog' },
    el('h2', {}, '修改密码 ', el('small', {}, 'Change password')),
    field('current', '当前密码 Current'), field('next', '新密码 New (10+, letters and digits)'), field('again', '再输一次 Again'),
    message,
    el('menu', {},
      el('button', { type: 'submit', id: 'password-save' }, '保存 Save'),
      el('button', { type: 'button', onclick: () => dialog.close() }, '取消 Cancel')));
  const dialog = el('dialog', { id: 'password-dialog' }, form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    if (values.next !== values.again) return say('两次输入的新密码不一致 The new passwords differ.', 'error');
    try {
      await request('/api/session/password', { method: 'PUT', body: { currentPassword: values.current, newPassword: values.next } });
      form.reset();
      say('');
      dialog.close('changed');
    } catch (error) {
      sayProblem(error);
    }
  });
  document.body.append(dialog);
  return dialog;
}
