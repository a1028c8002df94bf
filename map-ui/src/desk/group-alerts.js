// Group-event warnings (群体性事件苗头) on the desk: the open ones in the officer's area, each with
// its village, category, the count and links to the cases of the cluster, and a 确认 button that
// acknowledges it (POST /api/group-alerts/{id}/acknowledge), which takes it off every wall.
// Also the detail of a GROUP_ALERT line in a case's history: the count and links to the cases.
import { api, el } from '../ui/page.js';
import { problemText } from '../ui/problem-text.js';

const hm = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** Links to cases: each calls openCase(code). */
function caseLinks(codes, openCase) {
  return (codes || []).map((code) => el('a', { href: `#case=${code}`, class: 'case-link', dataset: { case: code },
    onclick: (event) => {
      event.preventDefault();
      openCase(code);
    } }, code));
}

// What an acknowledgement refused says: the pages' one reading of a problem, with this list's own word for a gone alert.
function refusal(error) {
  const { text, items } = problemText(error.problem, { notFound: '该预警已不存在：请刷新列表。' });
  return [text, ...items].join(' ');
}

/**
 * Renders the open warnings into container (replacing what it held) and answers how many there
 * are. openCase(code) opens a case on the desk; after an acknowledgement the list is rendered again.
 */
export async function renderGroupAlerts(container, { openCase }) {
  const alerts = await api('/api/group-alerts');
  const message = el('p', { class: 'group-alerts-message', role: 'alert', hidden: true });
  const acknowledge = async (alert, button) => {
    button.disabled = true;
    try {
      await api(`/api/group-alerts/${alert.id}/acknowledge`, { method: 'POST' });
      await renderGroupAlerts(container, { openCase });
    } catch (error) {
      button.disabled = false;
      message.hidden = false;
      message.textContent = refusal(error);
    }
  };
  container.replaceChildren(
    el('h3', {}, '群体性事件苗头 ', el('small', {}, `${alerts.length} 条待确认`)),
    alerts.length === 0 ? el('p', { class: 'group-alerts-none' }, '无待确认的预警') : el('ol', { class: 'group-alerts' },
      alerts.map((alert) => {
        const button = el('button', { type: 'button', class: 'acknowledge', dataset: { alert: alert.id } }, '确认');
        button.addEventListener('click', () => acknowledge(alert, button));
        return el('li', { dataset: { alert: alert.id, village: alert.village } },
          el('b', {}, `${alert.townshipName} ${alert.villageName}`), ' ',
          `${alert.categoryName} ${alert.cases} 件 · ${hm.format(new Date(alert.raisedAt))}`, ' ',
          el('span', { class: 'cases' }, caseLinks(alert.caseCodes, openCase)), ' ', button);
      })),
    message);
  return alerts.length;
}

/** The detail of a GROUP_ALERT event in a case's history (its payload): the count and links to the cases. */
export function groupAlertDetail(payload, openCase) {
  return el('span', { class: 'group-alert-detail' }, `同村同类 ${payload.cases} 件：`, caseLinks(payload.caseCodes, openCase));
}
