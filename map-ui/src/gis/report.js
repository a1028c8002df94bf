// The draft panel: the file's facts, the verdict, the actions, the problems and what publishing would move.
import { api, el } from '../ui/page.js';
import { discard, publish, recheck, repair } from './actions.js';
import { markCurrentDraft } from './lists.js';
import { LEVELS, STATE_NAMES, at, levelName, number } from './names.js';
import { flyToGrid, showOnMap, showProblem, showProblemsOfKind } from './problem-map.js';
import { kindName, problemText } from './problem-text.js';
import { draftProgress } from './progress.js';
import { draftPanel, levelSelect, say, sayProblem, state } from './state.js';
import { watch } from './upload.js';

const SHOWN_PROBLEMS = 300;

/** Who uploaded a draft: 我 for one's own, else their name (username on hover). */
export function uploader(view) {
  const by = view.uploadedBy;
  if (!by) return el('span', { class: 'uploader' }, '–');
  const mine = by.username === state.me?.username;
  return el('span', { class: mine ? 'uploader mine' : 'uploader other', title: by.username, dataset: { uploader: by.username } },
    mine ? '我' : (by.displayName || by.username));
}

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
    ['上传人 by', uploader(view)],
  ];
  return el('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** What the codes' length says about the level, and the level pre-selected for the next upload when it differs. */
function levelNote(report) {
  const s = report?.levelFromCodes;
  if (!s) return null;
  const fits = s.level === report.level;
  if (!fits && LEVELS[s.level]) levelSelect.value = s.level;
  const why = `${number(s.codes)} 个编码中 ${number(s.matching)} 个为 ${s.digits} 位，是「${LEVELS[s.level]?.name || s.level}」的编码`;
  return el('p', { id: 'level-note', class: fits ? 'note' : 'note warn', dataset: { level: s.level, fits: String(fits) } },
    fits ? `层级按编码长度核对无误：${why}。` : `按编码长度判断应为「${LEVELS[s.level]?.name || s.level}」：${why}。上传表单已改选该层级，请重新上传。`);
}

function problemItem(problem, index, report) {
  const repair = problem.repair
    ? ` · 可修复，面积变化 ${problem.repair.areaChangePercent.toFixed(3)}% (${problem.repair.areaChangeM2.toFixed(1)} m²)`
    : '';
  return el('li', {
    dataset: {
      index: String(index), severity: problem.severity, check: problem.check,
      feature: problem.feature != null ? String(problem.feature) : '', code: problem.code || '',
    },
  }, el('button', { type: 'button', title: problem.message || '', onclick: () => pick(problem, index) },
    el('span', { class: 'icon', 'aria-label': problem.severity === 'error' ? '错误' : '警告' }, problem.severity === 'error' ? '✖' : '▲'),
    el('span', { class: 'what' }, el('b', {}, kindName(problem.check)), ' ',
      problem.feature != null ? `第 ${problem.feature} 个要素 ` : '', problem.code ? el('code', {}, problem.code) : null),
    el('span', { class: 'message' }, `${problemText(problem, report)}${repair}`)));

  function pick(p, i) {
    for (const node of draftPanel.querySelectorAll('#problems li.chosen')) node.classList.remove('chosen');
    draftPanel.querySelector(`#problems li[data-index="${i}"]`)?.classList.add('chosen');
    showProblem(p);
  }
}

/** The problems of one kind (or all), at most SHOWN_PROBLEMS of them, keeping their index in the report. */
function problemList(report, kind) {
  const all = report.problems.map((p, i) => [p, i]).filter(([p]) => !kind || p.check === kind);
  return [
    el('ol', { id: 'problems' }, all.slice(0, SHOWN_PROBLEMS).map(([p, i]) => problemItem(p, i, report))),
    all.length > SHOWN_PROBLEMS ? el('p', { class: 'empty', id: 'problems-more' }, `只列出前 ${SHOWN_PROBLEMS} 条，共 ${all.length} 条；可按类型筛选或导出全部`) : null,
  ].filter(Boolean);
}

/** The filter by kind (with counts) and the exports, over the list. */
function problemsSection(view) {
  const report = view.report;
  const counts = new Map();
  for (const p of report.problems) counts.set(p.check, (counts.get(p.check) || 0) + 1);
  const box = el('div', { id: 'problem-box' }, ...problemList(report, ''));
  const filter = el('select', { id: 'problem-filter', 'aria-label': '按类型筛选' },
    el('option', { value: '' }, `全部类型 (${report.problems.length})`),
    [...counts].map(([check, n]) => el('option', { value: check }, `${kindName(check)} (${n})`)));
  filter.addEventListener('change', () => {
    box.replaceChildren(...problemList(report, filter.value));
    showProblemsOfKind(filter.value);
  });
  const base = `/api/boundaries/drafts/${view.id}/problems`;
  return el('div', {},
    el('div', { class: 'problem-tools' }, filter, ' 导出 ',
      el('a', { id: 'export-csv', href: `${base}.csv`, download: `draft-${view.id}-problems.csv` }, 'CSV'), ' ',
      el('a', { id: 'export-geojson', href: `${base}.geojson`, download: `draft-${view.id}-problems.geojson` }, 'GeoJSON')),
    box);
}

/** A list of changed codes, each a button that takes the map to the grid. */
function changed(kind, name, part) {
  const codes = part?.codes || [];
  const more = (part?.count || 0) - Math.min(codes.length, 12);
  return el('li', { class: `change-${kind}`, dataset: { change: kind } },
    el('b', {}, `${name} `, el('span', { class: 'count' }, String(part?.count ?? 0))), ' ',
    el('span', { class: 'codes' }, codes.slice(0, 12).map((code) => el('button', {
      type: 'button', class: 'code-link', dataset: { code }, title: '在地图上查看', onclick: () => flyToGrid(code),
    }, code)), more > 0 ? ` … 另 ${more} 个` : ''));
}

function changesSummary(changes, tolerances) {
  if (!changes) return null;
  const flows = (changes.households || []).slice(0, 10);
  const cases = (changes.cases || []).slice(0, 20);
  return el('div', { id: 'changes' },
    el('ul', { class: 'change-list' },
      changed('added', '新增', changes.added), changed('removed', '删除', changes.removed), changed('reshaped', '调整', changes.reshaped)),
    tolerances?.reshapeToleranceM != null
      ? el('p', { class: 'note', id: 'reshape-tolerance' }, `边界移动超过 ${tolerances.reshapeToleranceM} 米才算“调整”（坐标转换、取整的微小误差不计）。`) : null,
    el('p', {}, '迁移户数 ', el('b', { id: 'households-moving' }, number(changes.householdsMoving)), ' 户'),
    flows.length ? el('table', { id: 'household-flows' },
      el('thead', {}, el('tr', {}, ['从', '到', '户数'].map((h) => el('th', {}, h)))),
      el('tbody', {}, flows.map((f) => el('tr', {}, el('td', {}, f.from || '–'), el('td', {}, f.to || '–'), el('td', {}, number(f.households))))),
      (changes.households || []).length > flows.length ? el('caption', {}, `最大的 ${flows.length} 股`) : null) : null,
    el('p', {}, '迁移在办案件 ', el('b', { id: 'cases-moving' }, number(changes.casesMoving)), ' 件'),
    cases.length ? el('table', { id: 'case-moves' },
      el('thead', {}, el('tr', {}, ['案件', '网格', '承办单位'].map((h) => el('th', {}, h)))),
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
    el('button', { type: 'button', id, onclick, disabled, hidden, class: kind }, ...text);

  // replaceChildren would write a null as the text "null": only the parts there are.
  draftPanel.replaceChildren(...[
    el('h2', {}, `草稿 #${view.id} `, el('span', { class: 'state', dataset: { state: view.state } }, STATE_NAMES[view.state] || view.state),
      el('br'), el('small', { class: 'draft-label' }, view.label || '')),
    running ? draftProgress(view.state, view.progress) : null,
    facts(view),
    view.failure ? el('div', { class: 'verdict', id: 'failure', dataset: { publishable: 'false' } }, view.failure.detail || view.failure.title || '失败',
      view.failure.errors?.length ? el('ul', {}, view.failure.errors.map((e) => el('li', {}, e.field ? `${e.field}: ${e.message}` : e.message))) : null) : null,
    report ? el('div', { class: 'counts' },
      el('div', { class: 'errors' }, el('b', { id: 'count-errors' }, String(report.errors)), '错误'),
      el('div', { class: 'warnings' }, el('b', { id: 'count-warnings' }, String(report.warnings)), '警告'),
      el('div', {}, el('b', { id: 'count-features' }, String(report.features)), '要素'),
      el('div', {}, el('b', { id: 'count-grids' }, String(report.grids)), '网格')) : null,
    report ? el('p', { class: 'verdict', id: 'verdict', dataset: { publishable: String(report.publishable) } },
      report.publishable ? '✔ 可以发布' : '✖ 有错误，不能发布',
      el('small', {}, ` · 检查于 ${at(report.checkedAt)}，对照版本 v${report.baseVersion}`)) : null,
    levelNote(report),
    el('div', { class: 'actions' },
      button('repair', ['应用修复'], repair, { hidden: !repairable || view.state !== 'ready' }),
      button('recheck', ['重新检查'], recheck, { hidden: view.state !== 'ready' }),
      button('publish', ['发布'], publish,
        { disabled: view.state !== 'ready' || !report?.publishable, hidden: view.state === 'published' || view.state === 'failed', kind: 'primary' }),
      // In any state: a stuck draft must be removable (the service stops its job first).
      button('discard', ['删除草稿'], discard, { hidden: view.state === 'published', kind: 'danger' })),
    report ? el('h3', {}, `问题 (${problems.length})`) : null,
    report ? (problems.length ? problemsSection(view) : el('p', { class: 'empty', id: 'problems-none' }, '没有发现问题')) : null,
    report ? el('h3', {}, '变化') : null,
    report ? changesSummary(report.changes, report.tolerances) : null,
  ].filter(Boolean));
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

