// The desk's words for the service's codes, each written once here: case states, deadline kinds,
// deadline states, and the times as an officer in the county reads them.
import { el } from '../ui/page.js';

export const STATUS_NAMES = {
  received: '待受理', accepted: '已受理', transferred: '已转送', rejected: '不予受理', dispatched: '已派单', claimed: '已签收',
  contacted: '已联系', replied: '已答复', reviewing: '复查中', re_reviewing: '复核中', finished: '已办结', evaluated: '已评价',
  archived: '已归档',
};

// CLAIM is met by the 签收 action (status 已签收): the same word for the deadline, as the service names the step.
export const DEADLINE_NAMES = {
  CLAIM: '签收', REPLY: '答复', FINISH: '办结', DISPATCH: '派单', CONTACT: '见面', FIRST_ANSWER: '初步方案',
  FINAL_ANSWER: '答复时限', ACCEPTANCE_DECISION: '受理决定', TRANSFER_NOTICE: '转送告知', TRANSFER_OBJECTION: '转送异议期',
  HANDLING: '办理', REVIEW_REQUEST: '复查申请期', REVIEW_ANSWER: '复查', RE_REVIEW_REQUEST: '复核申请期', RE_REVIEW_ANSWER: '复核',
  CASE_LEAD: '包案时限',
};

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

// Where a case came in (渠道); the service has the codes (backend cases/Channel).
export const CHANNEL_NAMES = {
  grid_worker: '网格员上报', window: '窗口来访', hotline_12345: '12345热线', online: '网上提交', deputy_station: '代表联络站',
  patrol_inspector: '巡查员', open311: '外部系统接入（Open311）',
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

export const RISK_NAMES = { low: '低', medium: '中', high: '高' };
