// One case: its facts, photos, deadlines and history, with the action form under them. A reporter
// is shown masked until asked for in full (an audited read).
import { EVENT_NAMES } from '../map/grids.js';
import { UNMASKING_ROLES, el, request } from '../ui/page.js';
import { actionForm, offerActions } from './action-form.js';
import {
  CHANNEL_NAMES, DEADLINE_NAMES, DEADLINE_STATES, RISK_NAMES, STATUS_NAMES, actorName, at,
} from './labels.js';
import { groupAlertDetail } from './group-alerts.js';
import { focus } from './map.js';
import { keepPhotos, photoStrip } from './photos.js';
import { desk, nav, panels, say, sayProblem, show, whenShown } from './state.js';

export const openCase = { code: null, version: null };
let fullReporter = null; // the open case's reporter read in full ({code, reporter}), kept while it stays open

// Read in full again, and recorded again, when wanted again.
whenShown((ids) => { if (!ids.includes('case-panel')) fullReporter = null; });

/** The case version an ETag names ("3" or W/"3"), for If-Match. */
const versionOf = (etag) => (etag ? etag.replace(/^W\//, '').replace(/"/g, '') : null);

// The reporter as the API shows it: masked (张*, 138****1234), withheld in a confidential report
// (检举控告), or in full once asked for, which the service records in its audit trail.
function reporterFacts(view) {
  if (view.reporterAccess === 'withheld') return [el('span', { class: 'reporter' }, '举报人信息保密（检举控告）')];
  const full = fullReporter?.code === view.code ? fullReporter.reporter : null;
  const shown = full || view.reporter;
  const text = el('span', { class: 'reporter' }, [shown?.name, shown?.phone].filter(Boolean).join(' · ') || '–');
  if (full) return [text, ' ', el('small', { class: 'recorded' }, '已记录查看')];
  if (view.reporterAccess !== 'masked' || !UNMASKING_ROLES.includes(desk.me?.role)) return [text];
  return [text, ' ', el('button', { type: 'button', id: 'unmask', class: 'link', onclick: () => unmask(view.code) }, '查看完整信息 ',
    el('small', {}, '（将记录查看）'))];
}

async function unmask(code) {
  try {
    const { data, etag } = await request(`/api/cases/${encodeURIComponent(code)}?unmasked=true`);
    if (data.reporterAccess === 'unmasked') fullReporter = { code: data.code, reporter: data.reporter };
    showCase(data, etag);
  } catch (error) {
    sayProblem(error);
  }
}

// A warning that comes with (or after) its own overdue notice says nothing the overdue one does
// not: a case received in the past gets both in the same second. Only the display drops it.
function withoutLateWarnings(history) {
  const overdueAt = new Map();
  for (const e of history) {
    if (e.type === 'OVERDUE' && e.payload?.kind) overdueAt.set(`${e.payload.kind}|${e.payload.due}`, e.at);
  }
  return history.filter((e) => {
    if (e.type !== 'WARNED' || !e.payload?.kind) return true;
    const overdue = overdueAt.get(`${e.payload.kind}|${e.payload.due}`);
    return !(overdue && new Date(overdue).getTime() <= new Date(e.at).getTime());
  });
}

const unitName = (view, code) => el('span', { class: 'unit', title: `单位编码 ${code}` }, view.unitNames?.[code] || code);

function historyLine(view, e) {
  const p = e.payload || {};
  const deadline = p.kind && DEADLINE_NAMES[p.kind];
  const detail = [p.reason, p.rating, p.leader && `包案 ${p.leader.leader}`, p.days && `${p.days} 天`,
    p.media?.length && `附照片 ${p.media.length} 张`,
    p.mediation && `调解员 ${p.mediation.mediatorName || p.mediation.mediator}（${p.mediation.kind || ''}）`
      + `${p.mediation.agreement ? '达成协议' : '未达成协议'}${p.mediation.judicialConfirmation ? '，司法确认' : ''}`].filter(Boolean);
  return el('li', { dataset: { type: e.type } }, el('time', {}, at(e.at)), ' ',
    el('b', {}, EVENT_NAMES[e.type] || e.type), deadline ? el('span', { class: 'deadline-kind', title: p.kind }, ` ${deadline}期限`) : null,
    p.reminder ? ` 第${p.reminder}次` : null, ' ',
    el('span', { class: 'actor', title: e.actor || '' }, actorName(e.actor)),
    p.onBehalfOf ? el('small', { class: 'on-behalf' }, ` 代 ${p.onBehalfOf}`) : null,
    p.unit ? [' → ', unitName(view, p.unit)] : null,
    detail.length ? el('q', {}, detail.join(' · ')) : null,
    e.type === 'GROUP_ALERT' ? groupAlertDetail(p, (code) => nav.go({ case: code })) : null);
}

// The possible duplicates, each a link to the other case, and how often the reporter came before.
function relatedCases(view) {
  const links = view.possibleDuplicates || [];
  const reasons = { nearby: '附近同类', same_reporter: '同一报告人' };
  const decisions = { merged: '已合并', kept: '不予合并' };
  return el('div', { class: 'related' },
    links.length === 0 ? el('p', { class: 'empty' }, '无疑似重复案件')
      : el('ul', { class: 'duplicates' }, links.map((l) => el('li', { dataset: { case: l.code } },
        el('button', { type: 'button', class: 'link', onclick: () => nav.go({ case: l.code }) }, l.code),
        ` ${reasons[l.reason] || l.reason}`, l.decision ? ` · ${decisions[l.decision] || l.decision}` : ''))),
    el('p', { class: 'earlier' }, view.earlierFromReporter > 0
      ? `该报告人此前已反映 ${view.earlierFromReporter} 件${view.category?.code === 'petition' ? '（重复信访）' : ''}`
      : '该报告人此前未反映过案件'));
}

function caseBody(view) {
  const deadlines = el('table', { class: 'deadlines' },
    el('thead', {}, el('tr', {}, ['期限', '到期', '预警', '完成'].map((h) => el('th', {}, h)))),
    el('tbody', {}, (view.deadlines || []).map((d) => el('tr', { dataset: { kind: d.kind, round: d.round, state: d.state },
      class: d.state === 'overdue' || d.state === 'warned' ? d.state : null },
    el('td', { title: d.kind }, `${d.round > 0 ? `重办${d.round} ` : ''}${DEADLINE_NAMES[d.kind] || d.kind}`),
    el('td', {}, at(d.due), d.provisional ? el('small', { class: 'provisional', title: '该年度节假日安排未载入，按常规周计算' }, ' 暂定') : null),
    el('td', {}, at(d.warnAt)),
    el('td', {}, d.metAt ? at(d.metAt) : DEADLINE_STATES[d.state] || d.state)))));
  const history = el('ol', { id: 'history' }, withoutLateWarnings(view.history || []).map((e) => historyLine(view, e)));
  const grid = view.grids?.[view.grids.length - 1];
  const from = nav.now().grid;
  return el('div', { id: 'case-body' },
    from ? el('p', { class: 'back' }, el('button', { type: 'button', class: 'link', id: 'back-to-grid', onclick: () => nav.go({ case: null }) },
      '← 返回网格列表')) : null,
    el('dl', { class: 'facts' },
      el('dt', {}, '状态'), el('dd', { class: 'case-status', dataset: { status: view.status }, title: view.status }, STATUS_NAMES[view.status] || view.status),
      el('dt', {}, '类别'), el('dd', {}, `${view.category?.name || ''} · 风险${RISK_NAMES[view.risk] || view.risk || ''}`),
      el('dt', {}, '渠道'), el('dd', { class: 'case-channel', title: view.channel }, CHANNEL_NAMES[view.channel] || view.channel || '–'),
      el('dt', {}, '描述'), el('dd', { class: 'case-description' }, view.description || '–'),
      el('dt', {}, '承办单位'), el('dd', {}, view.unit ? el('span', { class: 'unit', title: `单位编码 ${view.unit.code}` }, view.unit.name) : '–'),
      el('dt', {}, '地点'), el('dd', { class: 'case-place' }, placeOf(view, grid)),
      el('dt', {}, '报告人'), el('dd', { class: 'case-reporter', dataset: { access: view.reporterAccess || 'none' } }, reporterFacts(view)),
      el('dt', {}, '接收时间'), el('dd', { class: 'case-received' }, at(view.receivedAt)),
      el('dt', {}, '督办'), el('dd', {}, view.supervised ? '是' : '否'),
      el('dt', {}, '包案'), el('dd', { class: 'case-leader' }, view.leader
        ? `${view.leader.leader} · ${view.leader.unit} · ${view.leader.person} · 限 ${view.leader.deadline}` : '–'),
      el('dt', {}, '纪委督查'), el('dd', { class: 'case-discipline' }, view.discipline
        ? el('b', { class: 'flag discipline' }, '已移交纪委督查问责') : '否')),
    el('h3', {}, '疑似重复与来访记录'), relatedCases(view),
    el('h3', {}, '照片'), photoStrip(view),
    el('h3', {}, '期限'), deadlines,
    el('h3', {}, '全程留痕'), history);
}

// The case's place: its grid chain (the finest a link to that grid), its coordinates, and a small
// map of its grid with the point on it.
function placeOf(view, grid) {
  if (!grid) return '–';
  const chain = (view.grids || []).filter((g) => g.level !== 'county').map((g) => g.name).join(' · ');
  return [
    el('button', { type: 'button', class: 'link case-grid', title: `网格编码 ${grid.code}`, onclick: () => nav.go({ grid: grid.code, case: null }) }, chain),
    view.location ? el('small', {}, ` ${view.location.lon.toFixed(5)}, ${view.location.lat.toFixed(5)}`) : null,
    placeMap(view, grid.code),
  ];
}

function placeMap(view, gridCode) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'place-map');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', '案件位置图');
  request(`/api/grids/${gridCode}/geometry`).then(({ data }) => drawPlace(svg, data.geometry, view.location)).catch(() => svg.remove());
  return svg;
}

