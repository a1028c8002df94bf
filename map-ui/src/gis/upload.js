// The upload form: choose or drop a file, send it with its progress, then follow the draft's job until it ends.
import { api, problemError, session, toSignIn } from '../ui/page.js';
import { listDrafts } from './lists.js';
import { hideProgress, showJobProgress, showProgress, showUploadJobProgress } from './progress.js';
import { showDraft } from './report.js';
import { say, sayProblem, state } from './state.js';

const form = document.getElementById('upload');
const fileInput = document.getElementById('file');
const drop = document.getElementById('drop');
const dropText = document.getElementById('drop-text');
const submit = document.getElementById('upload-submit');
let chosenFile = null;

function choose(file) {
  chosenFile = file || null;
  submit.disabled = !chosenFile || state.uploading;
  if (chosenFile) {
    drop.dataset.file = chosenFile.name;
    dropText.textContent = `${chosenFile.name}（${(chosenFile.size / 1024).toFixed(1)} KB）`;
  } else {
    delete drop.dataset.file;
  }
}

/** Sends the form with the file (XHR, for its upload progress); resolves with {status, draft}, or rejects with a problemError. */
async function send(body) {
  const { csrf } = await session();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/boundaries/drafts');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        showProgress(`上传 uploading ${(event.loaded / 1024).toFixed(0)} / ${(event.total / 1024).toFixed(0)} KB`, event.loaded / event.total);
      }
    };
    // The bytes are there; the job's steps come from /live until the answer.
    xhr.upload.onload = () => showProgress('已上传，服务器读取中 uploaded, reading', null);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve({ status: xhr.status, draft: JSON.parse(xhr.responseText) });
      else if (xhr.status === 401) toSignIn();
      else reject(problemError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(Object.assign(new Error('网络错误，文件未送达 (network error: the file did not arrive)'), { problem: { status: 0 } }));
    xhr.send(body);
  });
}

async function uploadChosen(event) {
  event.preventDefault();
  if (!chosenFile || state.uploading) return;
  const body = new FormData();
  body.append('file', chosenFile, chosenFile.name);
  for (const [name, value] of new FormData(form)) {
    if (name !== 'file' && typeof value === 'string' && value.trim() !== '') body.append(name, value.trim());
  }
  state.uploading = true;
  state.watched = null;
  submit.disabled = true;
  say('');
  showProgress('上传 uploading', 0);
  try {
    const { status, draft: view } = await send(body);
    hideProgress(); // from here on the draft panel shows the job
    showDraft(view);
    if (status === 202) {
      say(`草稿 #${view.id} 已接收，正在检查 (accepted, checking)`, 'info');
      watch(view.id);
    } else {
      say(`草稿 #${view.id} 已检查 (checked)`, 'ok');
    }
    listDrafts();
  } catch (error) {
    hideProgress();
    sayProblem(error);
  } finally {
    state.uploading = false;
    submit.disabled = !chosenFile;
  }
}

/** Follows a running job: /live frames move the bar, a poll reads the draft until its job ends. */
export async function watch(id) {
  state.watched = id;
  while (state.watched === id) {
    await new Promise((done) => setTimeout(done, 1000));
    if (state.watched !== id) return;
    let view;
    try {
      view = await api(`/api/boundaries/drafts/${id}`);
    } catch (error) {
      state.watched = null;
      sayProblem(error);
      return;
    }
    if (view.state === 'reading' || view.state === 'checking') {
      showJobProgress(view.state, view.progress);
      continue;
    }
    state.watched = null;
    if (state.draft?.id === id) showDraft(view);
    say(view.state === 'failed' ? `草稿 #${id} 读取失败 (failed)` : `草稿 #${id} 已检查 (checked)`, view.state === 'failed' ? 'error' : 'ok',
      view.state === 'failed' ? view.failure : null);
    listDrafts();
  }
}

/** A /live frame of a draft's job: moves the bar of the job this page follows. */
export function onDraftFrame(frame) {
  // Before the answer names the draft, the job this page started is the one running.
  if (state.uploading && state.watched == null) showUploadJobProgress(frame.state, frame);
  else if (frame.draft === state.watched) showJobProgress(frame.state, frame);
}

export function startUpload() {
  fileInput.addEventListener('change', () => choose(fileInput.files[0]));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer.files.length) choose(event.dataTransfer.files[0]);
  });
  form.addEventListener('submit', uploadChosen);
}
