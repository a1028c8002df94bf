// The GIS page (/gis): GIS staff load grid boundaries. Upload a zipped Shapefile, GeoJSON or
// GeoPackage as a draft of one level (optionally within a scope grid), follow the job (bytes
// uploaded, then its steps from /live), read the report (errors, warnings, what moves), see the
// draft over the published grids with its difference layer, repair, check again, publish, and
// roll back to a retired version. Query parameters: county (default 530324), live (WebSocket URL),
// draft (open that draft).
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { connectLive } from './live/live.js';
import { fetchJson, layerOf, tileUrl } from './map/grids.js';
import { api, el, messageLine, problemError, session, showUser, toSignIn } from './ui/page.js';

const params = new URLSearchParams(location.search);
const COUNTY = params.get('county') || '530324';
const LIVE_URL = params.get('live') || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live?level=county`;

// The levels a file can replace, the zoom from which the tiles carry each (docs/map.md "Vector tiles"),
// and the level a scope grid is of for each (a special grid sits in a village).
const LEVELS = {
  township: { name: '乡镇/街道', min: 6, parent: 'county' },
  village: { name: '村/社区', min: 9, parent: 'township' },
  group: { name: '村民小组', min: 12, parent: 'village' },
  base: { name: '网格', min: 13, parent: 'group' },
  special: { name: '专属网格', min: 14, parent: 'village' },
};
const CHANGE_COLOURS = { added: '#2f9e44', removed: '#e03131', reshaped: '#f76707' };
const DRAFT_COLOUR = '#ffd43b';
const PUBLISHED_COLOUR = '#7d9bb3';

const CHECK_NAMES = {
  'no-geometry': '无几何图形', 'not-polygon': '不是面', 'invalid-geometry': '几何无效', repaired: '已修复',
  'missing-code': '缺少编码', 'bad-code': '编码格式错误', 'wrong-level': '层级不符', 'outside-scope': '超出范围',
  'duplicate-code': '编码重复', 'missing-name': '缺少名称', 'parent-mismatch': '上级不符', 'unknown-parent': '上级不存在',
  overlap: '重叠', 'small-overlap': '微小重叠', gap: '缝隙', 'small-gap': '微小缝隙', 'outside-parent': '超出上级',
  'small-outside-parent': '略超上级', 'orphaned-grids': '下级网格失去上级', sliver: '碎片', 'no-features': '没有要素', file: '文件说明',
};
const STATE_NAMES = { reading: '读取中', checking: '检查中', ready: '已检查', failed: '失败', published: '已发布' };
const VERSION_NAMES = { draft: '草稿', published: '现行', retired: '已退役' };
const STEP_NAMES = { reading: '读取文件 reading', features: '检查要素 features', coverage: '检查覆盖 coverage', changes: '计算变化 changes' };
const SHOWN_PROBLEMS = 300;

const when = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
const at = (iso) => (iso ? when.format(new Date(iso)) : '–');
const number = (n) => (n ?? 0).toLocaleString('zh-CN');
const levelName = (level) => (LEVELS[level] ? `${LEVELS[level].name} ${level}` : level);

const { say, sayProblem } = messageLine(document.getElementById('message'));
const form = document.getElementById('upload');
const fileInput = document.getElementById('file');
const drop = document.getElementById('drop');
const dropText = document.getElementById('drop-text');
const levelSelect = document.getElementById('level');
const scopeInput = document.getElementById('scope');
const submit = document.getElementById('upload-submit');
const progressBox = document.getElementById('progress-box');
const progressBar = document.getElementById('progress');
const progressText = document.getElementById('progress-text');
const draftPanel = document.getElementById('draft-panel');

// --- state ---
let map = null;
let live = null;
let county = null;
let publishedVersion = null;
let chosenFile = null;
let uploading = false; // bytes are going up or the answer is awaited
let draft = null; // the DraftView shown
let watched = null; // the id of a draft whose job runs
let highlighted = null; // the code outlined on the map
const shownLevel = () => draft?.level || levelSelect.value;

// --- progress ---
function showProgress(text, fraction) {
  progressBox.hidden = false;
  progressText.textContent = text;
  if (fraction == null) progressBar.removeAttribute('value'); // indeterminate
  else progressBar.value = Math.max(0, Math.min(1, fraction));
}
const hideProgress = () => {
  progressBox.hidden = true;
};
function showJobProgress(state, progress) {
  const step = progress?.step;
  const total = progress?.total || 0;
  const text = `${STATE_NAMES[state] || state} ${state}${step ? ` · ${STEP_NAMES[step] || step}` : ''}${total ? ` ${number(progress.done)}/${number(total)}` : ''}`;
  showProgress(text, total ? progress.done / total : null);
}

// --- upload ---
function choose(file) {
  chosenFile = file || null;
  submit.disabled = !chosenFile || uploading;
  if (chosenFile) {
    drop.dataset.file = chosenFile.name;
    dropText.textContent = `${chosenFile.name}（${(chosenFile.size / 1024).toFixed(1)} KB）`;
  } else {
    delete drop.dataset.file;
  }
}
fileInput.addEventListener('change', () => choose(fileInput.files[0]));
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  if (event.dataTransfer.files.length) choose(event.dataTransfer.files[0]);
});

/** Sends the form with the file (XHR, for its upload progress); resolves with {status, draft}, or rejects with a problemError. */
async function send(body) {
  const { csrf } = await session();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/boundaries/drafts');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        showProgress(`上传 uploading ${(event.loaded / 1024).toFixed(0)} / ${(event.total / 1024).toFixed(0)} KB`, event.loaded / event.total);
      }
    };
    // The bytes are there; the job's steps come from /live until the answer.
    xhr.upload.onload = () => showProgress('已上传，服务器读取中 uploaded, reading', null);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve({ status: xhr.status, draft: JSON.parse(xhr.responseText) });
      else if (xhr.status === 401) toSignIn();
      else reject(problemError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(Object.assign(new Error('网络错误，文件未送达 (network error: the file did not arrive)'), { problem: { status: 0 } }));
    xhr.send(body);
  });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!chosenFile || uploading) return;
  const body = new FormData();
  body.append('file', chosenFile, chosenFile.name);
  for (const [name, value] of new FormData(form)) {
    if (name !== 'file' && typeof value === 'string' && value.trim() !== '') body.append(name, value.trim());
  }
  uploading = true;
  watched = null;
  submit.disabled = true;
  say('');
  showProgress('上传 uploading', 0);
  try {
    const { status, draft: view } = await send(body);
    if (status === 202) {
      say(`草稿 #${view.id} 已接收，正在检查 (accepted, checking)`, 'info');
      showDraft(view);
      watch(view.id);
    } else {
      hideProgress();
      showDraft(view);
      say(`草稿 #${view.id} 已检查 (checked)`, 'ok');
    }
    listDrafts();
  } catch (error) {
    hideProgress();
    sayProblem(error);
  } finally {
    uploading = false;
    submit.disabled = !chosenFile;
  }
});

