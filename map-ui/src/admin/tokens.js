// One user's tokens and sessions (GET /api/users/{username}/tokens): label, kind, made, expiry,
// last use, state, and revoking; and the form that makes a new token, whose secret goes to the
// one-time dialog. A wall's token is a display token: the dialog shows the wall's link and QR code.
import { api, el, messageLine } from '../ui/page.js';
import { ahead, at } from './format.js';

const KIND_NAMES = { token: '令牌', session: '会话' };

function stateOf(token) {
  if (token.revokedAt) return ['revoked', `已撤销 ${at(token.revokedAt)}`];
  if (token.expiresAt && !ahead(token.expiresAt)) return ['expired', '已过期'];
  return ['live', '有效'];
}

export function tokensPanel({ panel, form, alertLine, secret, say, sayProblem }) {
  const { say: sayInForm, sayProblem: sayProblemInForm } = messageLine(alertLine);
  const tbody = panel.querySelector('#tokens tbody');
  const submit = form.querySelector('button[type=submit]');
  let user = null;

  const path = () => `/api/users/${encodeURIComponent(user.username)}/tokens`;

  async function revoke(token) {
    if (!window.confirm(`撤销「${token.label || KIND_NAMES[token.kind]}」？使用它的大屏或系统将立即失去访问。`)) return;
    try {
      await api(`${path()}/${token.id}`, { method: 'DELETE' });
      say(`已撤销「${token.label || KIND_NAMES[token.kind]}」。`, 'ok');
    } catch (error) {
      sayProblem(error);
    }
    await load();
    form.elements.label.focus();
  }

  function row(token) {
    const [state, stateText] = stateOf(token);
    return el('tr', { dataset: { token: token.id, state } },
      el('td', {}, token.label || '–'),
      el('td', {}, KIND_NAMES[token.kind] || token.kind),
      el('td', {}, at(token.createdAt)),
      el('td', {}, token.expiresAt ? at(token.expiresAt) : '长期'),
      el('td', {}, at(token.lastUsedAt)),
      el('td', { class: state }, stateText),
      el('td', {}, state === 'revoked' ? null : el('button', {
        type: 'button', dataset: { action: 'revoke' }, 'aria-label': `撤销 ${token.label || token.id}`, onclick: () => revoke(token),
      }, '撤销')));
  }

  async function load() {
    try {
      const tokens = await api(path());
      tbody.replaceChildren(...(tokens.length ? tokens.map(row) : [el('tr', {}, el('td', { colspan: 7 }, '暂无令牌或会话'))]));
    } catch (error) {
      sayProblem(error);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    const body = { label: values.label.trim(), ...(values.days ? { days: Number(values.days) } : {}) };
    submit.disabled = true;
    sayInForm('');
    try {
      const made = await api(path(), { method: 'POST', body });
      form.reset();
      await load();
      await secret.show(made, { forWall: user.role === 'wall', username: user.username });
    } catch (error) {
      sayProblemInForm(error);
    } finally {
      submit.disabled = false;
    }
  });

  /** Shows the tokens of a user ({username, role, ...}) and moves the keyboard there. */
  async function open(chosen) {
    user = chosen;
    panel.hidden = false;
    panel.dataset.user = user.username;
    panel.querySelector('#tokens-user').textContent = `${user.displayName}（${user.username}）`;
    submit.replaceChildren(user.role === 'wall' ? '生成大屏令牌 ' : '生成令牌 ', el('small', {}, 'make token'));
    form.elements.label.placeholder = user.role === 'wall' ? '如 指挥中心大屏' : '如 12345 热线对接';
    await load();
    form.elements.label.focus();
  }

  return { open, reload: () => (user ? load() : null) };
}
