// Progress: the upload box's bar is this page's own upload only (bytes going up, then the job until
// the answer names the draft); a draft's running job shows its bar in the draft panel, whoever uploaded it.
import { el } from '../ui/page.js';
import { STATE_NAMES, STEP_NAMES, number } from './names.js';

const progressBox = document.getElementById('progress-box');
const progressBar = document.getElementById('progress');
const progressText = document.getElementById('progress-text');

function setBar(bar, fraction) {
  if (fraction == null) bar.removeAttribute('value'); // indeterminate
  else bar.value = Math.max(0, Math.min(1, fraction));
}

export function showProgress(text, fraction) {
  progressBox.hidden = false;
  progressText.textContent = text;
  setBar(progressBar, fraction);
}

export const hideProgress = () => {
  progressBox.hidden = true;
};

function jobText(state, progress) {
  const step = progress?.step;
  const total = progress?.total || 0;
  return `${STATE_NAMES[state] || state} ${state}${step ? ` · ${STEP_NAMES[step] || step}` : ''}${total ? ` ${number(progress.done)}/${number(total)}` : ''}`;
}

const fractionOf = (progress) => (progress?.total ? progress.done / progress.total : null);

/** This page's upload, its answer not yet come: the job's steps in the upload box. */
export function showUploadJobProgress(state, progress) {
  showProgress(jobText(state, progress), fractionOf(progress));
}

/** The bar of a draft's running job, for the draft panel. */
export function draftProgress(state, progress) {
  const bar = el('progress', { id: 'draft-progress-bar', max: '1' });
  setBar(bar, fractionOf(progress));
  return el('div', { id: 'draft-progress' }, bar, el('p', { id: 'draft-progress-text' }, jobText(state, progress)));
}

/** Moves the draft panel's bar (when the panel shows that draft). */
export function showJobProgress(state, progress) {
  const bar = document.getElementById('draft-progress-bar');
  if (!bar) return;
  setBar(bar, fractionOf(progress));
  document.getElementById('draft-progress-text').textContent = jobText(state, progress);
}