/** Follows a running job: /live frames move the bar, a poll reads the draft until its job ends. */
async function watch(id) {
  watched = id;
  while (watched === id) {
    await new Promise((done) => setTimeout(done, 1000));
    if (watched !== id) return;
    let view;
    try {
      view = await api(`/api/boundaries/drafts/${id}`);
    } catch (error) {
      watched = null;
      hideProgress();
      sayProblem(error);
      return;
    }
    if (view.state === 'reading' || view.state === 'checking') {
      showJobProgress(view.state, view.progress);
      continue;
    }
    watched = null;
    hideProgress();
    if (draft?.id === id) showDraft(view);
    say(view.state === 'failed' ? `草稿 #${id} 读取失败 (failed)` : `草稿 #${id} 已检查 (checked)`, view.state === 'failed' ? 'error' : 'ok',
      view.state === 'failed' ? view.failure : null);
    listDrafts();
  }
}

// --- the draft and its report ---
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

function showDraft(view) {
  const fresh = draft?.id !== view.id;
  draft = view;
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

async function openDraft(id) {
  try {
    const view = await api(`/api/boundaries/drafts/${id}`);
    say('');
    showDraft(view);
    if (view.state === 'reading' || view.state === 'checking') watch(view.id);
  } catch (error) {
    sayProblem(error);
  }
}

// --- actions ---
const dialog = document.getElementById('confirm');
/** The confirmation dialog; resolves true when confirmed. */
function confirmed(title, ...body) {
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').replaceChildren(...body);
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((done) => dialog.addEventListener('close', () => done(dialog.returnValue === 'ok'), { once: true }));
}

async function busy(id, work) {
  const node = document.getElementById(id);
  if (node) node.disabled = true;
  try {
    return await work();
  } catch (error) {
    sayProblem(error);
    return null;
  } finally {
    if (node?.isConnected) node.disabled = false;
  }
}

async function repair() {
  say('正在修复并重新检查… (repairing, checking again)');
  const view = await busy('repair', () => api(`/api/boundaries/drafts/${draft.id}/repairs`, { method: 'POST' }));
  if (!view) return;
  showDraft(view);
  if (view.state === 'checking') watch(view.id); // a long check goes on as a job (202)
  else say(`已应用修复并重新检查：${view.report?.errors ?? 0} 个错误 (repairs applied, checked again)`, 'ok');
}

async function recheck() {
  say('正在重新检查… (checking again)');
  const view = await busy('recheck', () => api(`/api/boundaries/drafts/${draft.id}/check`, { method: 'POST' }));
  if (!view) return;
  showDraft(view);
  if (view.state === 'checking') watch(view.id);
  else say(`已对照现行版本 v${view.baseVersion} 重新检查 (checked again)`, 'ok');
}

function outcomeText(verb, outcome) {
  return `${verb}：版本 v${outcome.published} 生效，v${outcome.retired} 退役；迁移 ${number(outcome.householdsMoved)} 户、`
    + `${number(outcome.casesMoved)} 件在办案件，用时 ${number(outcome.millis)} 毫秒 (households and open cases moved, ms)`;
}

async function publish() {
  const changes = draft.report?.changes || {};
  const ok = await confirmed(`发布草稿 #${draft.id}？ Publish?`,
    el('p', {}, `发布后“${draft.label}”成为现行版本，现行版本 v${publishedVersion} 退役（可回滚）。`),
    el('ul', { id: 'confirm-moves' },
      el('li', {}, `迁移 ${number(changes.householdsMoving)} 户 households`),
      el('li', {}, `迁移 ${number(changes.casesMoving)} 件在办案件 open cases`),
      el('li', {}, `新增 ${changes.added?.count ?? 0}、删除 ${changes.removed?.count ?? 0}、调整 ${changes.reshaped?.count ?? 0} 个网格 grids added/removed/reshaped`)));
  if (!ok) return;
  say('正在发布… (publishing)');
  const outcome = await busy('publish', () => api(`/api/boundaries/drafts/${draft.id}/publish`, { method: 'POST' }));
  if (!outcome) return;
  published(outcome.published);
  say(outcomeText('已发布 published', outcome), 'ok');
  openDraftQuietly(draft.id);
}

async function discard() {
  const ok = await confirmed(`删除草稿 #${draft.id}？ Delete the draft?`, el('p', {}, '草稿和它的报告将被删除，现行版本不受影响。'));
  if (!ok) return;
  const id = draft.id;
  const done = await busy('discard', async () => {
    await api(`/api/boundaries/drafts/${id}`, { method: 'DELETE' });
    return true;
  });
  if (!done) return;
  draft = null;
  draftPanel.hidden = true;
  draftPanel.replaceChildren();
  delete draftPanel.dataset.draft;
  showOnMap(null, true);
  say(`草稿 #${id} 已删除 (deleted)`, 'ok');
  listDrafts();
  listVersions();
}

async function rollback(version) {
  const ok = await confirmed(`回滚到版本 v${version}？ Roll back?`,
    el('p', {}, `版本 v${version} 重新发布，现行版本 v${publishedVersion} 退役；户和在办案件按 v${version} 的边界迁回。`));
  if (!ok) return;
  say('正在回滚… (rolling back)');
  const outcome = await busy(`rollback-${version}`, () => api(`/api/boundaries/versions/${version}/rollback`, { method: 'POST' }));
  if (!outcome) return;
  published(outcome.published);
  say(outcomeText('已回滚 rolled back', outcome), 'ok');
  if (draft) openDraftQuietly(draft.id);
}

async function openDraftQuietly(id) {
  try {
    showDraft(await api(`/api/boundaries/drafts/${id}`));
  } catch {
    // the message line already says what happened
  }
}

/** Another version is published (here or elsewhere): new tiles, new lists. */
function published(version) {
  if (version !== publishedVersion) {
    publishedVersion = version;
    document.getElementById('published-version').textContent = `v${version}`;
    map?.getSource('grids')?.setTiles([tileUrl(version)]);
  }
  listVersions();
  listDrafts();
}

// --- lists ---
function markCurrentDraft() {
  for (const row of document.querySelectorAll('#drafts tr[data-draft]')) {
    row.classList.toggle('current', row.dataset.draft === String(draft?.id));
  }
}

async function listDrafts() {
  try {
    const drafts = await api('/api/boundaries/drafts');
    const box = document.getElementById('drafts');
    if (!drafts.length) {
      box.replaceChildren(el('p', { class: 'empty' }, '还没有草稿 no drafts yet'));
      return;
    }
    box.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, ['#', '名称 label', '层级 level', '状态 state', '上传 uploaded'].map((h) => el('th', {}, h)))),
      el('tbody', {}, drafts.slice(0, 20).map((d) => el('tr', { dataset: { draft: String(d.id) }, onclick: () => openDraft(d.id), title: '打开 open' },
        el('td', {}, String(d.id)), el('td', {}, d.label || ''), el('td', {}, LEVELS[d.level]?.name || d.level),
        el('td', {}, el('span', { class: 'state', dataset: { state: d.state } }, STATE_NAMES[d.state] || d.state)), el('td', {}, at(d.createdAt)))))));
    markCurrentDraft();
  } catch (error) {
    sayProblem(error);
  }
}

