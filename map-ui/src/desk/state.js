// What the desk's modules share: the signed-in user, the side panels (one shown at a time), the
// message line (in Chinese, from ui/problem-text.js), and the way to move (go: grid, case,
// filter), which main.js wires to the URL so that Back and reload work.
import { el, messageLine } from '../ui/page.js';
import { problemText } from '../ui/problem-text.js';

export const desk = {
  me: null, // the signed-in user (GET /api/session)
  selectedGrid: null, // a grid code
  refreshes: 0, // how often the open panel followed live events (for the tests)
};

/** A message line that says a refused answer in Chinese; the service's own words on hover, for support. */
export function problemLine(node) {
  const line = messageLine(node);
  const say = (text, kind, problem) => {
    node.removeAttribute('title');
    line.say(text, kind, problem && { status: problem.status });
  };
  const sayProblem = (error, words) => {
    const { text, items } = problemText(error.problem, words);
    say(text, 'error', error.problem);
    if (items.length) node.append(el('ul', {}, items.map((item) => el('li', {}, item))));
    node.title = error.message;
  };
  return { say, sayProblem };
}

export const { say, sayProblem } = problemLine(document.getElementById('message'));

export const panels = Object.fromEntries(['hint', 'grid-panel', 'case-panel', 'area-panel', 'overdue-panel']
  .map((id) => [id, document.getElementById(id)]));

const onShow = [];
/** Calls back whenever the panels change (with the ids now shown). */
export const whenShown = (callback) => onShow.push(callback);

export function show(...ids) {
  for (const [id, panel] of Object.entries(panels)) panel.hidden = !ids.includes(id);
  for (const callback of onShow) callback(ids);
}

export const overdueOnly = document.getElementById('overdue-only');

/** Moves the desk: go({grid, case, overdue}) (a null drops one); set by main.js from url-state.js. */
export const nav = { go: () => {}, now: () => ({}) };
