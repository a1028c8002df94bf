// What the GIS page shows now, shared by its modules.
import { messageLine } from '../ui/page.js';
import { LEVELS } from './names.js';

export const state = {
  map: null,
  live: null,
  county: null,
  publishedVersion: null,
  uploading: false, // bytes are going up or the answer is awaited
  draft: null, // the DraftView shown
  watched: null, // the id of a draft whose job runs
  highlighted: null, // the code outlined on the map
  me: null, // the signed-in user (GET /api/session)
  popup: null, // what a click on the map identified
};

export const { say, sayProblem } = messageLine(document.getElementById('message'));
export const levelSelect = document.getElementById('level');
export const draftPanel = document.getElementById('draft-panel');

/** The level drawn: the draft's, else the one chosen for the next upload (townships while the codes are to tell it). */
export const shownLevel = () => state.draft?.level || (LEVELS[levelSelect.value] ? levelSelect.value : 'township');
