// The map of the grids, shared by the wall (/wall) and the desk (/desk): the vector-tile style
// (one level at a time, coloured from /live through feature-state), the hatch for overdue grids,
// the level of a grid code, event names in Chinese and a patient fetch.
import { problemError } from '../ui/page.js';

// Fill colours; overdue is also hatched and hotspots are dashed outlines of growing width, so
// neither is told by colour alone. The legends' CSS reads them as var(--none), var(--open), ...
// risk: the desk's solid ring around grids holding an open class-一 entry of the risk register.
export const COLOURS = { none: '#1f4e5f', open: '#3d8bfd', warning: '#f59f00', overdue: '#e03131', hot: '#ff4fd8', risk: '#b197fc' };
for (const [name, colour] of Object.entries(COLOURS)) document.documentElement.style.setProperty(`--${name}`, colour);

// One level is drawn at a time, the one readable at the zoom; special grids are drawn over base
// grids from their own zoom. The table (level, name, zooms, code length, parent) is the server's
// (GridLevel, /api/grids/levels), which also makes the tiles carry each level from its min zoom.
// Read once, before any page's script runs: every map needs it, and it is the same for everyone.
export const LEVELS = await fetchJson('/api/grids/levels');

export const EVENT_NAMES = {
  RECEIVED: '新案件', ACCEPTED: '受理', REJECTED: '不予受理', DISPATCHED: '派单', CLAIMED: '签收',
  RETURNED: '退回', ESCALATED: '上报', CONTACTED: '联系', REPLIED: '答复', FINISHED: '办结',
  EVALUATED: '评价', ARCHIVED: '归档', SUPERVISED: '督办', LEADER_ASSIGNED: '领导包案', EXTENDED: '延期',
  MERGED: '合并', KEPT_SEPARATE: '不予合并', WARNED: '预警', OVERDUE: '超期', GROUP_ALERT: '群体性事件苗头', GROUP_ALERT_ACKNOWLEDGED: '苗头已确认', MEDIATED: '调解',
  TRANSFERRED: '转送', TRANSFER_OBJECTED: '转送异议', FIRST_ANSWERED: '初步方案', REVIEW_REQUESTED: '申请复查',
  REVIEW_ANSWERED: '复查意见', RE_REVIEW_REQUESTED: '申请复核', RE_REVIEW_ANSWERED: '复核意见', REOPENED: '不满意重办',
  REMINDED: '催办', REFERRED: '纪委督查', DEADLINES_RECOMPUTED: '期限重算', GRID_CHANGED: '网格调整', MEDIA_ADDED: '补充照片',
};

// A grid's tile layer follows from its code: 6 digits county, then 3 per level; a village's
// special grids are numbered from 901 among its groups.
export function layerOf(code) {
  switch (code.length) {
    case 6: return 'county';
    case 9: return 'township';
    case 12: return 'village';
    case 15: return code.slice(12) >= '901' ? 'special' : 'group';
    case 18: return 'base';
    default: return null;
  }
}

// Asks again until the service answers: the wall may be switched on before the service is. A 401
// is an answer (a thrown problemError): nobody is signed in, and asking again would not change that.
export async function fetchJson(path) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } }).catch(() => null); // not there yet
    if (response?.status === 401) throw problemError(401, await response.text());
    if (response?.ok) {
      try {
        return await response.json();
      } catch {
        // cut short: ask again
      }
    }
    await new Promise((done) => setTimeout(done, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));
  }
}

export function tileUrl(version) {
  // MapLibre's workers need an absolute URL; the version makes tiles immutable and cacheable.
  return `${location.origin}/tiles/grids/{z}/{x}/{y}.mvt?v=${version}`;
}

// A hatch for overdue grids, drawn here: there is no sprite server and none is needed.
export function hatch(size = 12) {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onStripe = (x + y) % size < 3;
      data.set(onStripe ? [255, 255, 255, 200] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

export function layersOf({ layer, min, max }) {
  const n = (key) => ['coalesce', ['feature-state', key], 0];
  const common = { source: 'grids', 'source-layer': layer, minzoom: min, maxzoom: max };
  return [
    {
      ...common, id: `${layer}-fill`, type: 'fill',
      paint: {
        'fill-color': ['case', ['>', n('overdue'), 0], COLOURS.overdue, ['>', n('warned'), 0], COLOURS.warning,
          ['>', n('open'), 0], COLOURS.open, COLOURS.none],
        'fill-antialias': false,
      },
    },
    {
      ...common, id: `${layer}-hatch`, type: 'fill',
      paint: { 'fill-pattern': 'hatch', 'fill-opacity': ['case', ['>', n('overdue'), 0], 1, 0] },
    },
    {
      ...common, id: `${layer}-line`, type: 'line',
      paint: { 'line-color': '#0b1620', 'line-width': 1 },
    },
    {
      ...common, id: `${layer}-hot`, type: 'line',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.hot,
        'line-dasharray': [2, 1],
        'line-width': ['match', n('hot'), 1, 3, 2, 5, 3, 8, 0],
        'line-opacity': ['case', ['>', n('hot'), 0], 1, 0],
      },
    },
  ];
}

export function style(version) {
  const promoteId = Object.fromEntries(LEVELS.map(({ layer }) => [layer, 'code']));
  return {
    version: 8,
    sources: {
      grids: { type: 'vector', tiles: [tileUrl(version)], minzoom: 0, maxzoom: 14, promoteId },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0b1620' } },
      ...LEVELS.flatMap(layersOf),
      {
        id: 'county-outline', type: 'line', source: 'grids', 'source-layer': 'county',
        paint: { 'line-color': '#9fd3ff', 'line-width': 3 },
      },
    ],
  };
}

// What /live has told a page, by grid code, applied as feature-state; only grids with something
// to show are kept, so this and MapLibre's own state store stay as big as the county, however
// long the page runs. put(code, null or {}) clears a grid.
export function gridStates(map) {
  const shown = new Map();
  const put = (code, grid) => {
    const sourceLayer = layerOf(code);
    if (!sourceLayer) return;
    const target = { source: 'grids', sourceLayer, id: code };
    if (!grid || Object.keys(grid).length === 0) {
      if (shown.delete(code)) map.removeFeatureState(target);
      return;
    }
    shown.set(code, grid);
    map.setFeatureState(target, {
      open: grid.open || 0, warned: grid.warned || 0, overdue: grid.overdue || 0, hot: grid.hot || 0,
    });
  };
  return { shown, put };
}
