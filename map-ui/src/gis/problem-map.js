// The map: the published grids of the level in hand, the draft's over them with its changes, a problem flown to.
import { layerOf, tileUrl } from '../map/grids.js';
import { api } from '../ui/page.js';
import { GRID_LEVELS, LEVELS } from './names.js';
import { levelSelect, say, sayProblem, shownLevel, state } from './state.js';

const scopeInput = document.getElementById('scope');
const CHANGE_COLOURS = { added: '#2f9e44', removed: '#e03131', reshaped: '#f76707' };
const DRAFT_COLOUR = '#ffd43b';
const PUBLISHED_COLOUR = '#7d9bb3';

export function mapStyle() {
  const promoteId = Object.fromEntries(['county', ...GRID_LEVELS].map((level) => [level, 'code']));
  const vector = (version) => ({ type: 'vector', tiles: [tileUrl(version)], minzoom: 0, maxzoom: 14, promoteId });
  const shown = shownLevel();
  const visible = (yes) => ({ visibility: yes ? 'visible' : 'none' });
  const changeColour = ['match', ['get', 'change'], 'added', CHANGE_COLOURS.added, 'removed', CHANGE_COLOURS.removed,
    'reshaped', CHANGE_COLOURS.reshaped, '#868e96'];
  return {
    version: 8,
    sources: {
      grids: vector(state.publishedVersion),
      draft: vector(state.publishedVersion), // replaced by the draft's tiles when one is shown
      pin: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0b1620' } },
      // Context at any level: the townships' outlines, faint, so that the county is never an empty shape.
      {
        id: 'context-township', type: 'line', source: 'grids', 'source-layer': 'township', minzoom: 6,
        paint: { 'line-color': '#2b4a63', 'line-width': 1 },
      },
      {
        id: 'changes-fill', type: 'fill', source: 'draft', 'source-layer': 'changes', layout: visible(false),
        paint: { 'fill-color': changeColour, 'fill-opacity': 0.5 },
      },
      // Published outlines wide under the draft's narrow ones: where both agree the published
      // edge is a halo, where they differ it stands alone.
      ...GRID_LEVELS.map((level) => ({
        id: `published-${level}`, type: 'line', source: 'grids', 'source-layer': level, minzoom: LEVELS[level].min,
        layout: visible(level === shown), paint: { 'line-color': PUBLISHED_COLOUR, 'line-width': 3.5 },
      })),
      ...GRID_LEVELS.flatMap((level) => [
        {
          id: `draft-${level}-fill`, type: 'fill', source: 'draft', 'source-layer': level, minzoom: LEVELS[level].min,
          layout: visible(false), paint: { 'fill-color': DRAFT_COLOUR, 'fill-opacity': 0.05 },
        },
        {
          id: `draft-${level}-line`, type: 'line', source: 'draft', 'source-layer': level, minzoom: LEVELS[level].min,
          layout: visible(false), paint: { 'line-color': DRAFT_COLOUR, 'line-width': 1.2 },
        },
        {
          id: `draft-${level}-selected`, type: 'line', source: 'draft', 'source-layer': level, minzoom: LEVELS[level].min,
          filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#ffffff', 'line-width': 4 },
        },
      ]),
      {
        id: 'changes-selected', type: 'line', source: 'draft', 'source-layer': 'changes',
        filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#ffffff', 'line-width': 4, 'line-dasharray': [2, 1] },
      },
      {
        id: 'county-outline', type: 'line', source: 'grids', 'source-layer': 'county',
        paint: { 'line-color': '#9fd3ff', 'line-width': 2.5 },
      },
      {
        id: 'pin', type: 'circle', source: 'pin',
        paint: { 'circle-radius': 7, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
      },
    ],
  };
}

/** The published outlines of one level: the draft's, else the level chosen for the next upload. */
export function showLevel(level) {
  if (!state.map) return;
  for (const l of GRID_LEVELS) state.map.setLayoutProperty(`published-${l}`, 'visibility', l === level ? 'visible' : 'none');
  hintZoom();
}

export function hintZoom() {
  const hint = document.getElementById('zoom-hint');
  const level = shownLevel();
  const min = LEVELS[level].min;
  hint.hidden = !state.map || state.map.getZoom() >= min;
  hint.textContent = `放大到 ${min} 级以上可见${LEVELS[level].name} (zoom in to ${min}+ to see ${level} grids)`;
}

function highlight(code) {
  state.highlighted = code || null;
  if (!state.map) return;
  for (const level of GRID_LEVELS) {
    state.map.setFilter(`draft-${level}-selected`, ['==', ['get', 'code'], code && layerOf(code) === level ? code : '']);
  }
  state.map.setFilter('changes-selected', ['==', ['get', 'code'], code || '']);
}

/** The draft's tiles over the published ones; fitted to its scope when it is newly shown. */
export async function showOnMap(view, fit) {
  if (!state.map) return;
  highlight(null);
  state.map.getSource('pin').setData({ type: 'FeatureCollection', features: [] });
  const level = view?.level || levelSelect.value;
  for (const l of GRID_LEVELS) {
    for (const kind of ['fill', 'line']) state.map.setLayoutProperty(`draft-${l}-${kind}`, 'visibility', view && l === level ? 'visible' : 'none');
  }
  state.map.setLayoutProperty('changes-fill', 'visibility', view?.report ? 'visible' : 'none');
  if (view) {
    // Draft tiles are named by version and kept by the browser as immutable, but a repair or a
    // check again rewrites the draft: the check's time makes them new addresses.
    const checked = view.report?.checkedAt ? Date.parse(view.report.checkedAt) : 0;
    state.map.getSource('draft').setTiles([`${tileUrl(view.id)}&checked=${checked}`]);
  }
  showLevel(level);
  if (!fit) return;
  let bbox = state.county.bbox;
  if (view?.scope) {
    try {
      bbox = (await api(`/api/grids/${encodeURIComponent(view.scope)}`)).bbox || bbox;
    } catch {
      // a scope of an older version: stay on the county
    }
  }
  state.map.fitBounds(bbox, { padding: 40, duration: 0 });
}

/** A problem chosen in the list: fly to it and outline its grid. */
export function showProblem(problem) {
  highlight(problem.code);
  const pin = problem.at ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: problem.at } }] : [];
  state.map.getSource('pin').setData({ type: 'FeatureCollection', features: pin });
  if (problem.at) {
    const level = problem.code && LEVELS[layerOf(problem.code)] ? layerOf(problem.code) : shownLevel();
    const zoom = Math.min(17, Math.max(state.map.getZoom(), LEVELS[level].min + 2));
    state.map.flyTo({ center: problem.at, zoom, duration: 1200, essential: true });
  }
}

/** A click on the map fills the scope with the grid there one level above the level to upload. */
export async function pickScope(lngLat) {
  const parent = LEVELS[levelSelect.value].parent;
  try {
    const found = await api(`/api/grids/at?lon=${lngLat.lng.toFixed(7)}&lat=${lngLat.lat.toFixed(7)}`);
    const grid = (found.chain || []).find((g) => g.level === parent);
    if (!grid) return;
    scopeInput.value = parent === 'county' ? '' : grid.code;
    say(parent === 'county' ? '范围：全县 (scope: the whole county)' : `范围 scope：${grid.name} ${grid.code}`, 'info');
  } catch (error) {
    if (error.problem?.status === 404) say(`此处不在县内 (outside the county): ${error.message}`, 'info');
    else sayProblem(error);
  }
}

