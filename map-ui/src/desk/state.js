// What the desk's modules share: the signed-in user, the side panels (one shown at a time), the
// message line, and the two ways to move (open a grid, open a case), which main.js wires.
import { messageLine } from '../ui/page.js';

export const desk = {
  me: null, // the signed-in user (GET /api/session)
  selectedGrid: null, // a grid code
  refreshes: 0, // how often the open panel followed live events (for the tests)
};

export const { say, sayProblem } = messageLine(document.getElementById('message'));

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

/** Moves between grids and cases; set by main.js so that the panels need not import each other. */
export const nav = {
  openGrid: () => {},
  openCase: () => {},
};