const SVG = 'http://www.w3.org/2000/svg';

function drawPlace(svg, geometry, location) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const points = polygons.flat(2);
  if (location) points.push([location.lon, location.lat]);
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scaleY = 1 / Math.cos(((minY + maxY) / 2) * Math.PI / 180); // degrees of latitude are longer than of longitude here
  const width = maxX - minX || 1e-4, height = (maxY - minY) * scaleY || 1e-4;
  const pad = Math.max(width, height) * 0.08;
  svg.setAttribute('viewBox', `${minX - pad} ${-maxY * scaleY - pad} ${width + 2 * pad} ${height + 2 * pad}`);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', polygons.flatMap((rings) => rings.map((ring) => `M${ring.map(([x, y]) => `${x},${-y * scaleY}`).join('L')}Z`)).join(''));
  path.setAttribute('class', 'place-grid');
  svg.append(path);
  if (location) {
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', location.lon);
    dot.setAttribute('cy', -location.lat * scaleY);
    dot.setAttribute('r', Math.max(width, height) * 0.04);
    dot.setAttribute('class', 'place-point');
    svg.append(dot);
  }
}

/** Shows a case as the API answered it (with the ETag that gives its version for If-Match). */
export function showCase(view, etag) {
  openCase.code = view.code;
  openCase.version = versionOf(etag) ?? String(view.version);
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
    // The form right under the case's title: at 1366x768 it is on screen without scrolling.
    panel.replaceChildren(header, actionForm(view, { openCase, showCase, reread: () => loadCase(openCase.code, { quiet: true }) }), body);
  }
  show('case-panel');
}

/** What the desk says of a case it cannot show (ui/problem-text.js, with the desk's words). */
export const CASE_WORDS = { notFound: '未找到该案件，请核对案件编码。' };

/** Reads a case and shows it; quiet: a refresh of the open case (the form and the map stay). */
export async function loadCase(code, { quiet = false } = {}) {
  try {
    const { data, etag } = await request(`/api/cases/${encodeURIComponent(code.trim())}`);
    if (nav.now().case && nav.now().case !== code) return; // the officer moved on meanwhile
    if (!quiet || openCase.code !== data.code) {
      panels['case-panel'].replaceChildren(); // a new case: a fresh form
      say('');
    }
    showCase(data, etag);
    if (!quiet && data.location) focus(data.location);
  } catch (error) {
    sayProblem(error, CASE_WORDS);
  }
}
