// A list of cases (a grid's, the overdue ones): every row it can show, each opening its case.
import { el } from '../ui/page.js';
import { STATUS_NAMES, at, readable } from './labels.js';
import { nav, overdueOnly } from './state.js';

export function caseTable(items, total) {
  if (items.length === 0) return el('p', { class: 'empty' }, overdueOnly.checked ? '无超期案件' : '无在办案件');
  return el('table', { class: 'cases' },
    el('thead', {}, el('tr', {}, ['案件编码', '标题', '状态', '最近期限', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, items.map((c) => el('tr', {
      dataset: { case: c.code, status: c.status },
      class: [c.overdue && 'overdue', c.warned && 'warned', c.nextDue && !readable(c.nextDue) && 'unreadable'].filter(Boolean).join(' ') || null,
    },
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => nav.go({ case: c.code }) }, c.code)),
    el('td', {}, c.title || ''),
    el('td', {}, `${STATUS_NAMES[c.status] || c.status}`),
    el('td', {}, at(c.nextDue)),
    el('td', { class: 'flags' }, [c.overdue && el('b', { class: 'flag overdue' }, '超期'), c.warned && el('b', { class: 'flag warned' }, '预警'),
      c.supervised && el('b', { class: 'flag supervised' }, '督办'),
      c.discipline && el('b', { class: 'flag discipline' }, '纪委督查')].filter(Boolean)))),
    ),
    total > items.length ? el('caption', {}, `共 ${total} 件，显示前 ${items.length} 件`) : null);
}

/** The list's filters as query parameters: overdue only, category, channel (from the URL state). */
export function filterQuery({ overdue, category, channel }) {
  return `${overdue ? '&overdue=true' : ''}${category ? `&category=${encodeURIComponent(category)}` : ''}`
    + `${channel ? `&channel=${encodeURIComponent(channel)}` : ''}`;
}
