// The action form of an open case: the actions the service allows now, each with the fields it
// needs (docs/cases.md). The signed-in user is the actor; a name typed here is whom they act for.
import { el, request } from '../ui/page.js';
import { ACTION_NAMES, STATUS_NAMES } from './labels.js';
import { say, sayProblem } from './state.js';

// The fields each action needs on this form; the actions' names are the service's (ACTION_NAMES).
const ACTIONS = [
  { path: 'accept', fields: ['unit'] },
  { path: 'transfer', fields: ['unit', 'reason'] },
  { path: 'object', fields: ['unit', 'reason'] },
  { path: 'dispatch', fields: ['unit'] },
  { path: 'supervise', fields: ['reason'], reasonLabel: '督办意见' },
  { path: 'escalate', fields: ['reason'] },
  { path: 'assign-leader', fields: ['leader'] },
  { path: 'reject', fields: ['reason'] },
  { path: 'return', fields: ['reason'] },
  { path: 'claim', fields: ['unit'] },
  { path: 'contact', fields: ['unit'] },
  { path: 'first-answer', fields: ['unit', 'reason'] },
  { path: 'reply', fields: ['unit', 'reason'] },
  { path: 'request-review', fields: ['unit', 'reason'] },
  { path: 'answer-review', fields: ['reason'] },
  { path: 'request-re-review', fields: ['unit', 'reason'] },
  { path: 'answer-re-review', fields: ['reason'] },
  { path: 'finish', fields: ['unit', 'reason'] },
  { path: 'evaluate', fields: ['rating'] },
  { path: 'archive', fields: [] },
  { path: 'extend', fields: ['days', 'reason'] },
  { path: 'mediate', fields: ['mediation'] },
  { path: 'merge', fields: ['other'] },
  { path: 'keep-separate', fields: ['other'] },
];

// What the form's fields are called and ask for, when the service finds one missing or wrong.
const ACTION_WORDS = {
  actions: ACTION_NAMES,
  fields: {
    unit: '单位编码：请填写正确的承办单位编码（可从列表中选择）',
    '403:unit': '单位编码：该单位不承办此案件；只有承办单位才能签收、联系、答复和办结，请填写承办单位的编码',
    reason: '理由/意见：请填写',
    actor: '代办：请填写代谁办理（100字以内），或留空',
    rating: '评价：请选择满意、基本满意或不满意',
    days: '延期天数：请填写 1 至 30 天',
    other: '另一案件：请填写疑似重复案件的编码',
    leader: '四定：请填写包案领导、责任单位、责任人和办结时限',
    'leader.leader': '包案领导：请填写',
    'leader.unit': '责任单位：请填写',
    'leader.person': '责任人：请填写',
    'leader.deadline': '办结时限：请选择今天或以后的日期',
    mediation: '调解：请选择调解员并说明是否达成协议',
    'mediation.mediator': '调解员：请从本类纠纷的调解员库中选择',
    'mediation.kind': '调解类别：须与调解员所在调解组织一致',
    'mediation.judicialConfirmation': '司法确认：须先达成调解协议',
  },
};

/**
 * The form for a case view; the open case ({code, version}), showCase(view, etag) after a change,
 * and reread() when the case changed under the officer.
 */
