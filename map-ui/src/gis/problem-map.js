// The map: the published grids of the level in hand, the draft's over them with its changes, a problem flown to.
import maplibregl from 'maplibre-gl';
import { layerOf, tileUrl } from '../map/grids.js';
import { api, el } from '../ui/page.js';
import { GRID_LEVELS, LEVELS } from './names.js';
import { kindName, problemText } from './problem-text.js';
import { say, sayProblem, shownLevel, state } from './state.js';

const scopeInput = document.getElementById('scope');
const PROBLEM_COLOURS = { error: '#ff3b3b', warning: '#ffb000' };
const EMPTY = { type: 'FeatureCollection', features: [] };
// The changes' colours; the page's CSS reads them as var(--added), var(--removed), var(--reshaped).
const CHANGE_COLOURS = { added: '#2f9e44', removed: '#e03131', reshaped: '#f76707' };
for (const [name, colour] of Object.entries(CHANGE_COLOURS)) document.documentElement.style.setProperty(`--${name}`, colour);
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
      pin: { type: 'geojson', data: EMPTY },
      // Each problem's own area (overlap, gap, part outside, sliver) and a marker at its point,
      // so that a problem of a few square metres is seen at any zoom.
      problems: { type: 'geojson', data: EMPTY },
      'problem-points': { type: 'geojson', data: EMPTY },
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
        id: 'problems-fill', type: 'fill', source: 'problems',
        paint: { 'fill-color': ['match', ['get', 'severity'], 'error', PROBLEM_COLOURS.error, PROBLEM_COLOURS.warning], 'fill-opacity': 0.55 },
      },
      {
        id: 'problems-outline', type: 'line', source: 'problems',
        paint: { 'line-color': ['match', ['get', 'severity'], 'error', PROBLEM_COLOURS.error, PROBLEM_COLOURS.warning], 'line-width': 2 },
      },
      {
        id: 'problems-selected', type: 'line', source: 'problems', filter: ['==', ['get', 'index'], -1],
        paint: { 'line-color': '#ffffff', 'line-width': 4 },
      },
      {
        id: 'problem-markers', type: 'circle', source: 'problem-points',
        paint: {
          'circle-radius': 5, 'circle-color': ['match', ['get', 'severity'], 'error', PROBLEM_COLOURS.error, PROBLEM_COLOURS.warning],
          'circle-stroke-color': '#0b1620', 'circle-stroke-width': 1.5,
        },
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
  const level = view?.level || shownLevel();
  for (const l of GRID_LEVELS) {
    for (const kind of ['fill', 'line']) state.map.setLayoutProperty(`draft-${l}-${kind}`, 'visibility', view && l === level ? 'visible' : 'none');
  }
  state.map.setLayoutProperty('changes-fill', 'visibility', view?.report ? 'visible' : 'none');
  showProblems(view);
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

/** The problems of the draft on the map: their points from the report, their areas from the export. */
async function showProblems(view) {
  const problems = view?.report?.problems || [];
  state.map.getSource('problem-points').setData({
    type: 'FeatureCollection',
    features: problems.map((p, index) => [p, index]).filter(([p]) => p.at).map(([p, index]) => ({
      type: 'Feature', properties: { index, severity: p.severity, check: p.check }, geometry: { type: 'Point', coordinates: p.at },
    })),
  });
  state.map.getSource('problems').setData(EMPTY);
  showProblemsOfKind('');
  if (!problems.length) return;
  try {
    const shapes = await api(`/api/boundaries/drafts/${view.id}/problems.geojson`);
    if (state.draft?.id !== view.id) return; // another draft was opened meanwhile
    // Only the areas (the source holds polygons only): a problem without one has its marker already.
    shapes.features = shapes.features.filter((f) => f.geometry && f.geometry.type !== 'Point');
    state.map.getSource('problems').setData(shapes);
  } catch (error) {
    sayProblem(error);
  }
}

/** Only the problems of one kind on the map ('' for all), as in the list. */
export function showProblemsOfKind(kind) {
  if (!state.map) return;
  const filter = kind ? ['==', ['get', 'check'], kind] : null;
  for (const layer of ['problem-markers', 'problems-fill', 'problems-outline']) state.map.setFilter(layer, filter);
}

/** A problem chosen in the list: fly to it, outline its grid and its own area. */
export function showProblem(problem) {
  highlight(problem.code);
  const index = state.draft?.report?.problems?.indexOf(problem) ?? -1;
  state.map.setFilter('problems-selected', ['==', ['get', 'index'], index]);
  const pin = problem.at ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: problem.at } }] : [];
  state.map.getSource('pin').setData({ type: 'FeatureCollection', features: pin });
  if (problem.at) {
    const level = problem.code && LEVELS[layerOf(problem.code)] ? layerOf(problem.code) : shownLevel();
    const zoom = Math.min(17, Math.max(state.map.getZoom(), LEVELS[level].min + 2));
    state.map.flyTo({ center: problem.at, zoom, duration: 1200, essential: true });
  }
}