async function listVersions() {
  try {
    const versions = await api('/api/boundaries/versions');
    document.getElementById('versions').replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, ['#', '名称 label', '状态 status', '发布/退役 published/retired', ''].map((h) => el('th', {}, h)))),
      el('tbody', {}, versions.filter((v) => v.status !== 'draft').slice(0, 50).map((v) => el('tr', {
        dataset: { version: String(v.id), status: v.status }, class: v.status === 'published' ? 'current' : null,
      },
      el('td', {}, `v${v.id}`), el('td', {}, v.label || ''),
      el('td', {}, el('span', { class: 'state', dataset: { state: v.status } }, `${VERSION_NAMES[v.status] || v.status}`)),
      el('td', {}, v.status === 'retired' ? `${at(v.publishedAt)} – ${at(v.retiredAt)}` : at(v.publishedAt)),
      el('td', {}, v.status === 'retired'
        ? el('button', { type: 'button', id: `rollback-${v.id}`, class: 'rollback', onclick: () => rollback(v.id) }, '回滚 ', el('small', {}, 'roll back'))
        : null)))),
      el('caption', {}, '回滚：重新发布一个已退役的版本 (roll back: publish a retired version again)')));
  } catch (error) {
    sayProblem(error);
  }
}

// --- the map ---
const GRID_LEVELS = Object.keys(LEVELS);

