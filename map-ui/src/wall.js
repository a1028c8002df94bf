// The wall (/wall): the whole county on one screen, nobody touching it. Grid shapes come from
// the vector tiles; their colours from /live, applied as MapLibre feature-state so that a
// change repaints one grid instead of reloading data. Query parameters, for tests and odd
// set-ups: county (division code, default 530324), live (the WebSocket URL).
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { connectLive } from './wall/live.js';

const params = new URLSearchParams(location.search);
const COUNTY = params.get('county') || '530324';
const LIVE_URL = params.get('live') || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`;

// Fill colours (the legend's CSS uses the same); overdue is also hatched and hotspots are
// dashed outlines of growing width, so neither is told by colour alone.
const COLOURS = { none: '#1f4e5f', open: '#3d8bfd', warning: '#f59f00', overdue: '#e03131', hot: '#ff4fd8' };

// One level is drawn at a time, the one readable at the zoom (the tiles carry each level from
// the zoom in README "Vector tiles"); special grids are drawn over base grids from z14.
const LEVELS = [
  { layer: 'county', name: '县', en: 'county', min: 0, max: 6 },
  { layer: 'township', name: '乡镇（街道）', en: 'township', min: 6, max: 9 },
  { layer: 'village', name: '村（社区）', en: 'village', min: 9, max: 12 },
  { layer: 'group', name: '村民小组', en: 'group', min: 12, max: 13 },
  { layer: 'base', name: '网格', en: 'base grid', min: 13, max: 24 },
  { layer: 'special', name: '专属网格', en: 'special', min: 14, max: 24 },
];

const EVENT_NAMES = {
  RECEIVED: '新案件', ACCEPTED: '受理', REJECTED: '不予受理', DISPATCHED: '派单', CLAIMED: '签收',
  RETURNED: '退回', ESCALATED: '上报', CONTACTED: '联系', REPLIED: '答复', FINISHED: '办结',
  EVALUATED: '评价', ARCHIVED: '归档', SUPERVISED: '督办', LEADER_ASSIGNED: '领导包案', EXTENDED: '延期',
  MERGED: '合并', KEPT_SEPARATE: '不予合并', WARNED: '预警', OVERDUE: '超期', GROUP_ALERT: '群体性事件苗头',
};
const TICKER_SIZE = 30;

// A grid's tile layer follows from its code: 6 digits county, then 3 per level; a village's
// special grids are numbered from 901 among its groups.
function layerOf(code) {
  switch (code.length) {
    case 6: return 'county';
    case 9: return 'township';
    case 12: return 'village';
    case 15: return code.slice(12) >= '901' ? 'special' : 'group';
    case 18: return 'base';
    default: return null;
  }
}

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short',
});
const hms = (date) => timeFormat.format(date);

// Asks again until the service answers: the wall may be switched on before the service is.
async function fetchJson(path) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(path, { headers: { Accept: 'application/json' } });
      if (response.ok) return await response.json();
    } catch {
      // the service is not there yet
    }
    await new Promise((done) => setTimeout(done, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));
  }
}

function tileUrl(version) {
  // MapLibre's workers need an absolute URL; the version makes tiles immutable and cacheable.
  return `${location.origin}/tiles/grids/{z}/{x}/{y}.mvt?v=${version}`;
}

// A hatch for overdue grids, drawn here: there is no sprite server and none is needed.
function hatch(size = 12) {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onStripe = (x + y) % size < 3;
      data.set(onStripe ? [255, 255, 255, 200] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

function layersOf({ layer, min, max }) {
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

function style(version) {
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

const kpiCells = Object.fromEntries([...document.querySelectorAll('[data-kpi]')].map((cell) => [cell.dataset.kpi, cell]));
const percent = (rate) => (rate == null ? '–' : `${(rate * 100).toFixed(1)}%`);

function showKpi(kpi) {
  if (!kpi) return;
  for (const [key, cell] of Object.entries(kpiCells)) {
    const value = kpi[key];
    cell.textContent = key.endsWith('Rate') ? percent(value) : (value ?? '–');
  }
}

const connection = document.getElementById('connection');
function showConnection(state, since) {
  connection.dataset.state = state;
  document.body.dataset.connection = state;
  connection.dataset.since = since.toISOString();
  connection.innerHTML = {
    connecting: '连接中 <small>connecting</small>',
    live: '实时 <small>live</small>',
    reconnecting: '重连中 <small>reconnecting</small>',
    stale: `数据停留于 ${hms(since)} <small>stale since ${hms(since)} · 重连中 reconnecting</small>`,
  }[state];
}

const clock = document.getElementById('clock');
function tick() {
  const now = new Date();
  clock.innerHTML = `${hms(now)} <small>${dateFormat.format(now)}</small>`;
}
tick();
setInterval(tick, 1000);

// The ticker: the newest events, at most TICKER_SIZE kept, each once (events can arrive twice
// when positions missed are fetched over HTTP while deltas go on).
const categories = new Map();
const ticker = document.getElementById('events');
let recent = [];
function addEvents(events) {
  if (!events || events.length === 0) return;
  const seen = new Set(recent.map((event) => event.seq));
  recent = recent.concat(events.filter((event) => !seen.has(event.seq)))
    .sort((a, b) => b.seq - a.seq)
    .slice(0, TICKER_SIZE);
  ticker.replaceChildren(...recent.map((event) => {
    const item = document.createElement('li');
    item.dataset.seq = event.seq;
    item.dataset.case = event.caseCode;
    item.dataset.type = event.type;
    const at = event.at ? event.at.slice(11, 19) : '';
    item.innerHTML = `<time>${at}</time> <b></b> <span></span> <code></code>`;
    item.querySelector('b').textContent = EVENT_NAMES[event.type] || event.type;
    item.querySelector('span').textContent = categories.get(event.category) || event.category || '';
    item.querySelector('code').textContent = `${event.caseCode} · ${event.gridCode}`;
    return item;
  }));
}

async function main() {
  fetchJson('/api/cases/categories').then((list) => list.forEach((c) => categories.set(c.code, c.name)));
  const county = await fetchJson(`/api/grids/${COUNTY}`);
  let version = county.gridVersion;

  // The legend sits over the map's lower left: keep the county clear of it where there is room.
  const padding = () => {
    const legend = document.getElementById('legend').offsetWidth;
    const room = document.getElementById('map').offsetWidth > 3 * legend;
    return { top: 24, bottom: 24, right: 24, left: room ? legend + 32 : 24 };
  };
  const map = new maplibregl.Map({
    container: 'map',
    style: style(version),
    bounds: county.bbox,
    fitBoundsOptions: { padding: padding() },
    attributionControl: false,
    interactive: false,
    fadeDuration: 0,
  });
  const loaded = new Promise((done) => map.once('load', done));
  map.on('styleimagemissing', (event) => {
    if (event.id === 'hatch') map.addImage('hatch', hatch());
  });
  const fit = (bbox) => map.fitBounds(bbox, { padding: padding(), animate: false });
  window.addEventListener('resize', () => fit(county.bbox));

  const levelLabel = document.getElementById('level');
  const shownLevel = () => {
    const zoom = map.getZoom();
    return LEVELS.find(({ min, max, layer }) => layer !== 'special' && zoom >= min && zoom < max);
  };
  const showLevel = () => {
    const level = shownLevel();
    levelLabel.textContent = `${level.name} ${level.en}`;
    levelLabel.dataset.level = level.layer;
  };
  map.on('zoomend', showLevel);
  showLevel();

  // What /live has told us, by grid code; only grids with something to show are kept, so this
  // and MapLibre's own state store stay as big as the county, however long the wall runs.
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

  // New boundaries: tiles of the new version (their URL names it), and the outline fitted anew.
  let tileReloads = 0;
  const reloadTiles = (next) => {
    version = next;
    tileReloads++;
    map.getSource('grids').setTiles([tileUrl(version)]);
    fetchJson(`/api/grids/${COUNTY}`).then((fresh) => {
      county.bbox = fresh.bbox;
      fit(fresh.bbox);
    });
  };

  const onFrame = (frame) => {
    switch (frame.type) {
      case 'snapshot': {
        if (frame.gridVersion != null && frame.gridVersion !== version) reloadTiles(frame.gridVersion);
        for (const code of [...shown.keys()]) if (!(code in frame.grids)) put(code, null);
        for (const [code, grid] of Object.entries(frame.grids)) put(code, grid);
        showKpi(frame.kpi);
        // Positions this wall was not sent while it lagged: the ticker gets them over HTTP.
        if (frame.missed) {
          const [from, to] = frame.missed;
          fetchJson(`/api/events?after=${Math.max(from - 1, to - TICKER_SIZE)}&limit=${TICKER_SIZE}`)
            .then((page) => addEvents(page.events.filter((event) => event.seq <= to)));
        }
        // A fresh wall shows the last few events at once rather than an empty ticker.
        if (recent.length === 0 && frame.seq > 0) {
          fetchJson(`/api/events?after=${Math.max(0, frame.seq - TICKER_SIZE)}&limit=${TICKER_SIZE}`)
            .then((page) => addEvents(page.events));
        }
        break;
      }
      case 'delta':
        for (const [code, grid] of Object.entries(frame.grids)) put(code, grid);
        addEvents(frame.events);
        showKpi(frame.kpi);
        break;
      case 'replay':
        addEvents(frame.events);
        break;
      case 'boundaries':
        reloadTiles(frame.gridVersion);
        break;
      default: // heartbeat: the line is alive, which live.js has noted
    }
  };

  await loaded; // feature-state needs the source in place
  const live = connectLive({ url: LIVE_URL, onFrame, onState: showConnection });

  // For the browser tests and for a curious engineer at the console.
  window.gridWall = {
    map, shown, live, layerOf, recent: () => recent, level: () => shownLevel().layer, tileReloads: () => tileReloads,
  };
}

main();
