// A grid's panel (its facts and its cases, or only its facts outside the officer's scope) and
// the county's overdue list.
import { el, request } from '../ui/page.js';
import { caseTable } from './case-list.js';
import { highlight } from './map.js';
import { desk, nav, overdueOnly, panels, say, sayProblem, show } from './state.js';

const OPEN_STATES = 'received,accepted,dispatched,claimed,contacted,replied,finished,evaluated';

export async function openGrid(code, { quiet = false } = {}) {
  desk.selectedGrid = code;
  highlight(code);
  const query = `grid=${code}&status=${OPEN_STATES}&sort=due&size=50${overdueOnly.checked ? '&overdue=true' : ''}`;
  try {
    // A grid beside an officer's own is not theirs to list (403): its facts are shown, its cases not.
    const cases = request(`/api/cases?${query}`).then(({ data }) => data, (error) => {
      if (error.problem?.status === 403) return null;
      throw error;
    });
    const [{ data: grid }, page] = await Promise.all([request(`/api/grids/${code}`), cases]);
    if (desk.selectedGrid !== code) return; // another grid was clicked meanwhile
    const panel = panels['grid-panel'];
    panel.dataset.grid = code;
    panel.replaceChildren(
      el('h2', {}, grid.name, ' ', el('small', {}, `${grid.levelName || grid.level}`)),
      el('dl', { class: 'facts' },
        el('dt', {}, '网格编码 code'), el('dd', { class: 'grid-code' }, grid.code),
        el('dt', {}, '名称 name'), el('dd', { class: 'grid-name' }, grid.name),
        el('dt', {}, '网格长 head'), el('dd', { class: 'grid-head' }, grid.head || '–'),
        el('dt', {}, '网格员 workers'), el('dd', {}, String(grid.workers ?? '–')),
        el('dt', {}, '户数 households'), el('dd', { class: 'grid-households' }, String(grid.counts?.households ?? '–')),
        el('dt', {}, '在办案件 open cases'), el('dd', { class: 'grid-open' }, String(grid.counts?.openCases ?? '–')),
        grid.parent ? [el('dt', {}, '上级 parent'), el('dd', {}, el('button', { type: 'button', class: 'link', onclick: () => nav.openGrid(grid.parent.code) },
          `${grid.parent.name} ${grid.parent.code}`))] : null),
      ...(page ? [el('h3', {}, overdueOnly.checked ? '超期案件 overdue cases' : '案件 cases (未归档 not archived)'),
        caseTable(page.items, page.total)]
        : [el('p', { class: 'outside-scope' }, '该网格不在您的辖区内，其案件由所在辖区办理。')]));
    if (!quiet) {
      show('grid-panel');
      say('');
    } else if (panels['case-panel'].hidden) show('grid-panel');
  } catch (error) {
    sayProblem(error);
  }
}

export async function listOverdue(county) {
  try {
    const { data: page } = await request(`/api/cases?grid=${desk.me?.grid || county}&overdue=true&sort=due&size=100`);
    panels['overdue-panel'].replaceChildren(el('h2', {}, '超期案件 ', el('small', {}, `overdue in the county: ${page.total}`)),
      caseTable(page.items, page.total));
    show('overdue-panel');
  } catch (error) {
    sayProblem(error);
  }
}
