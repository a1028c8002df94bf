// The form that makes a user (POST /api/users). Only the fields the chosen role has are shown:
// an officer's grid, a handler's unit, a password for those who sign in; walls and Open311
// clients get tokens instead. The service checks everything and its errors are shown by field.
import { ROLE_NAMES, api, messageLine } from '../ui/page.js';

/** Which optional fields each role has (the service's rule, mirrored only to show the right inputs). */
const FIELDS_OF_ROLE = {
  admin: ['password'], gis: ['password'], officer: ['officer', 'password'], handler: ['handler', 'password'],
  wall: ['token'], open311: ['token'],
};
const INPUT_OF_FIELD = { officer: 'grid', handler: 'unit', password: 'password' };

export function newUserForm({ form, alertLine, onMade }) {
  const { say, sayProblem } = messageLine(alertLine);
  const role = form.elements.role;
  role.replaceChildren(...Object.entries(ROLE_NAMES).map(([code, name]) => new Option(name, code)));
  role.value = 'officer';

  function showFieldsOfRole() {
    const shown = FIELDS_OF_ROLE[role.value];
    for (const node of form.querySelectorAll('[data-for]')) {
      const on = shown.includes(node.dataset.for);
      node.hidden = !on;
      const input = form.elements[INPUT_OF_FIELD[node.dataset.for]];
      if (input) input.required = on;
    }
  }
  role.addEventListener('change', showFieldsOfRole);
  showFieldsOfRole();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    const shown = FIELDS_OF_ROLE[values.role];
    const body = { username: values.username.trim(), displayName: values.displayName.trim(), role: values.role };
    for (const [field, input] of Object.entries(INPUT_OF_FIELD)) {
      if (shown.includes(field) && values[input]) body[input] = input === 'password' ? values[input] : values[input].trim();
    }
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const user = await api('/api/users', { method: 'POST', body });
      form.reset();
      role.value = user.role;
      showFieldsOfRole();
      say(`已新建用户 ${user.username}（${ROLE_NAMES[user.role]}）。`, 'ok');
      await onMade(user);
    } catch (error) {
      sayProblem(error);
      form.elements.password.value = '';
    } finally {
      submit.disabled = false;
    }
  });
}
