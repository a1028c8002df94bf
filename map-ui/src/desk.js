// The desk (/desk): the duty officer's page. The same map as the wall (vector tiles, coloured
// live from /live), but to be touched: click a grid for its panel (head, households, open cases
// with their deadlines), open a case for its history and act on it through the API, find a case
// by its code, list overdue cases, draw an area to count its households. The signed-in user is
// the actor of every action; a reporter is shown masked until asked for in full (an audited read).
// A case's photos are thumbnails in its panel; a click shows the photo in full.
// Query parameters as on the wall: county (default 530324), live (the WebSocket URL).
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { connectLive } from './live/live.js';
import { EVENT_NAMES, LEVELS, fetchJson, gridStates, hatch, layerOf, style, tileUrl } from './map/grids.js';
import { UNMASKING_ROLES, el, messageLine, request, showUser } from './ui/page.js';

const params = new URLSearchParams(location.search);
const COUNTY = params.get('county') || '530324';
const LIVE_URL = params.get('live') || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`;

const STATUS_NAMES = {
  received: '待受理', accepted: '已受理', transferred: '已转送', rejected: '不予受理', dispatched: '已派单', claimed: '已签收',
  contacted: '已联系', replied: '已答复', reviewing: '复查中', re_reviewing: '复核中', finished: '已办结', evaluated: '已评价',
  archived: '已归档',
};
const DEADLINE_NAMES = {
  CLAIM: '认领', REPLY: '答复', FINISH: '办结', DISPATCH: '派单', CONTACT: '见面', FIRST_ANSWER: '初步方案',
  FINAL_ANSWER: '答复时限', ACCEPTANCE_DECISION: '受理决定', TRANSFER_NOTICE: '转送告知', TRANSFER_OBJECTION: '转送异议期',
  HANDLING: '办理', REVIEW_REQUEST: '复查申请期', REVIEW_ANSWER: '复查', RE_REVIEW_REQUEST: '复核申请期', RE_REVIEW_ANSWER: '复核',
  CASE_LEAD: '包案时限',
};
// A deadline's state as the service has it (the same for the list, the wall and the reports).
const DEADLINE_STATES = {
  met: '已完成 met', met_late: '超期完成 met late', overdue: '超期 overdue', warned: '临期 warned', open: '进行中 running',
};
// The closed loop's actions with what each needs (docs/cases.md); the service decides what is
// allowed, and a 409 says what is allowed now.
const ACTIONS = [
  { path: 'accept', name: '受理', fields: ['unit'] },
  { path: 'transfer', name: '转送', fields: ['unit', 'reason'] },
  { path: 'object', name: '转送异议', fields: ['unit', 'reason'] },
  { path: 'dispatch', name: '派单', fields: ['unit'] },
  { path: 'supervise', name: '督办', fields: ['reason'], reasonLabel: '督办意见 note' },
  { path: 'escalate', name: '上报', fields: ['reason'] },
  { path: 'assign-leader', name: '领导包案', fields: ['leader'] },
  { path: 'reject', name: '不予受理', fields: ['reason'] },
  { path: 'return', name: '退回', fields: ['reason'] },
  { path: 'claim', name: '签收', fields: ['unit'] },
  { path: 'contact', name: '联系', fields: ['unit'] },
  { path: 'first-answer', name: '初步方案', fields: ['unit', 'reason'] },
  { path: 'reply', name: '答复', fields: ['unit', 'reason'] },
  { path: 'request-review', name: '申请复查', fields: ['unit', 'reason'] },
  { path: 'answer-review', name: '复查意见', fields: ['reason'] },
  { path: 'request-re-review', name: '申请复核', fields: ['unit', 'reason'] },
  { path: 'answer-re-review', name: '复核意见', fields: ['reason'] },
  { path: 'finish', name: '办结', fields: ['unit', 'reason'] },
  { path: 'evaluate', name: '评价', fields: ['rating'] },
  { path: 'archive', name: '归档', fields: [] },
  { path: 'extend', name: '延期', fields: ['days', 'reason'] },
  { path: 'merge', name: '合并', fields: ['other'] },
  { path: 'keep-separate', name: '不予合并', fields: ['other'] },
];

const when = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
// A time the browser cannot read is shown as it came, marked, so that one odd value blanks nothing.
const readable = (iso) => !Number.isNaN(new Date(iso).getTime());
const at = (iso) => {
  if (!iso) return '–';
  return readable(iso) ? when.format(new Date(iso)) : el('span', { class: 'bad-time', title: '无法识别的时间 (unreadable time)' }, `⚠ ${iso}`);
};

const { say, sayProblem } = messageLine(document.getElementById('message'));

const panels = Object.fromEntries(['hint', 'grid-panel', 'case-panel', 'area-panel', 'overdue-panel']
  .map((id) => [id, document.getElementById(id)]));
function show(...ids) {
  for (const [id, panel] of Object.entries(panels)) panel.hidden = !ids.includes(id);
  if (!ids.includes('case-panel')) fullReporter = null; // read in full again, and recorded again, when wanted again
}

const overdueOnly = document.getElementById('overdue-only');

// --- state the panels show ---
let me = null; // the signed-in user
let selectedGrid = null; // code
let openCaseCode = null;
let openCaseVersion = null;
let openCaseView = null;
let fullReporter = null; // the open case's reporter read in full ({code, reporter}), kept while it stays open
let refreshes = 0;
let drawnArea = null;
let lastCount = null;

function caseTable(items, total) {
  if (items.length === 0) return el('p', { class: 'empty' }, overdueOnly.checked ? '无超期案件 no overdue cases' : '无在办案件 no open cases');
  return el('table', { class: 'cases' },
    el('thead', {}, el('tr', {}, ['案件编码 code', '标题 title', '状态 status', '最近期限 next due', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, items.map((c) => el('tr', {
      dataset: { case: c.code, status: c.status },
      class: [c.overdue && 'overdue', c.warned && 'warned', c.nextDue && !readable(c.nextDue) && 'unreadable'].filter(Boolean).join(' ') || null,
    },
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => openCase(c.code) }, c.code)),
    el('td', {}, c.title || ''),
    el('td', {}, `${STATUS_NAMES[c.status] || c.status}`),
    el('td', {}, at(c.nextDue)),
    el('td', { class: 'flags' }, [c.overdue && el('b', { class: 'flag overdue' }, '超期'), c.warned && el('b', { class: 'flag warned' }, '预警'),
      c.supervised && el('b', { class: 'flag supervised' }, '督办'),
      c.discipline && el('b', { class: 'flag discipline' }, '纪委督查')].filter(Boolean)))),
    ),
    total > items.length ? el('caption', {}, `共 ${total} 件，显示前 ${items.length} 件 (${total} in all)`) : null);
}

async function openGrid(code, { quiet = false } = {}) {
  selectedGrid = code;
  highlight(code);
  const query = `grid=${code}&status=received,accepted,dispatched,claimed,contacted,replied,finished,evaluated`
    + `&sort=due&size=50${overdueOnly.checked ? '&overdue=true' : ''}`;
  try {
    // A grid beside an officer's own is not theirs to list (403): its facts are shown, its cases not.
    const cases = request(`/api/cases?${query}`).then(({ data }) => data, (error) => {
      if (error.problem?.status === 403) return null;
      throw error;
    });
    const [{ data: grid }, page] = await Promise.all([request(`/api/grids/${code}`), cases]);
    if (selectedGrid !== code) return; // another grid was clicked meanwhile
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
        grid.parent ? [el('dt', {}, '上级 parent'), el('dd', {}, el('button', { type: 'button', class: 'link', onclick: () => openGrid(grid.parent.code) },
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

async function listOverdue() {
  try {
    const { data: page } = await request(`/api/cases?grid=${me?.grid || COUNTY}&overdue=true&sort=due&size=100`);
    panels['overdue-panel'].replaceChildren(el('h2', {}, '超期案件 ', el('small', {}, `overdue in the county: ${page.total}`)),
      caseTable(page.items, page.total));
    show('overdue-panel');
  } catch (error) {
    sayProblem(error);
  }
}

// --- one case: facts, deadlines, history, and the action form ---
function actionForm(view) {
  const unitOptions = [
    ...(view.grids || []).filter((g) => g.level === 'village' || g.level === 'township').map((g) => [g.code, g.name]),
    ...(view.grids?.length ? [[`${view.grids[0].code}-${view.category?.code}`, `县${view.category?.name || ''}主管部门`]] : []),
  ];
  const select = el('select', { name: 'action', id: 'action' }, actionOptions(view));
  const field = (name, label, input) => el('label', { class: 'field', dataset: { field: name } }, el('span', {}, label), input);
  const form = el('form', { id: 'action-form', autocomplete: 'off' },
    el('h3', {}, '办理 ', el('small', {}, 'act on the case')),
    field('action', '动作 action', select),
    field('actor', '代办 on behalf of', el('input', { name: 'actor', maxlength: 100, placeholder: '可不填：代谁办理 (optional: acting for whom)' })),
    field('unit', '单位编码 unit', el('input', { name: 'unit', list: 'units', placeholder: view.unit?.code || '' })),
    el('datalist', { id: 'units' }, unitOptions.map(([code, name]) => el('option', { value: code }, name))),
    field('reason', '理由/意见 reason', el('textarea', { name: 'reason', rows: 2 })),
    field('rating', '评价 rating', el('select', { name: 'rating' }, ['满意', '基本满意', '不满意'].map((r) => el('option', { value: r }, r)))),
    field('days', '延期天数 days', el('input', { name: 'days', type: 'number', min: 1, max: 30, value: 30 })),
    field('other', '另一案件 other case', el('input', { name: 'other', value: view.possibleDuplicates?.[0]?.code || '' })),
    el('fieldset', { dataset: { field: 'leader' } }, el('legend', {}, '四定 leader, unit, person, deadline'),
      el('input', { name: 'leader.leader', placeholder: '包案领导 leader' }),
      el('input', { name: 'leader.unit', placeholder: '责任单位 unit' }),
      el('input', { name: 'leader.person', placeholder: '责任人 person' }),
      el('input', { name: 'leader.deadline', type: 'date' })),
    el('button', { type: 'submit', id: 'act' }, '提交 submit'));
  const fit = () => {
    const action = ACTIONS.find((a) => a.path === select.value) || { fields: [] };
    for (const node of form.querySelectorAll('[data-field]')) {
      const name = node.dataset.field;
      node.hidden = !['action', 'actor'].includes(name) && !action.fields.includes(name);
    }
    form.querySelector('[data-field=reason] span').textContent = action.reasonLabel || '理由/意见 reason';
  };
  select.addEventListener('change', fit);
  fit();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form);
  });
  return form;
}

// Only what the case allows now, as the service says (allowedActions).
function actionOptions(view) {
  return ACTIONS.filter((a) => !view.allowedActions || view.allowedActions.includes(a.path))
    .map((a) => el('option', { value: a.path }, `${a.name} ${a.path}`));
}

// After the case changed: the actions it allows now, the one chosen kept if it still is.
function offerActions(form, view) {
  const select = form.querySelector('select[name=action]');
  const options = actionOptions(view);
  // Unchanged (most refreshes): leave the officer's choice and the list alone.
  if (options.map((o) => o.value).join() === [...select.options].map((o) => o.value).join()) return;
  const chosen = select.value;
  select.replaceChildren(...options);
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  select.dispatchEvent(new Event('change'));
}

// The reporter as the API shows it: masked (张*, 138****1234), withheld in a confidential report
// (检举控告), or in full once asked for, which the service records in its audit trail.
function reporterFacts(view) {
  if (view.reporterAccess === 'withheld') return [el('span', { class: 'reporter' }, '举报人信息保密 '), el('small', {}, 'withheld: confidential report')];
  const full = fullReporter?.code === view.code ? fullReporter.reporter : null;
  const shown = full || view.reporter;
  const text = el('span', { class: 'reporter' }, [shown?.name, shown?.phone].filter(Boolean).join(' · ') || '–');
  if (full) return [text, ' ', el('small', { class: 'recorded' }, '已记录查看 (this read is recorded)')];
  if (view.reporterAccess !== 'masked' || !UNMASKING_ROLES.includes(me?.role)) return [text];
  return [text, ' ', el('button', { type: 'button', id: 'unmask', class: 'link', onclick: () => unmask(view.code) }, '查看完整信息 ',
    el('small', {}, 'show in full'))];
}

async function unmask(code) {
  try {
    const { data, etag } = await request(`/api/cases/${encodeURIComponent(code)}?unmasked=true`);
    if (data.reporterAccess === 'unmasked') fullReporter = { code: data.code, reporter: data.reporter };
    showCase(data, versionOf(etag));
  } catch (error) {
    sayProblem(error);
  }
}

// The case's photos: thumbnails (the photo itself, scaled by the browser; the service checks who may
// see it on every read), a click opens it in full. A confidential report's photos are withheld
// from all but the unit handling it: counted here, not shown.
function photoStrip(view) {
  const media = view.media || [];
  if (media.length === 0) return el('p', { class: 'empty photos-none' }, '无照片 no photos');
  if (media.some((m) => !m.url)) {
    return el('p', { class: 'photos-withheld' }, `照片 ${media.length} 张：保密，仅承办单位可见 `, el('small', {}, 'withheld: confidential report'));
  }
  return el('ul', { class: 'photos' }, media.map((m) => el('li', {},
    el('button', { type: 'button', class: 'thumb', dataset: { n: m.n }, title: `照片 ${m.n}：点击查看原图 (click for the full photo)`,
      onclick: () => showPhoto(m) },
    el('img', { src: m.url, alt: `照片 ${m.n}` })))));
}

// Photos are personal data that no cache keeps: a refresh that lists the same photos keeps the
// thumbnails already shown rather than fetch every photo again.
function keepPhotos(shown, fresh) {
  const urls = (list) => [...(list?.querySelectorAll('img') || [])].map((img) => img.getAttribute('src')).join();
  if (shown && fresh && urls(shown) === urls(fresh)) fresh.replaceWith(shown);
}

const photoViewer = document.getElementById('photo-viewer');
const PHOTO_TYPES = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

function showPhoto(m) {
  document.getElementById('photo-full').src = m.url;
  document.getElementById('photo-full').alt = `照片 ${m.n}`;
  document.getElementById('photo-open').href = m.url;
  document.getElementById('photo-caption').textContent =
    `照片 ${m.n} · ${PHOTO_TYPES[m.contentType] || m.contentType} · ${Math.ceil(m.size / 1024)} KB · 上传于 ${at(m.at)}`;
  photoViewer.showModal();
}

document.getElementById('photo-close').addEventListener('click', () => photoViewer.close());
// A click beside the photo (on the backdrop) closes it too.
photoViewer.addEventListener('click', (event) => { if (event.target === photoViewer) photoViewer.close(); });

/** The case version an ETag names ("3" or W/"3"), for If-Match. */
const versionOf = (etag) => (etag ? etag.replace(/^W\//, '').replace(/"/g, '') : null);

function caseBody(view) {
  const deadlines = el('table', { class: 'deadlines' },
    el('thead', {}, el('tr', {}, ['期限 deadline', '到期 due', '预警 warn', '完成 met'].map((h) => el('th', {}, h)))),
    el('tbody', {}, (view.deadlines || []).map((d) => el('tr', { dataset: { kind: d.kind, round: d.round, state: d.state },
      class: d.state === 'overdue' || d.state === 'warned' ? d.state : null },
    el('td', {}, `${d.round > 0 ? `重办${d.round} ` : ''}${DEADLINE_NAMES[d.kind] || ''} ${d.kind}`),
    el('td', {}, at(d.due), d.provisional ? el('small', { class: 'provisional', title: '该年度节假日安排未载入，按常规周计算' }, ' 暂定') : null),
    el('td', {}, at(d.warnAt)),
    el('td', {}, d.metAt ? at(d.metAt) : DEADLINE_STATES[d.state] || d.state)))));
  const history = el('ol', { id: 'history' }, (view.history || []).map((e) => {
    const p = e.payload || {};
    const detail = [p.reason, p.unit && `单位 ${p.unit}`, p.rating, p.leader && `包案 ${p.leader.leader}`, p.days && `${p.days} 天`,
      p.media?.length && `附照片 ${p.media.length} 张`]
      .filter(Boolean).join(' · ');
    return el('li', { dataset: { type: e.type } }, el('time', {}, at(e.at)), ' ', el('b', {}, EVENT_NAMES[e.type] || e.type), ' ',
      el('span', { class: 'actor' }, e.actor || ''), p.onBehalfOf ? el('small', { class: 'on-behalf' }, ` 代 ${p.onBehalfOf}`) : null,
      detail ? el('q', {}, detail) : null);
  }));
  return el('div', { id: 'case-body' },
    el('dl', { class: 'facts' },
      el('dt', {}, '状态 status'), el('dd', { class: 'case-status', dataset: { status: view.status } }, `${STATUS_NAMES[view.status] || view.status} ${view.status}`),
      el('dt', {}, '类别 category'), el('dd', {}, `${view.category?.name || ''} · 风险 ${view.risk || ''}`),
      el('dt', {}, '承办单位 unit'), el('dd', {}, view.unit ? `${view.unit.name} ${view.unit.code}` : '–'),
      el('dt', {}, '网格 grid'), el('dd', {}, (() => {
        const grid = view.grids?.[view.grids.length - 1];
        return grid ? el('button', { type: 'button', class: 'link', onclick: () => openGrid(grid.code) }, `${grid.name} ${grid.code}`) : '–';
      })()),
      el('dt', {}, '报告人 reporter'), el('dd', { class: 'case-reporter', dataset: { access: view.reporterAccess || 'none' } }, reporterFacts(view)),
      el('dt', {}, '受理时间 received'), el('dd', {}, at(view.receivedAt)),
      el('dt', {}, '督办 supervised'), el('dd', {}, view.supervised ? '是 yes' : '否 no'),
      el('dt', {}, '包案 leader'), el('dd', { class: 'case-leader' }, view.leader
        ? `${view.leader.leader} · ${view.leader.unit} · ${view.leader.person} · 限 ${view.leader.deadline}` : '–'),
      el('dt', {}, '纪委督查 discipline'), el('dd', { class: 'case-discipline' }, view.discipline
        ? el('b', { class: 'flag discipline' }, '已移交纪委督查问责') : '否 no'),
      el('dt', {}, '版本 version'), el('dd', { class: 'case-version' }, String(view.version))),
    el('h3', {}, '照片 ', el('small', {}, 'photos')), photoStrip(view),
    el('h3', {}, '期限 ', el('small', {}, 'deadlines')), deadlines,
    el('h3', {}, '全程留痕 ', el('small', {}, 'history')), history);
}

function showCase(view, version) {
  openCaseCode = view.code;
  openCaseVersion = version ?? String(view.version);
  openCaseView = view;
  const panel = panels['case-panel'];
  panel.dataset.case = view.code;
  const body = caseBody(view);
  const header = el('h2', {}, el('code', { class: 'case-code' }, view.code), ' ', el('span', { class: 'case-title' }, view.title || ''));
  const existing = panel.querySelector('#action-form');
  if (existing) {
    // Refreshed while the officer may be typing: keep the form, replace the rest, offer what is allowed now.
    keepPhotos(panel.querySelector('#case-body .photos'), body.querySelector('.photos'));
    panel.querySelector('h2').replaceWith(header);
    panel.querySelector('#case-body').replaceWith(body);
    offerActions(existing, view);
  } else {
    panel.replaceChildren(header, body, actionForm(view));
  }
  show('case-panel');
}

async function openCase(code, { quiet = false } = {}) {
  try {
    const { data, etag } = await request(`/api/cases/${encodeURIComponent(code.trim())}`);
    if (!quiet || openCaseCode !== data.code) {
      panels['case-panel'].replaceChildren(); // a new case: a fresh form
      say('');
    }
    showCase(data, versionOf(etag));
    if (!quiet && data.location) map?.easeTo({ center: [data.location.lon, data.location.lat], zoom: Math.max(map.getZoom(), 13.5) });
  } catch (error) {
    sayProblem(error);
  }
}

async function act(form) {
  const values = Object.fromEntries(new FormData(form));
  const action = ACTIONS.find((a) => a.path === values.action);
  // The signed-in user is the actor; a name here is whom they act for (kept as onBehalfOf).
  const body = values.actor.trim() ? { actor: values.actor.trim() } : {};
  for (const name of action.fields) {
    if (name === 'leader') {
      body.leader = { leader: values['leader.leader'], unit: values['leader.unit'], person: values['leader.person'] };
      if (values['leader.deadline']) body.leader.deadline = values['leader.deadline'];
    } else if (name === 'days') body.days = Number(values.days);
    else if (values[name] !== '') body[name] = values[name];
  }
  const button = form.querySelector('#act');
  button.disabled = true;
  try {
    const { data, etag } = await request(`/api/cases/${openCaseCode}/actions/${action.path}`, {
      method: 'POST', body, headers: { 'If-Match': `"${openCaseVersion}"` },
    });
    form.reset();
    form.querySelector('select[name=action]').dispatchEvent(new Event('change'));
    showCase(data, versionOf(etag));
    say(`已${action.name} ${action.path}: ${data.code} → ${STATUS_NAMES[data.status] || data.status}`, 'ok');
  } catch (error) {
    const problem = error.problem || {};
    let text = error.message;
    if (problem.status === 409 && Array.isArray(problem.allowed)) {
      text += ` 当前可办 allowed now: ${problem.allowed.map((p) => ACTIONS.find((a) => a.path === p)?.name || p).join('、') || '无 none'}`;
    } else if (problem.status === 412) {
      text += ' 已重新读取案件 (the case was read again).';
      openCase(openCaseCode, { quiet: true });
    }
    say(text, 'error', problem);
  } finally {
    button.disabled = false;
  }
}

// --- the map ---
let map = null;
const levelOf = () => {
  const zoom = map.getZoom();
  return LEVELS.find(({ min, max, layer }) => layer !== 'special' && zoom >= min && zoom < max);
};

function highlight(code) {
  if (!map) return;
  for (const { layer } of LEVELS) {
    map.setFilter(`${layer}-selected`, ['==', ['get', 'code'], layerOf(code) === layer ? code : '']);
  }
}

// Drawing an area: click to add corners, double-click or "finish" to close it and count.
const drawButton = document.getElementById('draw');
const finishButton = document.getElementById('draw-finish');
const clearButton = document.getElementById('draw-clear');
let drawing = false;
let vertices = [];

function drawnGeoJson() {
  const features = vertices.map((v) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: v }, properties: {} }));
  if (vertices.length >= 2) {
    features.push({
      type: 'Feature', properties: {},
      geometry: drawing || vertices.length < 3
        ? { type: 'LineString', coordinates: vertices }
        : { type: 'Polygon', coordinates: [[...vertices, vertices[0]]] },
    });
  }
  return { type: 'FeatureCollection', features };
}
const redraw = () => map.getSource('draw').setData(drawnGeoJson());

function startDrawing() {
  drawing = true;
  vertices = [];
  drawnArea = null;
  map.doubleClickZoom.disable();
  map.getCanvas().style.cursor = 'crosshair';
  drawButton.classList.add('active');
  finishButton.disabled = false;
  clearButton.disabled = false;
  say('在地图上逐点单击，双击或点“完成”结束 (click the corners; double-click or finish)', 'info');
  redraw();
}

function clearDrawing() {
  drawing = false;
  vertices = [];
  drawnArea = null;
  map.getCanvas().style.cursor = '';
  drawButton.classList.remove('active');
  finishButton.disabled = true;
  clearButton.disabled = true;
  setTimeout(() => map.doubleClickZoom.enable(), 0);
  redraw();
}

async function finishDrawing() {
  if (vertices.length < 3) {
    say('至少需要三个点 (at least three corners)', 'error');
    return;
  }
  drawing = false;
  map.getCanvas().style.cursor = '';
  drawButton.classList.remove('active');
  finishButton.disabled = true;
  setTimeout(() => map.doubleClickZoom.enable(), 0);
  redraw();
  drawnArea = { type: 'Polygon', coordinates: [[...vertices, vertices[0]]] };
  try {
    const { data } = await request('/api/households/count', { method: 'POST', body: drawnArea });
    lastCount = data;
    const top = [...data.grids].sort((a, b) => b.households - a.households).slice(0, 30);
    panels['area-panel'].replaceChildren(
      el('h2', {}, '区域户数 ', el('small', {}, 'households in the drawn area')),
      el('p', { class: 'total' }, el('b', { id: 'area-total' }, String(data.total)), ' 户 households · ', `${data.grids.length} 个网格 grids`),
      el('table', { class: 'cases' },
        el('thead', {}, el('tr', {}, ['网格 grid', '编码 code', '户数 households'].map((h) => el('th', {}, h)))),
        el('tbody', {}, top.map((g) => el('tr', { dataset: { grid: g.code } }, el('td', {}, g.name),
          el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => openGrid(g.code) }, g.code)),
          el('td', {}, String(g.households)))))));
    show('area-panel');
    say('');
  } catch (error) {
    sayProblem(error);
  }
}

drawButton.addEventListener('click', () => (drawing ? clearDrawing() : startDrawing()));
finishButton.addEventListener('click', finishDrawing);
clearButton.addEventListener('click', () => {
  clearDrawing();
  if (!panels['area-panel'].hidden) show('hint');
});

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = document.getElementById('search-code').value.trim();
  if (code) openCase(code);
});
overdueOnly.addEventListener('change', () => {
  if (selectedGrid) openGrid(selectedGrid);
  else if (overdueOnly.checked) listOverdue();
  else show('hint');
});

const connection = document.getElementById('connection');
const hms = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' });
function showConnection(state, since) {
  connection.dataset.state = state;
  document.body.dataset.connection = state;
  connection.innerHTML = {
    connecting: '连接中 <small>connecting</small>',
    live: '实时 <small>live</small>',
    reconnecting: '重连中 <small>reconnecting</small>',
    stale: `数据停留于 ${hms.format(since)} <small>stale</small>`,
  }[state];
}

async function main() {
  me = await showUser({ onError: sayProblem }); // signed in, or off to the sign-in page
  const county = await fetchJson(`/api/grids/${COUNTY}`);
  let version = county.gridVersion;
  const base = style(version);
  base.sources.draw = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  base.layers.push(
    ...LEVELS.map(({ layer, min, max }) => ({
      id: `${layer}-selected`, type: 'line', source: 'grids', 'source-layer': layer, minzoom: min, maxzoom: max,
      filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#ffffff', 'line-width': 3 },
    })),
    { id: 'draw-fill', type: 'fill', source: 'draw', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#ffd43b', 'fill-opacity': 0.25 } },
    { id: 'draw-line', type: 'line', source: 'draw', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#ffd43b', 'line-width': 2, 'line-dasharray': [2, 1] } },
    { id: 'draw-points', type: 'circle', source: 'draw', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 4, 'circle-color': '#ffd43b' } },
  );
  map = new maplibregl.Map({
    container: 'map', style: base, bounds: county.bbox, fitBoundsOptions: { padding: 24 },
    attributionControl: false, fadeDuration: 0,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  const loaded = new Promise((done) => map.once('load', done));
  map.on('styleimagemissing', (event) => {
    if (event.id === 'hatch') map.addImage('hatch', hatch());
  });

  map.on('click', (event) => {
    if (drawing) {
      const last = vertices[vertices.length - 1];
      if (last) {
        const p = map.project(last);
        if (Math.hypot(p.x - event.point.x, p.y - event.point.y) < 4) return; // the second click of a double-click
      }
      vertices.push([event.lngLat.lng, event.lngLat.lat]);
      redraw();
      return;
    }
    const level = levelOf().layer;
    const layers = [level === 'base' ? 'special-fill' : null, `${level}-fill`].filter((id) => id && map.getLayer(id));
    const hit = map.queryRenderedFeatures(event.point, { layers }).find((f) => f.properties?.code);
    if (hit) openGrid(hit.properties.code);
  });
  map.on('dblclick', (event) => {
    if (!drawing) return;
    event.preventDefault();
    finishDrawing();
  });

  const { shown, put } = gridStates(map);
  let refreshTimer = null;
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshes++;
      if (selectedGrid) openGrid(selectedGrid, { quiet: true });
      if (openCaseCode && !panels['case-panel'].hidden) openCase(openCaseCode, { quiet: true });
    }, 150);
  };
  const onFrame = (frame) => {
    switch (frame.type) {
      case 'snapshot':
        if (frame.gridVersion != null && frame.gridVersion !== version) {
          version = frame.gridVersion;
          map.getSource('grids').setTiles([tileUrl(version)]);
        }
        for (const code of [...shown.keys()]) if (!(code in frame.grids)) put(code, null);
        for (const [code, grid] of Object.entries(frame.grids)) put(code, grid);
        break;
      case 'delta': {
        for (const [code, grid] of Object.entries(frame.grids)) put(code, grid);
        // The open panel follows events of its grid (or of grids in it) and of its case.
        const touched = (frame.events || []).some((e) => (selectedGrid && e.gridCode?.startsWith(selectedGrid))
          || e.caseCode === openCaseCode) || (selectedGrid && selectedGrid in frame.grids);
        if (touched) refreshSoon();
        break;
      }
      case 'boundaries':
        version = frame.gridVersion;
        map.getSource('grids').setTiles([tileUrl(version)]);
        break;
      default:
    }
  };

  await loaded;
  const live = connectLive({ url: LIVE_URL, onFrame, onState: showConnection });

  // For the browser tests and a curious engineer at the console.
  window.gridDesk = {
    map, live, shown, layerOf, openGrid, openCase,
    level: () => levelOf().layer,
    selected: () => selectedGrid,
    caseCode: () => openCaseCode,
    refreshes: () => refreshes,
    drawn: () => drawnArea,
    lastCount: () => lastCount,
  };
  if (params.get('case')) openCase(params.get('case'));
}

main();
