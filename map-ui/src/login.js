// The sign-in page (/login): user name and password for the desk and the GIS page, or a wall's
// display token. Afterwards the browser goes back where it came from (?next=, a path of this
// service only, never another site), else to the page of the user's role.
import { messageLine, request } from './ui/page.js';

const PAGE_OF_ROLE = { admin: '/desk', officer: '/desk', handler: '/desk', gis: '/gis', wall: '/wall', worker: '/worker' };

/** ?next= when it is a path on this service, else null. //host and /\host are other sites to a browser. */
function nextPath() {
  const next = new URLSearchParams(location.search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return new URL(next, location.origin).origin === location.origin ? next : null;
}

/** Sends a form with send(values), which answers where to go; a refusal is shown in the form's alert line. */
function whenSubmitted(form, alertLine, send) {
  const { say, sayProblem } = messageLine(alertLine);
  const button = form.querySelector('button[type=submit]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    say('');
    try {
      location.assign(await send(new FormData(form)));
    } catch (error) {
      sayProblem(error);
      form.querySelector('input[type=password]').value = '';
      button.disabled = false;
    }
  });
}

whenSubmitted(document.getElementById('sign-in'), document.getElementById('message'), async (values) => {
  const { data: me } = await request('/api/session', {
    method: 'POST', anonymous: true, body: { username: values.get('username').trim(), password: values.get('password') },
  });
  return nextPath() || PAGE_OF_ROLE[me.role] || '/';
});

whenSubmitted(document.getElementById('display'), document.getElementById('display-message'), async (values) => {
  await request('/api/session/display', { method: 'POST', anonymous: true, body: { token: values.get('token').trim() } });
  return '/wall';
});
