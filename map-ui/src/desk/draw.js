// Drawing an area: click to add corners, double-click or "finish" to close it, and the households
// the service counts in it.
import { el, request } from '../ui/page.js';
import { deskMap } from './map.js';
import { nav, panels, say, sayProblem, show } from './state.js';

const drawButton = document.getElementById('draw');
const finishButton = document.getElementById('draw-finish');
const clearButton = document.getElementById('draw-clear');

const SHOWN = 30; // grids listed; the total says how many there are

export const area = {
  drawing: false,
  vertices: [],
  drawn: null, // the polygon last counted
  count: null, // its count as the service answered
};

function drawnGeoJson() {
  const { vertices } = area;
  const features = vertices.map((v) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: v }, properties: {} }));
  if (vertices.length >= 2) {
    features.push({
      type: 'Feature', properties: {},
      geometry: area.drawing || vertices.length < 3
        ? { type: 'LineString', coordinates: vertices }
        : { type: 'Polygon', coordinates: [[...vertices, vertices[0]]] },
    });
  }
  return { type: 'FeatureCollection', features };
}
const redraw = () => deskMap.map.getSource('draw').setData(drawnGeoJson());

function stopDrawing() {
  area.drawing = false;
  deskMap.map.getCanvas().style.cursor = '';
  drawButton.classList.remove('active');
  finishButton.disabled = true;
  setTimeout(() => deskMap.map.doubleClickZoom.enable(), 0);
}

function startDrawing() {
  area.drawing = true;
  area.vertices = [];
  area.drawn = null;
  deskMap.map.doubleClickZoom.disable();
  deskMap.map.getCanvas().style.cursor = 'crosshair';
  drawButton.classList.add('active');
  finishButton.disabled = false;
  clearButton.disabled = false;
  say('在地图上逐点单击，双击或点“完成”结束；按 Esc 取消', 'info');
  redraw();
}

function clearDrawing() {
  stopDrawing();
  area.vertices = [];
  area.drawn = null;
  clearButton.disabled = true;
  redraw();
}

async function finishDrawing() {
  const { vertices } = area;
  if (vertices.length < 3) {
    say('至少需要三个点：请继续在地图上单击', 'error');
    return;
  }
  stopDrawing();
  redraw();
  area.drawn = { type: 'Polygon', coordinates: [[...vertices, vertices[0]]] };
  try {
    const { data } = await request('/api/households/count', { method: 'POST', body: area.drawn });
    area.count = data;
    const top = [...data.grids].sort((a, b) => b.households - a.households).slice(0, SHOWN);
    panels['area-panel'].replaceChildren(
      el('h2', {}, '区域户数'),
      el('p', { class: 'total' }, el('b', { id: 'area-total' }, String(data.total)), ' 户 · ',
        el('span', { id: 'area-grids' }, data.grids.length > top.length
          ? `共${data.grids.length}个网格，显示户数最多的前${top.length}个` : `共${data.grids.length}个网格`)),
      el('table', { class: 'cases' },
        el('thead', {}, el('tr', {}, ['村（社区）', '网格', '户数'].map((h) => el('th', {}, h)))),
        el('tbody', {}, top.map((g) => el('tr', { dataset: { grid: g.code } }, el('td', { class: 'village' }, g.village || '–'),
          el('td', {}, el('button', { type: 'button', class: 'link', title: `网格编码 ${g.code}`, onclick: () => nav.go({ grid: g.code, case: null }) },
            g.name || g.code)),
          el('td', {}, String(g.households)))))));
    show('area-panel');
    say('');
  } catch (error) {
    sayProblem(error);
  }
}

/** Wires the buttons and the map's clicks; a click while drawing is a corner, not a grid. */
export function drawOn(map) {
  drawButton.addEventListener('click', () => (area.drawing ? clearDrawing() : startDrawing()));
  finishButton.addEventListener('click', finishDrawing);
  clearButton.addEventListener('click', () => {
    clearDrawing();
    if (!panels['area-panel'].hidden) show('hint');
  });
  // Escape gives up the area being drawn (a counted area stays until cleared).
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !area.drawing) return;
    clearDrawing();
    say('');
  });
  map.on('dblclick', (event) => {
    if (!area.drawing) return;
    event.preventDefault();
    finishDrawing();
  });
}

/** Takes a map click as a corner while drawing; false when not drawing. */
export function addCorner(event) {
  if (!area.drawing) return false;
  const last = area.vertices[area.vertices.length - 1];
  if (last) {
    const p = deskMap.map.project(last);
    if (Math.hypot(p.x - event.point.x, p.y - event.point.y) < 4) return true; // the second click of a double-click
  }
  area.vertices.push([event.lngLat.lng, event.lngLat.lat]);
  redraw();
  return true;
}
