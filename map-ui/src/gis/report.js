// The draft panel: the file's facts, the verdict, the actions, the problems and what publishing would move.
import { api, el } from '../ui/page.js';
import { discard, publish, recheck, repair } from './actions.js';
import { markCurrentDraft } from './lists.js';
import { CHECK_NAMES, STATE_NAMES, at, levelName, number } from './names.js';
import { showOnMap, showProblem } from './problem-map.js';
import { showJobProgress } from './progress.js';
import { draftPanel, say, sayProblem, state } from './state.js';
import { watch } from './upload.js';

const SHOWN_PROBLEMS = 300;

function facts(view) {
  const mapping = view.mapping || {};
  const fields = ['code', 'name', 'parent', 'head'].filter((k) => mapping[k]).map((k) => `${k}=${mapping[k]}`).join(' ');
  const rows = [
    ['文件 file', `${view.fileName || '–'}${view.format ? ` (${view.format})` : ''}`],
    ['层级 level', levelName(view.level)],
    ['范围 scope', view.scope || '全县 county'],
    ['坐标系 CRS', view.crs || '–'],
    ['字符编码 encoding', view.encoding || '–'],
    ['字段 fields', fields || '–'],
    ['基于版本 base', view.baseVersion != null ? `v${view.baseVersion}` : '–'],
    ['上传 uploaded', at(view.createdAt)],
  ];
  return el('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function problemItem(problem, index) {
  const repair = problem.repair
    ? ` · 可修复，面积变化 ${problem.repair.areaChangePercent.toFixed(3)}% (${problem.repair.areaChangeM2.toFixed(1)} m²)`
    : '';
  const area = problem.areaM2 != null ? ` · ${problem.areaM2.toFixed(1)} m²` : '';
  return el('li', {
    dataset: {
      index: String(index), severity: problem.severity, check: problem.check,
      feature: problem.feature != null ? String(problem.feature) : '', code: problem.code || '',
    },
  }, el('button', { type: 'button', title: problem.at ? '在地图上查看 show on the map' : '', onclick: () => pick(problem, index) },
    el('span', { class: 'icon', 'aria-label': problem.severity === 'error' ? '错误 error' : '警告 warning' }, problem.severity === 'error' ? '✖' : '▲'),
    el('span', { class: 'what' }, el('b', {}, CHECK_NAMES[problem.check] || problem.check), el('small', {}, problem.check), ' ',
      problem.feature != null ? `第 ${problem.feature} 个要素 ` : '', problem.code ? el('code', {}, problem.code) : null),
    el('span', { class: 'message' }, `${problem.message || ''}${area}${repair}`)));

  function pick(p, i) {
    for (const node of draftPanel.querySelectorAll('#problems li.chosen')) node.classList.remove('chosen');
    draftPanel.querySelector(`#problems li[data-index="${i}"]`)?.classList.add('chosen');
    showProblem(p);
  }
}

function changed(kind, name, part) {
  const codes = part?.codes || [];
  const more = (part?.count || 0) - Math.min(codes.length, 12);
  return el('li', { class: `change-${kind}`, dataset: { change: kind } },
    el('b', {}, `${name} ${kind} `, el('span', { class: 'count' }, String(part?.count ?? 0))), ' ',
    el('span', { class: 'codes' }, codes.slice(0, 12).join(' '), more > 0 ? ` … 另 ${more} 个` : ''));
}

function changesSummary(changes) {
  if (!changes) return null;
  const flows = (changes.households || []).slice(0, 10);
  const cases = (changes.cases || []).slice(0, 20);
  return el('div', { id: 'changes' },
    el('ul', { class: 'change-list' },
      changed('added', '新增', changes.added), changed('removed', '删除', changes.removed), changed('reshaped', '调整', changes.reshaped)),
    el('p', {}, '迁移户数 ', el('small', {}, 'households moving'), ' ', el('b', { id: 'households-moving' }, number(changes.householdsMoving)), ' 户'),
    flows.length ? el('table', { id: 'household-flows' },
      el('thead', {}, el('tr', {}, ['从 from', '到 to', '户数 households'].map((h) => el('th', {}, h)))),
      el('tbody', {}, flows.map((f) => el('tr', {}, el('td', {}, f.from || '–'), el('td', {}, f.to || '–'), el('td', {}, number(f.households))))),
      (changes.households || []).length > flows.length ? el('caption', {}, `最大的 ${flows.length} 股 (the biggest flows)`) : null) : null,
    el('p', {}, '迁移在办案件 ', el('small', {}, 'open cases moving'), ' ', el('b', { id: 'cases-moving' }, number(changes.casesMoving)), ' 件'),
    cases.length ? el('table', { id: 'case-moves' },
      el('thead', {}, el('tr', {}, ['案件 case', '网格 grid', '承办单位 unit'].map((h) => el('th', {}, h)))),
      el('tbody', {}, cases.map((c) => el('tr', { dataset: { case: c.code } },
        el('td', {}, el('code', {}, c.code)), el('td', {}, `${c.from || '–'} → ${c.to || '–'}`),
        el('td', {}, c.unitFrom === c.unitTo ? (c.unitTo || '–') : el('b', {}, `${c.unitFrom || '–'} → ${c.unitTo || '–'}`)))))) : null);
}

export function showDraft(view) {
  const fresh = state.draft?.id !== view.id;
  state.draft = view;
  draftPanel.hidden = false;
  draftPanel.dataset.draft = String(view.id);
  draftPanel.dataset.state = view.state;
  const report = view.report;
  const running = view.state === 'reading' || view.state === 'checking';
  const repairable = (report?.problems || []).some((p) => p.repair);
  const problems = report?.problems || [];
  const button = (id, text, onclick, { disabled = false, hidden = false, kind = null } = {}) =>
    el('button', { type: 'button', id, onclick, disabled: disabled || running, hidden, class: kind }, ...text);

  // replaceChildren would write a null as the text "null": only the parts there are.
  draftPanel.replaceChildren(...[
    el('h2', {}, `草稿 #${view.id} `, el('span', { class: 'state', dataset: { state: view.state } }, `${STATE_NAMES[view.state] || view.state} ${view.state}`),
      el('br'), el('small', { class: 'draft-label' }, view.label || '')),
    facts(view),
    view.failure ? el('div', { class: 'verdict', id: 'failure', dataset: { publishable: 'false' } }, view.failure.detail || view.failure.title || '失败 failed',
      view.failure.errors?.length ? el('ul', {}, view.failure.errors.map((e) => el('li', {}, e.field ? `${e.field}: ${e.message}` : e.message))) : null) : null,
    report ? el('div', { class: 'counts' },
      el('div', { class: 'errors' }, el('b', { id: 'count-errors' }, String(report.errors)), '错误 errors'),
      el('div', { class: 'warnings' }, el('b', { id: 'count-warnings' }, String(report.warnings)), '警告 warnings'),
      el('div', {}, el('b', { id: 'count-features' }, String(report.features)), '要素 features'),
      el('div', {}, el('b', { id: 'count-grids' }, String(report.grids)), '网格 grids')) : null,
    report ? el('p', { class: 'verdict', id: 'verdict', dataset: { publishable: String(report.publishable) } },
      report.publishable ? '✔ 可以发布 publishable' : '✖ 有错误，不能发布 has errors: not publishable',
      el('small', {}, ` · 检查于 checked ${at(report.checkedAt)}，对照版本 v${report.baseVersion}`)) : null,
    el('div', { class: 'actions' },
      button('repair', ['应用修复 ', el('small', {}, 'apply repairs')], repair, { hidden: !repairable || view.state !== 'ready' }),
      button('recheck', ['重新检查 ', el('small', {}, 'check again')], recheck, { hidden: view.state !== 'ready' }),
      button('publish', ['发布 ', el('small', {}, 'publish')], publish,
        { disabled: view.state !== 'ready' || !report?.publishable, hidden: view.state === 'published' || view.state === 'failed', kind: 'primary' }),
      button('discard', ['删除草稿 ', el('small', {}, 'delete draft')], discard, { hidden: view.state === 'published', kind: 'danger' })),
    report ? el('h3', {}, `问题 `, el('small', {}, 'problems'), ` (${problems.length})`) : null,
    report ? (problems.length
      ? el('ol', { id: 'problems' }, problems.slice(0, SHOWN_PROBLEMS).map(problemItem))
      : el('p', { class: 'empty', id: 'problems-none' }, '没有发现问题 no problems found')) : null,
    problems.length > SHOWN_PROBLEMS ? el('p', { class: 'empty' }, `只列出前 ${SHOWN_PROBLEMS} 条，共 ${problems.length} 条`) : null,
    report ? el('h3', {}, '变化 ', el('small', {}, 'changes')) : null,
    report ? changesSummary(report.changes) : null,
  ].filter(Boolean));
  if (running) showJobProgress(view.state, view.progress);
  if (fresh) draftPanel.scrollIntoView({ block: 'start' });
  showOnMap(view, fresh);
  markCurrentDraft();
}

export async function openDraft(id) {
  try {
    const view = await api(`/api/boundaries/drafts/${id}`);
    say('');
    showDraft(view);
    if (view.state === 'reading' || view.state === 'checking') watch(view.id);
  } catch (error) {
    sayProblem(error);
  }
}

