// What is done to a draft or a version, each after its confirmation: repair, check again, publish, delete, roll back.
import { api, el } from '../ui/page.js';
import { tileUrl } from '../map/grids.js';
import { listDrafts, listVersions } from './lists.js';
import { number } from './names.js';
import { showOnMap } from './problem-map.js';
import { showDraft } from './report.js';
import { draftPanel, say, sayProblem, state } from './state.js';
import { watch } from './upload.js';

const dialog = document.getElementById('confirm');
/** The confirmation dialog; resolves true when confirmed. A danger (a delete) has its button red. */
function confirmed(title, body, { danger = false } = {}) {
  document.getElementById('confirm-ok').className = danger ? 'danger' : 'primary';
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').replaceChildren(...[body].flat());
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((done) => dialog.addEventListener('close', () => done(dialog.returnValue === 'ok'), { once: true }));
}

async function busy(id, work) {
  const node = document.getElementById(id);
  if (node) node.disabled = true;
  try {
    return await work();
  } catch (error) {
    sayProblem(error);
    return null;
  } finally {
    if (node?.isConnected) node.disabled = false;
  }
}

export async function repair() {
  say('正在修复并重新检查… (repairing, checking again)');
  const view = await busy('repair', () => api(`/api/boundaries/drafts/${state.draft.id}/repairs`, { method: 'POST' }));
  if (!view) return;
  showDraft(view);
  if (view.state === 'checking') watch(view.id); // a long check goes on as a job (202)
  else say(`已应用修复并重新检查：${view.report?.errors ?? 0} 个错误 (repairs applied, checked again)`, 'ok');
}

export async function recheck() {
  say('正在重新检查… (checking again)');
  const view = await busy('recheck', () => api(`/api/boundaries/drafts/${state.draft.id}/check`, { method: 'POST' }));
  if (!view) return;
  showDraft(view);
  if (view.state === 'checking') watch(view.id);
  else say(`已对照现行版本 v${view.baseVersion} 重新检查 (checked again)`, 'ok');
}

function outcomeText(verb, outcome) {
  return `${verb}：版本 v${outcome.published} 生效，v${outcome.retired} 退役；迁移 ${number(outcome.householdsMoved)} 户、`
    + `${number(outcome.casesMoved)} 件在办案件，用时 ${number(outcome.millis)} 毫秒 (households and open cases moved, ms)`;
}

export async function publish() {
  const changes = state.draft.report?.changes || {};
  const ok = await confirmed(`发布草稿 #${state.draft.id}？`, [
    el('p', {}, `发布后“${state.draft.label}”成为现行版本，现行版本 v${state.publishedVersion} 退役（可回滚）。`),
    el('ul', { id: 'confirm-moves' },
      el('li', {}, `迁移 ${number(changes.householdsMoving)} 户 households`),
      el('li', {}, `迁移 ${number(changes.casesMoving)} 件在办案件 open cases`),
      el('li', {}, `新增 ${changes.added?.count ?? 0}、删除 ${changes.removed?.count ?? 0}、调整 ${changes.reshaped?.count ?? 0} 个网格 grids added/removed/reshaped`))]);
  if (!ok) return;
  say('正在发布… (publishing)');
  const outcome = await busy('publish', () => api(`/api/boundaries/drafts/${state.draft.id}/publish`, { method: 'POST' }));
  if (!outcome) return;
  published(outcome.published);
  say(outcomeText('已发布 published', outcome), 'ok');
  openDraftQuietly(state.draft.id);
}

export async function discard() {
  const running = state.draft.state === 'reading' || state.draft.state === 'checking';
  const ok = await confirmed(`删除草稿 #${state.draft.id}？`,
    el('p', {}, `草稿和它的报告将被删除，现行版本不受影响。${running ? '它的读取或检查任务将被停止。' : ''}`), { danger: true });
  if (!ok) return;
  const id = state.draft.id;
  state.watched = null; // its job, if one runs, is stopped: no more asking after it
  const done = await busy('discard', async () => {
    await api(`/api/boundaries/drafts/${id}`, { method: 'DELETE' });
    return true;
  });
  if (!done) return;
  state.draft = null;
  draftPanel.hidden = true;
  draftPanel.replaceChildren();
  delete draftPanel.dataset.draft;
  showOnMap(null, true);
  say(`草稿 #${id} 已删除 (deleted)`, 'ok');
  listDrafts();
  listVersions();
}

export async function rollback(version) {
  const ok = await confirmed(`回滚到版本 v${version}？`,
    el('p', {}, `版本 v${version} 重新发布，现行版本 v${state.publishedVersion} 退役；户和在办案件按 v${version} 的边界迁回。`));
  if (!ok) return;
  say('正在回滚… (rolling back)');
  const outcome = await busy(`rollback-${version}`, () => api(`/api/boundaries/versions/${version}/rollback`, { method: 'POST' }));
  if (!outcome) return;
  published(outcome.published);
  say(outcomeText('已回滚 rolled back', outcome), 'ok');
  if (state.draft) openDraftQuietly(state.draft.id);
}

async function openDraftQuietly(id) {
  try {
    showDraft(await api(`/api/boundaries/drafts/${id}`));
  } catch {
    // the message line already says what happened
  }
}

/** Another version is published (here or elsewhere): new tiles, new lists. */
export function published(version) {
  if (version !== state.publishedVersion) {
    state.publishedVersion = version;
    document.getElementById('published-version').textContent = `v${version}`;
    state.map?.getSource('grids')?.setTiles([tileUrl(version)]);
  }
  listVersions();
  listDrafts();
}