export function actionForm(view, { openCase, showCase, reread }) {
  const unitOptions = [
    ...(view.grids || []).filter((g) => g.level === 'village' || g.level === 'township').map((g) => [g.code, g.name]),
    ...(view.grids?.length ? [[`${view.grids[0].code}-${view.category?.code}`, `县${view.category?.name || ''}主管部门`]] : []),
  ];
  const select = el('select', { name: 'action', id: 'action' }, actionOptions(view));
  const field = (name, label, input) => el('label', { class: 'field', dataset: { field: name } }, el('span', {}, label), input);
  const form = el('form', { id: 'action-form', autocomplete: 'off' },
    el('h3', {}, '办理'),
    field('action', '动作', select),
    field('actor', '代办', el('input', { name: 'actor', maxlength: 100, placeholder: '可不填：代谁办理' })),
    field('unit', '单位编码', el('input', { name: 'unit', list: 'units', placeholder: view.unit?.code || '' })),
    el('datalist', { id: 'units' }, unitOptions.map(([code, name]) => el('option', { value: code }, name))),
    field('reason', '理由/意见', el('textarea', { name: 'reason', rows: 2 })),
    field('rating', '评价', el('select', { name: 'rating' }, ['满意', '基本满意', '不满意'].map((r) => el('option', { value: r }, r)))),
    field('days', '延期天数', el('input', { name: 'days', type: 'number', min: 1, max: 30, value: 30 })),
    field('other', '另一案件', el('input', { name: 'other', value: view.possibleDuplicates?.[0]?.code || '' })),
    el('fieldset', { dataset: { field: 'leader' } }, el('legend', {}, '四定：包案领导、责任单位、责任人、办结时限'),
      el('input', { name: 'leader.leader', placeholder: '包案领导' }),
      el('input', { name: 'leader.unit', placeholder: '责任单位' }),
      el('input', { name: 'leader.person', placeholder: '责任人' }),
      el('input', { name: 'leader.deadline', type: 'date' })),
    el('fieldset', { dataset: { field: 'mediation' } }, el('legend', {}, '调解：调解员（点菜）、结果'),
      mediatorSelect(view),
      el('select', { name: 'mediation.agreement' }, el('option', { value: 'true' }, '达成调解协议'), el('option', { value: 'false' }, '未达成协议')),
      el('label', {}, el('input', { type: 'checkbox', name: 'mediation.judicialConfirmation' }), ' 司法确认')),
    el('button', { type: 'submit', id: 'act' }, '提交'));
  const fit = () => {
    const action = ACTIONS.find((a) => a.path === select.value) || { fields: [] };
    for (const node of form.querySelectorAll('[data-field]')) {
      const name = node.dataset.field;
      node.hidden = !['action', 'actor'].includes(name) && !action.fields.includes(name);
    }
    form.querySelector('[data-field=reason] span').textContent = action.reasonLabel || '理由/意见';
  };
  select.addEventListener('change', fit);
  fit();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, { openCase, showCase, reread });
  });
  return form;
}

// The mediators a party of this dispute may pick from (点菜): those who take its category.
function mediatorSelect(view) {
  const select = el('select', { name: 'mediation.mediator' }, el('option', { value: '' }, '选择调解员'));
  if (view.allowedActions?.includes('mediate') && view.category?.code) {
    request(`/api/people?kind=mediator&category=${encodeURIComponent(view.category.code)}&size=200`).then(({ data }) =>
      select.append(...data.items.map((m) => el('option', { value: m.id }, `${m.name}（${m.body || ''}）`))), () => {});
  }
  return select;
}

// Only what the case allows now, as the service says (allowedActions).
function actionOptions(view) {
  return ACTIONS.filter((a) => !view.allowedActions || view.allowedActions.includes(a.path))
    .map((a) => el('option', { value: a.path }, ACTION_NAMES[a.path]));
}

/** After the case changed: the actions it allows now, the one chosen kept if it still is. */
export function offerActions(form, view) {
  const select = form.querySelector('select[name=action]');
  const options = actionOptions(view);
  // Unchanged (most refreshes): leave the officer's choice and the list alone.
  if (options.map((o) => o.value).join() === [...select.options].map((o) => o.value).join()) return;
  const chosen = select.value;
  select.replaceChildren(...options);
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  select.dispatchEvent(new Event('change'));
}

async function act(form, { openCase, showCase, reread }) {
  const values = Object.fromEntries(new FormData(form));
  const action = ACTIONS.find((a) => a.path === values.action);
  const body = values.actor.trim() ? { actor: values.actor.trim() } : {};
  for (const name of action.fields) {
    if (name === 'leader') {
      body.leader = { leader: values['leader.leader'], unit: values['leader.unit'], person: values['leader.person'] };
      if (values['leader.deadline']) body.leader.deadline = values['leader.deadline'];
    } else if (name === 'mediation') {
      body.mediation = { agreement: values['mediation.agreement'] === 'true',
        judicialConfirmation: values['mediation.judicialConfirmation'] === 'on' };
      if (values['mediation.mediator']) body.mediation.mediator = Number(values['mediation.mediator']);
    } else if (name === 'days') body.days = Number(values.days);
    else if (values[name] !== '') body[name] = values[name];
  }
  const button = form.querySelector('#act');
  button.disabled = true;
  try {
    const { data, etag } = await request(`/api/cases/${openCase.code}/actions/${action.path}`, {
      method: 'POST', body, headers: { 'If-Match': `"${openCase.version}"` },
    });
    form.reset();
    form.querySelector('select[name=action]').dispatchEvent(new Event('change'));
    showCase(data, etag);
    say(`已${ACTION_NAMES[action.path]}：${data.code} 现为“${STATUS_NAMES[data.status] || data.status}”`, 'ok');
  } catch (error) {
    sayProblem(error, ACTION_WORDS);
    if (error.problem?.status === 412) reread();
  } finally {
    button.disabled = false;
  }
}
