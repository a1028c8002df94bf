// The upload box's progress bar: bytes going up, then the job's steps.
import { STATE_NAMES, STEP_NAMES, number } from './names.js';

const progressBox = document.getElementById('progress-box');
const progressBar = document.getElementById('progress');
const progressText = document.getElementById('progress-text');

export function showProgress(text, fraction) {
  progressBox.hidden = false;
  progressText.textContent = text;
  if (fraction == null) progressBar.removeAttribute('value'); // indeterminate
  else progressBar.value = Math.max(0, Math.min(1, fraction));
}

export const hideProgress = () => {
  progressBox.hidden = true;
};

export function showJobProgress(state, progress) {
  const step = progress?.step;
  const total = progress?.total || 0;
  const text = `${STATE_NAMES[state] || state} ${state}${step ? ` · ${STEP_NAMES[step] || step}` : ''}${total ? ` ${number(progress.done)}/${number(total)}` : ''}`;
  showProgress(text, total ? progress.done / total : null);
}
