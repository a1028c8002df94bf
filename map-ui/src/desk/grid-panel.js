// A grid's panel (its facts and its cases, or only its facts outside the officer's scope) and
// the county's overdue list.
import { el, request } from '../ui/page.js';
import { caseTable, filterQuery } from './case-list.js';
import { highlight } from './map.js';
import { desk, nav, overdueOnly, panels, say, sayProblem, show } from './state.js';

const OPEN_STATES = 'received,accepted,dispatched,claimed,contacted,replied,finished,evaluated';

export async function openGrid(code, { quiet = false } = {}) {
  desk.selectedGrid = code;
  highlight(code);
  const query = `grid=${code}&status=${OPEN_STATES}&sort=due&size=50${filterQuery(nav.now())}`;
  try {
    // A grid beside an officer's own is not theirs to list (403): its facts are shown, its cases not.
    const cases = request(`/api/cases?${query}`).then(({ data }) => data, (error) => {
      if (error.problem?.status === 403) return null;
      throw error;
    });
    const [{ data: grid }, page, duty] = await Promise.all([request(`/api/grids/${code}`), cases, dutyOf(code)]);
    if (desk.selectedGrid !== code) return; // another grid was clicked meanwhile
    const panel = panels['grid-panel'];
    panel.dataset.grid = code;
    panel.replaceChildren(
      el('h2', {}, grid.name, ' ', el('small', {}, `${grid.levelName || grid.level}`),
        el('button', { type: 'button', class: 'close', id: 'grid-close', title: '取消选择该网格', onclick: () => nav.go({ grid: null, case: null }) }, '×')),
      el('dl', { class: 'facts' },
        el('dt', {}, '网格编码'), el('dd', { class: 'grid-code' }, grid.code),
        el('dt', {}, '名称'), el('dd', { class: 'grid-name' }, grid.name),
        el('dt', {}, '网格长'), el('dd', { class: 'grid-head' }, grid.head || '–'),
        el('dt', {}, '网格员'), el('dd', {}, String(grid.workers ?? '–')),
        duty ? dutyFacts(duty) : null,
        el('dt', {}, '户数'), el('dd', { class: 'grid-households' }, String(grid.counts?.households ?? '–')),
        el('dt', {}, '在办案件'), el('dd', { class: 'grid-open' }, String(grid.counts?.openCases ?? '–')),
        grid.parent ? [el('dt', {}, '上级'), el('dd', {}, el('button', { type: 'button', class: 'link', title: `网格编码 ${grid.parent.code}`,
          onclick: () => nav.go({ grid: grid.parent.code, case: null }) }, grid.parent.name))] : null),
      ...(page ? [el('h3', {}, '近8周案件 ', el('small', {}, '按接收时间')), trendChart(code),
        el('h3', {}, overdueOnly.checked ? '超期案件' : '案件（未归档）', printButton()),
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

// Who answers for a grid and how its duties stand: the heads from the township down (with the
// county's titles), who is on duty today, rounds missed in the last 30 days, open class-一 risks.
// Null outside the officer's scope (the service refuses) or for a role that may not see them.
async function dutyOf(code) {
  if (!['admin', 'officer', 'handler'].includes(desk.me?.role)) return null;
  const quietly = (path) => request(path).then(({ data }) => data, () => null);
  const [people, missed, risks] = await Promise.all([quietly(`/api/grids/${code}/people`),
    quietly(`/api/rounds/missed?grid=${code}&limit=1`), quietly(`/api/risk-register/counts?grid=${code}`)]);
  return people ? { people, missed, risks } : null;
}

const personLine = (p) => el('span', { class: 'person', title: p.phone || '' }, `${p.title || p.kindLabel} ${p.name}`);

function dutyFacts({ people, missed, risks }) {
  const heads = people.heads.filter((h) => h.level !== 'county');
  return [
    el('dt', {}, '责任人'), el('dd', { class: 'grid-heads' }, heads.length ? heads.map(personLine) : '–'),
    el('dt', {}, '今日值班'), el('dd', { class: 'on-duty' },
      people.onDutyToday.length ? people.onDutyToday.slice(0, 6).map((p) => el('span', { class: 'person', title: p.phone || '' }, p.name))
        : (people.workingDay ? '–' : '休息日')),
    // Spread: the element builder flattens one level of arrays only.
    ...(missed ? [el('dt', {}, '漏排查'), el('dd', { class: missed.total ? 'rounds-missed flagged' : 'rounds-missed' },
      `近30天 ${missed.total} 次`)] : []),
    ...(risks ? [el('dt', {}, '稳定风险'), el('dd', { class: risks.classOne ? 'risk-class-one flagged' : 'risk-class-one' },
      `一类 ${risks.classOne} · 二类 ${risks.classTwo} · 三类 ${risks.classThree}`)] : []),
  ];
}

export async function listOverdue(county) {
  try {
    const { data: page } = await request(`/api/cases?grid=${desk.me?.grid || county}&sort=due&size=100${filterQuery({ ...nav.now(), overdue: true })}`);
    const where = desk.me?.gridName && desk.me.grid !== county ? desk.me.gridName : '全县';
    panels['overdue-panel'].replaceChildren(el('h2', {}, `${where}超期案件 `, el('small', { class: 'overdue-total' }, `共 ${page.total} 件`),
      printButton()),
      caseTable(page.items, page.total));
    show('overdue-panel');
  } catch (error) {
    sayProblem(error);
  }
}

const printButton = () => el('button', { type: 'button', class: 'print', onclick: () => window.print() }, '打印');

const WEEKS = 8;
const WEEK_MS = 7 * 24 * 3600 * 1000;
const SVG = 'http://www.w3.org/2000/svg';

// A grid's cases received per week over the last 8 weeks, as bars: the case list's totals of each
// week (size=1 reads the total only; no API of its own is needed).
let lastTrend = null; // {code, at, svg}: a refresh of the same grid's panel (a live event) keeps the chart a minute

function trendChart(code) {
  if (lastTrend?.code === code && Date.now() - lastTrend.at < 60000) return lastTrend.svg;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'trend');
  svg.setAttribute('viewBox', `0 0 ${WEEKS * 10} 40`);
  svg.setAttribute('role', 'img');
  const now = Date.now();
  const weeks = Array.from({ length: WEEKS }, (_, i) => [new Date(now - (WEEKS - i) * WEEK_MS), new Date(now - (WEEKS - i - 1) * WEEK_MS)]);
  Promise.all(weeks.map(([from, to]) => request(`/api/cases?grid=${code}&from=${encodeURIComponent(from.toISOString())}`
    + `&to=${encodeURIComponent(to.toISOString())}&size=1`).then(({ data }) => data.total)))
    .then((totals) => {
      const most = Math.max(1, ...totals);
      svg.setAttribute('aria-label', `近8周每周案件数：${totals.join('、')}`);
      svg.dataset.totals = totals.join(',');
      totals.forEach((n, i) => {
        const bar = document.createElementNS(SVG, 'rect');
        const height = (n / most) * 34;
        Object.entries({ x: i * 10 + 1, y: 36 - height, width: 8, height: Math.max(height, 0.5) }).forEach(([k, v]) => bar.setAttribute(k, v));
        const title = document.createElementNS(SVG, 'title');
        title.textContent = `${weeks[i][0].toLocaleDateString('zh-CN')} 起一周：${n} 件`;
        bar.append(title);
        svg.append(bar);
      });
    }, () => svg.remove());
  lastTrend = { code, at: Date.now(), svg };
  return svg;
}
