// The desk's words for the service's codes, each written once here: case states, deadline kinds,
// deadline states, and the times as an officer in the county reads them.
import { el } from '../ui/page.js';

export const STATUS_NAMES = {
  received: '待受理', accepted: '已受理', transferred: '已转送', rejected: '不予受理', dispatched: '已派单', claimed: '已签收',
  contacted: '已联系', replied: '已答复', reviewing: '复查中', re_reviewing: '复核中', finished: '已办结', evaluated: '已评价',
  archived: '已归档',
};

export const DEADLINE_NAMES = {
  CLAIM: '认领', REPLY: '答复', FINISH: '办结', DISPATCH: '派单', CONTACT: '见面', FIRST_ANSWER: '初步方案',
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