function mapStyle() {
  const promoteId = Object.fromEntries(['county', ...GRID_LEVELS].map((level) => [level, 'code']));
  const vector = (version) => ({ type: 'vector', tiles: [tileUrl(version)], minzoom: 0, maxzoom: 14, promoteId });
  const shown = shownLevel();
  const visible = (yes) => ({ visibility: yes ? 'visible' : 'none' });
  const changeColour = ['match', ['get', 'change'], 'added', CHANGE_COLOURS.added, 'removed', CHANGE_COLOURS.removed,
    'reshaped', CHANGE_COLOURS.reshaped, '#868e96'];
  return {
    version: 8,
    sources: {
      grids: vector(publishedVersion),
      draft: vector(publishedVersion), // replaced by the draft's tiles when one is shown
      pin: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0b1620' } },
      // Context at any level: the townships' outlines, faint, so that the county is never an empty shape.
      {
        id: 'context-township', type: 'line', source: 'grids', 'source-layer': 'township', minzoom: 6,
        paint: { 'line-color': '#2b4a63', 'line-width': 1 },
      },
      {
        id: 'changes-fill', type: 'fill', source: 'draft', 'source-layer': 'changes', layout: visible(false),
        paint: { 'fill-color': changeColour, 'fill-opacity': 0.5 },
      },
      // Published outlines wide under the draft's narrow ones: where both agree the published
      // edge is a halo, where they differ it stands alone.
      ...GRID_LEVELS.map((level) => ({
        id: `published-${level}`, type: 'line', source: 'grids', 'source-layer': level, minzoom: LEVELS[level].min,
        layout: visible(level === shown), paint: { 'line-color': PUBLISHED_COLOUR, 'line-width': 3.5 },
      })),
      ...GRID_LEVELS.flatMap((level) => [
        {
          id: `draft-${level}-fill`, type: 'fill', source: 'draft', 'source-layer': level, minzoom: LEVELS[level].min,
          layout: visible(false), paint: { 'fill-color': DRAFT_COLOUR, 'fill-opacity': 0.05 },
        },
        {
          id: `draft-${level}-line`, type: 'line', source: 'draft', 'source-layer': level, minzoom: LEVELS[level].min,
          layout: visible(false), paint: { 'line-color': DRAFT_COLOUR, 'line-width': 1.2 },
        },
        {
          id: `draft-${level}-selected`, type: 'line', source: 'draft', 'source-layer': level, minzoom: LEVELS[level].min,
          filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#ffffff', 'line-width': 4 },
        },
      ]),
      {
        id: 'changes-selected', type: 'line', source: 'draft', 'source-layer': 'changes',
        filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#ffffff', 'line-width': 4, 'line-dasharray': [2, 1] },
      },
      {
        id: 'county-outline', type: 'line', source: 'grids', 'source-layer': 'county',
        paint: { 'line-color': '#9fd3ff', 'line-width': 2.5 },
      },
      {
        id: 'pin', type: 'circle', source: 'pin',
        paint: { 'circle-radius': 7, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
      },
    ],
  };
}

/** The published outlines of one level: the draft's, else the level chosen for the next upload. */
function showLevel(level) {
  if (!map) return;
  for (const l of GRID_LEVELS) map.setLayoutProperty(`published-${l}`, 'visibility', l === level ? 'visible' : 'none');
  hintZoom();
}

function hintZoom() {
  const hint = document.getElementById('zoom-hint');
  const level = shownLevel();
  const min = LEVELS[level].min;
  hint.hidden = !map || map.getZoom() >= min;
  hint.textContent = `放大到 ${min} 级以上可见${LEVELS[level].name} (zoom in to ${min}+ to see ${level} grids)`;
}

function highlight(code) {
  highlighted = code || null;
  if (!map) return;
  for (const level of GRID_LEVELS) {
    map.setFilter(`draft-${level}-selected`, ['==', ['get', 'code'], code && layerOf(code) === level ? code : '']);
  }
  map.setFilter('changes-selected', ['==', ['get', 'code'], code || '']);
}

/** The draft's tiles over the published ones; fitted to its scope when it is newly shown. */
async function showOnMap(view, fit) {
  if (!map) return;
  highlight(null);
  map.getSource('pin').setData({ type: 'FeatureCollection', features: [] });
  const level = view?.level || levelSelect.value;
  for (const l of GRID_LEVELS) {
    for (const kind of ['fill', 'line']) map.setLayoutProperty(`draft-${l}-${kind}`, 'visibility', view && l === level ? 'visible' : 'none');
  }
  map.setLayoutProperty('changes-fill', 'visibility', view?.report ? 'visible' : 'none');
  if (view) {
    // Draft tiles are named by version and kept by the browser as immutable, but a repair or a
    // check again rewrites the draft: the check's time makes them new addresses.
    const checked = view.report?.checkedAt ? Date.parse(view.report.checkedAt) : 0;
    map.getSource('draft').setTiles([`${tileUrl(view.id)}&checked=${checked}`]);
  }
  showLevel(level);
  if (!fit) return;
  let bbox = county.bbox;
  if (view?.scope) {
    try {
      bbox = (await api(`/api/grids/${encodeURIComponent(view.scope)}`)).bbox || bbox;
    } catch {
      // a scope of an older version: stay on the county
    }
  }
  map.fitBounds(bbox, { padding: 40, duration: 0 });
}

/** A problem chosen in the list: fly to it and outline its grid. */
function showProblem(problem) {
  highlight(problem.code);
  const pin = problem.at ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: problem.at } }] : [];
  map.getSource('pin').setData({ type: 'FeatureCollection', features: pin });
  if (problem.at) {
    const level = problem.code && LEVELS[layerOf(problem.code)] ? layerOf(problem.code) : shownLevel();
    const zoom = Math.min(17, Math.max(map.getZoom(), LEVELS[level].min + 2));
    map.flyTo({ center: problem.at, zoom, duration: 1200, essential: true });
  }
}

