// The lists under the panel: the newest drafts and the grid versions (with their rollback buttons).
import { api, el } from '../ui/page.js';
import { rollback } from './actions.js';
import { LEVELS, STATE_NAMES, VERSION_NAMES, at } from './names.js';
import { openDraft, uploader } from './report.js';
import { sayProblem, state } from './state.js';

export function markCurrentDraft() {
  for (const row of document.querySelectorAll('#drafts tr[data-draft]')) {
    row.classList.toggle('current', row.dataset.draft === String(state.draft?.id));
  }
}

export async function listDrafts() {
  try {
    const drafts = await api('/api/boundaries/drafts');
    const box = document.getElementById('drafts');
    if (!drafts.length) {
      box.replaceChildren(el('p', { class: 'empty' }, '还没有草稿 no drafts yet'));
      return;
    }
    box.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, ['#', '名称', '层级', '状态', '上传时间', '上传人'].map((h) => el('th', {}, h)))),
      el('tbody', {}, drafts.slice(0, 20).map((d) => el('tr', { dataset: { draft: String(d.id) }, onclick: () => openDraft(d.id), title: '打开 open' },
        el('td', {}, String(d.id)), el('td', {}, d.label || ''), el('td', {}, LEVELS[d.level]?.name || d.level),
        el('td', {}, el('span', { class: 'state', dataset: { state: d.state } }, STATE_NAMES[d.state] || d.state)), el('td', {}, at(d.createdAt)), el('td', {}, uploader(d)))))));
    markCurrentDraft();
  } catch (error) {
    sayProblem(error);
  }
}

export async function listVersions() {
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

