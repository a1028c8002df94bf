// One case: its facts, photos, deadlines and history, with the action form under them. A reporter
// is shown masked until asked for in full (an audited read).
import { EVENT_NAMES } from '../map/grids.js';
import { UNMASKING_ROLES, el, request } from '../ui/page.js';
import { actionForm, offerActions } from './action-form.js';
import { DEADLINE_NAMES, DEADLINE_STATES, STATUS_NAMES, at } from './labels.js';
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
  if (view.reporterAccess === 'withheld') return [el('span', { class: 'reporter' }, '举报人信息保密 '), el('small', {}, 'withheld: confidential report')];
  const full = fullReporter?.code === view.code ? fullReporter.reporter : null;
  const shown = full || view.reporter;
  const text = el('span', { class: 'reporter' }, [shown?.name, shown?.phone].filter(Boolean).join(' · ') || '–');
  if (full) return [text, ' ', el('small', { class: 'recorded' }, '已记录查看 (this read is recorded)')];
  if (view.reporterAccess !== 'masked' || !UNMASKING_ROLES.includes(desk.me?.role)) return [text];
  return [text, ' ', el('button', { type: 'button', id: 'unmask', class: 'link', onclick: () => unmask(view.code) }, '查看完整信息 ',
    el('small', {}, 'show in full'))];
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
  const grid = view.grids?.[view.grids.length - 1];
  return el('div', { id: 'case-body' },
    el('dl', { class: 'facts' },
      el('dt', {}, '状态 status'), el('dd', { class: 'case-status', dataset: { status: view.status } }, `${STATUS_NAMES[view.status] || view.status} ${view.status}`),
      el('dt', {}, '类别 category'), el('dd', {}, `${view.category?.name || ''} · 风险 ${view.risk || ''}`),
      el('dt', {}, '承办单位 unit'), el('dd', {}, view.unit ? `${view.unit.name} ${view.unit.code}` : '–'),
      el('dt', {}, '网格 grid'), el('dd', {}, grid
        ? el('button', { type: 'button', class: 'link', onclick: () => nav.openGrid(grid.code) }, `${grid.name} ${grid.code}`) : '–'),
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
    panel.replaceChildren(header, body, actionForm(view, { openCase, showCase, reread: () => loadCase(openCase.code, { quiet: true }) }));
  }
  show('case-panel');
}

export async function loadCase(code, { quiet = false } = {}) {
  try {
    const { data, etag } = await request(`/api/cases/${encodeURIComponent(code.trim())}`);
    if (!quiet || openCase.code !== data.code) {
      panels['case-panel'].replaceChildren(); // a new case: a fresh form
      say('');
    }
    showCase(data, etag);
    if (!quiet && data.location) focus(data.location);
  } catch (error) {
    sayProblem(error);
  }
}
