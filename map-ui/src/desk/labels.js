// The desk's words for the service's codes: case states, actions, channels, risks and deadline
// kinds as the service names them, deadline states, and the times as an officer in the county reads them.
import { fetchJson } from '../map/grids.js';
import { el } from '../ui/page.js';

// The service's words for its codes (GET /api/cases/words, from its enums): filled once by
// loadWords before the desk shows anything.
export const STATUS_NAMES = {};
export const ACTION_NAMES = {};
export const CHANNEL_NAMES = {};
export const RISK_NAMES = {};
export const DEADLINE_NAMES = {};

export async function loadWords() {
  const words = await fetchJson('/api/cases/words');
  Object.assign(STATUS_NAMES, words.statuses);
  Object.assign(ACTION_NAMES, words.actions);
  Object.assign(CHANNEL_NAMES, words.channels);
  Object.assign(RISK_NAMES, words.risks);
  Object.assign(DEADLINE_NAMES, words.deadlineKinds);
}

// A deadline's state as the service has it (the same for the list, the wall and the reports).
export const DEADLINE_STATES = {
  met: '已完成 met', met_late: '超期完成 met late', overdue: '超期 overdue', warned: '临期 warned', open: '进行中 running',
};

const when = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

// A time the browser cannot read is shown as it came, marked, so that one odd value blanks nothing.
export const readable = (iso) => !Number.isNaN(new Date(iso).getTime());

export const at = (iso) => {
  if (!iso) return '–';
  return readable(iso) ? when.format(new Date(iso)) : el('span', { class: 'bad-time', title: '无法识别的时间 (unreadable time)' }, `⚠ ${iso}`);
};

// The service's own actors: the channels a case came in by, and its automatic watchers.
const SYSTEM_ACTORS = { 'sla-sweeper': '期限监控（系统）', 'live:group-alert': '群体事件监测（系统）' };

/** An event's actor as a name; the code as the service wrote it goes to the hover text. */
export function actorName(actor) {
  if (!actor) return '';
  if (SYSTEM_ACTORS[actor]) return SYSTEM_ACTORS[actor];
  if (actor.startsWith('channel:')) return `${CHANNEL_NAMES[actor.slice('channel:'.length)] || actor}（渠道）`;
  return actor; // a person, as "姓名 (username)"
}

