// What the GIS page shows now, shared by its modules.
import { messageLine } from '../ui/page.js';

export const state = {
  map: null,
  live: null,
  county: null,
  publishedVersion: null,
  uploading: false, // bytes are going up or the answer is awaited
  draft: null, // the DraftView shown
  watched: null, // the id of a draft whose job runs
  highlighted: null, // the code outlined on the map
};

export const { say, sayProblem } = messageLine(document.getElementById('message'));
export const levelSelect = document.getElementById('level');
export const draftPanel = document.getElementById('draft-panel');

/** The level drawn: the draft's, else the one chosen for the next upload. */
export const shownLevel = () => state.draft?.level || levelSelect.value;
