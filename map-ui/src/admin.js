// The admin page (/admin): users and their tokens, for administrators. List users, make one,
// disable and enable, unlock one locked by failed sign-ins, see a user's tokens and sessions,
// revoke them, and make a token: a wall's display token is shown once as the link that enrols
// the wall and its QR code. Anyone else signed in is told, in the page, that it is for admins.
import { ROLE_NAMES, messageLine, showUser } from './ui/page.js';
import { usersTable } from './admin/users.js';
import { newUserForm } from './admin/new-user.js';
import { tokensPanel } from './admin/tokens.js';
import { secretDialog } from './admin/secret.js';

const { say, sayProblem } = messageLine(document.getElementById('message'));

function refuse(me) {
  const refused = document.getElementById('refused');
  refused.hidden = false;
  refused.querySelector('.detail').textContent = `当前登录的 ${me.displayName || me.username}（${ROLE_NAMES[me.role] || me.role}）`
    + '不是管理员，不能管理用户和令牌。请退出后用管理员账号登录，或请管理员代为办理。';
  document.body.dataset.state = 'refused';
}

async function main() {
  const me = await showUser({ onError: sayProblem }); // signed in, or off to the sign-in page
  if (me.role !== 'admin') return refuse(me);

  const tokens = tokensPanel({
    panel: document.getElementById('tokens-panel'),
    form: document.getElementById('new-token'),
    alertLine: document.getElementById('new-token-message'),
    secret: secretDialog(document.getElementById('secret-dialog')),
    say,
    sayProblem,
  });
  const users = usersTable({ tbody: document.querySelector('#users tbody'), me, say, sayProblem, onTokens: tokens.open });
  newUserForm({
    form: document.getElementById('new-user'),
    alertLine: document.getElementById('new-user-message'),
    onMade: async (user) => {
      await users.load();
      if (user.role === 'wall' || user.role === 'open311') await tokens.open(user);
    },
  });
  document.getElementById('reload').addEventListener('click', async () => {
    say('');
    await users.load();
    await tokens.reload();
  });

  document.getElementById('admin').hidden = false;
  await users.load();
  document.body.dataset.state = 'ready';
}

main().catch(sayProblem);
