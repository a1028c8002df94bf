// The worker's page (/worker, a phone): record a screening round (排查) and the day's patrol report
// (每日必学、必巡、必察、必报), each with a finding that can be taken in as a case (立案), and the
// worker's own records. Only the worker's own rounds and reports are listed: the service answers no more.
import { api, el, messageLine, showUser } from '../ui/page.js';
import './worker.css';

const { say, sayProblem } = messageLine(document.getElementById('message'));

/** Grid codes typed with commas or spaces (full-width ones too), empty ones dropped. */
function codes(text) {
  return text.split(/[\s,，、]+/).filter(Boolean);
}

/** The finding of a form's fieldset, or none when its title is empty. */
function finding(form) {
  const title = form.elements.title.value.trim();
  if (!title) return [];
  const description = form.elements.description?.value.trim();
  return [{ title, category: form.elements.category.value, ...(description ? { description } : {}) }];
}

async function takeIn(kind, id) {
  try {
    const taken = await api(`/api/${kind}/${id}/findings/1/case`, { method: 'POST' });
    say(`已立案：${taken.caseCode}`, 'ok');
    await showMine();
  } catch (error) {
    sayProblem(error);
  }
}

function record(kind, item, label) {
  const found = item.findings[0];
  return el('li', { dataset: { kind, id: item.id } },
    el('span', {}, label),
    found ? el('span', {}, `发现：${found.title}`) : null,
    found && found.caseCode ? el('span', { class: 'case' }, `已立案 ${found.caseCode}`) : null,
    found && !found.caseCode ? el('button', { type: 'button', class: 'take-in', onclick: () => takeIn(kind, item.id) }, '立案') : null);
}

async function showMine() {
  const [rounds, reports] = await Promise.all([api('/api/rounds?limit=10'), api('/api/patrol-reports?limit=10')]);
  document.getElementById('my-records').replaceChildren(
    ...rounds.map((r) => record('rounds', r, `排查 ${r.gridName || r.grid} · ${r.doneOn}`)),
    ...reports.map((r) => record('patrol-reports', r, `巡察报告 · ${r.day}`)));
}

function whenSubmitted(form, send) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      say(await send(form), 'ok');
      form.reset();
      prefill();
      await showMine();
    } catch (error) {
      sayProblem(error);
    } finally {
      button.disabled = false;
    }
  });
}

let me = null;

/** The worker's own grid where a grid is asked for: what it is most often. */
function prefill() {
  document.getElementById('round-grid').value = me.grid || '';
  document.getElementById('patrol-visited').value = me.grid || '';
}

whenSubmitted(document.getElementById('round-form'), async (form) => {
  const visited = codes(form.elements.visited.value);
  const notes = form.elements.notes.value.trim();
  const round = await api('/api/rounds', {
    method: 'POST',
    body: { grid: form.elements.grid.value.trim(), ...(visited.length ? { visited } : {}), ...(notes ? { notes } : {}), findings: finding(form) },
  });
  return `排查已记录（${round.levelName} ${round.gridName || round.grid}，${round.doneOn}）`;
});

whenSubmitted(document.getElementById('patrol-form'), async (form) => {
  const report = await api('/api/patrol-reports', {
    method: 'POST',
    body: {
      studied: form.elements.studied.value.trim(), visited: codes(form.elements.visited.value),
      observed: form.elements.observed.value.trim(), findings: finding(form),
    },
  });
  return `今日巡察报告已提交（${report.day}）`;
});

(async () => {
  try {
    me = await showUser({ onError: sayProblem });
    const categories = await api('/api/cases/categories');
    for (const id of ['round-finding-category', 'patrol-finding-category']) {
      document.getElementById(id).replaceChildren(...categories.map((c) => el('option', { value: c.code }, c.name)));
    }
    prefill();
    await showMine();
    document.body.dataset.ready = 'true';
  } catch (error) {
    sayProblem(error);
  }
})();
