// The users table: who there is, with role, scope, enabled and lock, and what an administrator
// does to each: open its tokens, disable or enable it, unlock it after failed sign-ins. After a
// change the table is drawn again and the keyboard focus put back on the row's next action.
import { ROLE_NAMES, api, el } from '../ui/page.js';
import { ahead, at } from './format.js';

export function usersTable({ tbody, me, say, sayProblem, onTokens }) {
  let users = [];

  const path = (username) => `/api/users/${encodeURIComponent(username)}`;

  async function change(user, body, done) {
    try {
      await api(path(user.username), { method: 'PATCH', body });
      say(done, 'ok');
    } catch (error) {
      sayProblem(error);
    }
  }

  const ACTIONS = {
    tokens: (user) => onTokens(user),
    disable: async (user) => {
      const sure = window.confirm(`停用用户 ${user.username}？\n其会话立即结束，令牌永久撤销（重新启用也不会恢复，需重新生成）。`);
      if (sure) await change(user, { enabled: false }, `已停用 ${user.username}：会话已结束，令牌已撤销。`);
      return sure ? 'enable' : 'disable';
    },
    enable: async (user) => {
      await change(user, { enabled: true }, `已启用 ${user.username}。原有令牌不会恢复；如需要请重新生成。`);
      return 'disable';
    },
    unlock: async (user) => {
      await change(user, { unlock: true }, `已解锁 ${user.username}，登录失败次数重新计算。`);
      return 'tokens';
    },
  };

  function button(user, action, label, hint) {
    return el('button', {
      type: 'button', dataset: { action, user: user.username }, 'aria-label': `${label} ${user.username}`,
      onclick: async () => {
        const next = await ACTIONS[action](user);
        if (next) await load({ username: user.username, action: next });
      },
    }, label, hint ? ' ' : null, hint ? el('small', {}, hint) : null);
  }

  function row(user) {
    const locked = ahead(user.lockedUntil);
    const self = user.username === me.username;
    const scope = user.grid ? `网格 ${user.grid}` : user.unit ? `单位 ${user.unit}` : '–';
    return el('tr', { dataset: { user: user.username, enabled: String(user.enabled), locked: String(locked) } },
      el('td', {}, el('code', {}, user.username)),
      el('td', {}, user.displayName),
      el('td', {}, ROLE_NAMES[user.role] || user.role),
      el('td', {}, scope),
      el('td', { class: 'state' },
        el('span', { class: user.enabled ? 'on' : 'off' }, user.enabled ? '启用' : '已停用'),
        locked ? el('span', { class: 'locked' }, ` · 锁定至 ${at(user.lockedUntil)}`) : null),
      el('td', { class: 'actions' },
        button(user, 'tokens', '令牌'),
        self ? el('small', {}, '（当前登录，不能停用自己）')
          : user.enabled ? button(user, 'disable', '停用') : button(user, 'enable', '启用'),
        locked ? button(user, 'unlock', '解锁') : null));
  }

  /** Reads the users again and draws them; focus: {username, action} of the button to focus afterwards. */
  async function load(focus = null) {
    try {
      users = await api('/api/users');
    } catch (error) {
      sayProblem(error);
      return;
    }
    tbody.replaceChildren(...users.map(row));
    if (focus) {
      const rowNode = [...tbody.rows].find((r) => r.dataset.user === focus.username);
      (rowNode?.querySelector(`[data-action="${focus.action}"]`) || rowNode?.querySelector('button'))?.focus();
    }
  }

  return { load, find: (username) => users.find((u) => u.username === username) };
}