/** A click on the map fills the scope with the grid there one level above the level to upload. */
async function pickScope(lngLat) {
  const parent = LEVELS[levelSelect.value].parent;
  try {
    const found = await api(`/api/grids/at?lon=${lngLat.lng.toFixed(7)}&lat=${lngLat.lat.toFixed(7)}`);
    const grid = (found.chain || []).find((g) => g.level === parent);
    if (!grid) return;
    scopeInput.value = parent === 'county' ? '' : grid.code;
    say(parent === 'county' ? '范围：全县 (scope: the whole county)' : `范围 scope：${grid.name} ${grid.code}`, 'info');
  } catch (error) {
    if (error.problem?.status === 404) say(`此处不在县内 (outside the county): ${error.message}`, 'info');
    else sayProblem(error);
  }
}

levelSelect.addEventListener('change', () => {
  if (!draft) showLevel(levelSelect.value);
});

const connection = document.getElementById('connection');
function showConnection(state) {
  connection.dataset.state = state;
  connection.innerHTML = {
    connecting: '连接中 <small>connecting</small>',
    live: '实时 <small>live</small>',
    reconnecting: '重连中 <small>reconnecting</small>',
    stale: '已断开 <small>disconnected</small>',
  }[state];
}

function onFrame(frame) {
  if (frame.type === 'draft') {
    // Before the answer names the draft, the job this page started is the one running.
    if (frame.draft === watched || (uploading && watched == null)) showJobProgress(frame.state, frame);
  } else if (frame.type === 'boundaries' || (frame.type === 'snapshot' && frame.gridVersion != null)) {
    if (frame.gridVersion !== publishedVersion) published(frame.gridVersion);
  }
}

async function main() {
  await showUser({ onError: sayProblem }); // signed in, or off to the sign-in page
  county = await fetchJson(`/api/grids/${COUNTY}`);
  publishedVersion = county.gridVersion;
  document.getElementById('published-version').textContent = `v${publishedVersion}`;
  map = new maplibregl.Map({
    container: 'map', style: mapStyle(), bounds: county.bbox, fitBoundsOptions: { padding: 24 },
    attributionControl: false, fadeDuration: 0,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  await new Promise((done) => map.once('load', done));
  map.on('zoomend', hintZoom);
  map.on('click', (event) => pickScope(event.lngLat));
  hintZoom();

  live = connectLive({ url: LIVE_URL, onFrame, onState: showConnection });
  listDrafts();
  listVersions();

  // For the browser tests and a curious engineer at the console.
  window.gridGis = {
    map, live, openDraft, layerOf,
    draft: () => draft,
    highlighted: () => highlighted,
    publishedVersion: () => publishedVersion,
  };
  if (params.get('draft')) openDraft(params.get('draft'));
}

main();