/** A grid code clicked in the report: the map fitted to the grid (as published) and outlined. */
export async function flyToGrid(code) {
  try {
    const grid = await api(`/api/grids/${encodeURIComponent(code)}`);
    highlight(code);
    state.map.fitBounds(grid.bbox, { padding: 60, duration: 800, maxZoom: 17 });
  } catch (error) {
    if (error.problem?.status === 404) say(`网格 ${code} 不在现行版本中（新增的网格只在草稿中）`, 'info');
    else sayProblem(error);
  }
}

const scopeButton = (grid) => el('button', {
  type: 'button', id: `use-scope-${grid.level}`, class: 'use-scope',
  onclick: () => {
    scopeInput.value = grid.code;
    say(`上传范围：${grid.name} ${grid.code}`, 'info');
  },
}, `以此${LEVELS[grid.level]?.name || grid.level}为上传范围`);

/**
 * A click on the map identifies what is there, as desktop GIS does: the draft's grid (else the
 * published one) of the level shown, with its code, name, level and problems, and the grids
 * around it that can be the scope of the next upload.
 */
export async function identify(lngLat, point) {
  const level = shownLevel();
  const drafted = state.draft ? state.map.queryRenderedFeatures(point, { layers: [`draft-${level}-fill`] })[0]?.properties : null;
  let chain = [];
  try {
    chain = (await api(`/api/grids/at?lon=${lngLat.lng.toFixed(7)}&lat=${lngLat.lat.toFixed(7)}`)).chain || [];
  } catch (error) {
    if (error.problem?.status === 404) return say('此处不在县内', 'info');
    return sayProblem(error);
  }
  const published = chain.find((g) => g.level === level) || chain[chain.length - 1];
  const grid = drafted ? { code: drafted.code, name: drafted.name, level: drafted.level } : published;
  if (!grid) return;
  const report = state.draft?.report;
  const problems = (report?.problems || []).map((p, index) => [p, index]).filter(([p]) => p.code === grid.code || p.other === grid.code);
  const node = el('div', { id: 'identify', dataset: { code: grid.code } },
    el('h4', {}, grid.name || '', ' ', el('small', {}, drafted ? '草稿' : '现行')),
    el('dl', {}, el('dt', {}, '编码'), el('dd', { class: 'code' }, grid.code), el('dt', {}, '层级'), el('dd', {}, LEVELS[grid.level]?.name || grid.level)),
    report ? el('p', { class: 'identify-problems' }, problems.length ? `问题 ${problems.length} 个` : '没有问题') : null,
    problems.length ? el('ul', {}, problems.slice(0, 8).map(([p]) => el('li', { dataset: { check: p.check } },
      el('b', {}, kindName(p.check)), ' ', problemText(p, report)))) : null,
    el('div', { class: 'scopes' }, chain.filter((g) => g.level !== 'county' && g.level !== 'base' && g.level !== 'special').map(scopeButton)));
  state.popup?.remove();
  state.popup = new maplibregl.Popup({ maxWidth: '22rem' }).setLngLat(lngLat).setDOMContent(node).addTo(state.map);
  highlight(grid.code);
}
