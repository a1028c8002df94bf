// The wall (/wall): the whole county on one screen, nobody touching it. Grid shapes come from
// the vector tiles; their colours from /live, applied as MapLibre feature-state so that a
// change repaints one grid instead of reloading data. Query parameters, for tests and odd
// set-ups: county (division code, default 530324), live (the WebSocket URL). It is enrolled once
// by an administrator opening /wall#token=<display token>; the service keeps the token in an
// HttpOnly cookie from then on. The wall shows no personal data: grids, counts, event types (and
// of the risk register, counts only).
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { connectLive } from './live/live.js';
import { EVENT_NAMES, fetchJson, gridStates, hatch, layerOf, style, tileUrl } from './map/grids.js';
import { ENROL_TEXT } from './ui/enrol-text.js';
import { request } from './ui/page.js';
import { showConnection } from './ui/connection.js';
import { levelsToWatch, placeLabels, wallLevel } from './wall/places.js';
import { showGroupAlerts } from './wall/alerts.js';
import { showRiskCounts } from './wall/risks.js';

const params = new URLSearchParams(location.search);
const COUNTY = params.get('county') || '530324';
const LIVE_URL = params.get('live') || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`;

const TICKER_SIZE = 30;

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short',
});
const hms = (date) => timeFormat.format(date);

// Key figures: a rate with the counts it is taken from ("96.2% (48/50)"), hot grids of the level
// the map shows (the server counts them by level).
const kpiCells = Object.fromEntries([...document.querySelectorAll('[data-kpi]')].map((cell) => [cell.dataset.kpi, cell]));
const RATES = ['timelyAcceptance', 'onTimeReply', 'satisfaction'];
const percent = (value) => `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`;
let lastKpi = null;
let levelShown = null;

function showKpi(kpi) {
  if (!kpi) return;
  lastKpi = kpi;
  for (const [key, cell] of Object.entries(kpiCells)) {
    const value = kpi[key];
    if (RATES.includes(key)) {
      cell.replaceChildren(value?.value == null ? '–' : percent(value.value));
      if (value) cell.append(Object.assign(document.createElement('small'), { textContent: `(${value.part}/${value.whole})` }));
    } else if (key === 'hotGrids') {
      cell.textContent = levelShown ? (value?.[levelShown.layer] ?? 0) : '–';
    } else {
      cell.textContent = value ?? '–';
    }
  }
}

const connection = document.getElementById('connection');

const clock = document.getElementById('clock');
function tick() {
  const now = new Date();
  clock.innerHTML = `${hms(now)} <small>${dateFormat.format(now)}</small>`;
}
tick();
setInterval(tick, 1000);

// Names by grid code (the county, its townships and villages), for the ticker's places.
const names = new Map();
/** Where a case is counted, by name: township and village (a confidential case: its county only). */
function placeOf(gridCode) {
  if (!gridCode) return '';
  if (gridCode.length < 9) return names.get(gridCode) || gridCode;
  return [gridCode.slice(0, 9), gridCode.slice(0, 12)].filter((code) => code.length <= gridCode.length)
    .map((code) => names.get(code)).filter(Boolean).join(' ');
}

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
    item.dataset.grid = event.gridCode;
    const at = event.at ? event.at.slice(11, 19) : '';
    item.innerHTML = '<time></time> <b></b> <span class="category"></span><span class="place"></span>';
    item.querySelector('time').textContent = at;
    item.querySelector('b').textContent = EVENT_NAMES[event.type] || event.type;
    item.querySelector('.category').textContent = categories.get(event.category) || event.category || '';
    item.querySelector('.place').textContent = placeOf(event.gridCode);
    const code = document.createElement('code');
    code.textContent = event.caseCode;
    item.querySelector('.place').append(code);
    return item;
  }));
}

// Enrols the wall with a display token in the address (#token=...), which leaves the address at
// once so that no history entry, bookmark or photo of the screen keeps it. Answers the refusal, if any.
async function enrol() {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (!token) return null;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    await request('/api/session/display', { method: 'POST', body: { token }, anonymous: true });
    return null;
  } catch (error) {
    return error;
  }
}

// Nobody touches a wall: where it is not enrolled it says so, large, instead of a blank map.
function showUnregistered(refused) {
  document.getElementById('unregistered').hidden = false;
  document.querySelector('#unregistered h2').textContent = ENROL_TEXT;
  document.querySelector('#unregistered .detail').textContent = refused ? refused.message : '';
  connection.dataset.state = 'unregistered';
  connection.innerHTML = '未登记 <small>not enrolled</small>';
}

/** Whether the wall is signed in (its cookie), after enrolling it when the address brings a token. */
async function signedIn() {
  const refused = await enrol();
  try {
    await fetchJson('/api/session'); // asks again until the service answers; a 401 is thrown
    return true;
  } catch {
    showUnregistered(refused);
    return false;
  }
}

async function main() {
  if (!(await signedIn())) return;
  fetchJson('/api/cases/categories').then((list) => list.forEach((c) => categories.set(c.code, c.name)));
  const risks = showRiskCounts(COUNTY, document.getElementById('risk-grids'));
  const [county, townships, villages] = await Promise.all([
    fetchJson(`/api/grids/${COUNTY}`),
    fetchJson(`/api/grids/${COUNTY}/labels?level=township`),
    fetchJson(`/api/grids/${COUNTY}/labels?level=village`),
  ]);
  names.set(county.code, county.name);
  for (const label of [...townships, ...villages]) names.set(label.code, label.name);
  let version = county.gridVersion;

  // The legend sits over the map's lower left, group-alert banners over its top: keep the county
  // clear of them where there is room.
  const padding = () => {
    const legend = document.getElementById('legend').offsetWidth;
    const room = document.getElementById('map').offsetWidth > 3 * legend;
    const banner = document.getElementById('alerts');
    return { top: 24 + (banner.hidden ? 0 : banner.offsetHeight), bottom: 24, right: 24, left: room ? legend + 32 : 24 };
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

  const labels = placeLabels(map, { township: townships, village: villages });
  const levelLabel = document.getElementById('level');
  const hotLabel = document.querySelector('#kpi dt[data-for=hotGrids]');
  // The level drawn: chosen from the screen and the data (wall/places.js), then the names placed.
  let ready = false; // the style loaded: layers can be changed
  let watchLevel = () => {}; // set once /live is connected
  const showLevel = () => {
    if (!ready) return;
    levelShown = wallLevel(map, { township: townships, village: villages });
    levelLabel.textContent = `${levelShown.name} ${levelShown.en}`;
    levelLabel.dataset.level = levelShown.layer;
    hotLabel.innerHTML = `热点${levelShown.name} <small>hotspots, ${levelShown.en}</small>`;
    labels.update(levelShown.layer);
    showKpi(lastKpi);
    watchLevel();
  };
  const fit = (bbox) => {
    map.resize(); // the canvas to the new size first (MapLibre's own observer may come later): the fit is for the screen as it is now
    map.fitBounds(bbox, { padding: padding(), animate: false });
    showLevel();
  };
  window.addEventListener('resize', () => fit(county.bbox));
  map.on('zoomend', showLevel);
  map.on('moveend', () => ready && labels.update(levelShown.layer));

  // What /live has told us, by grid code (only grids with something to show).
  const { shown, put: apply } = gridStates(map);

  // Colours are applied at a pace the renderer can afford: every change of feature-state costs a
  // full redraw, a few ms on a GPU but 80-100 ms on a software renderer, where a redraw for every
  // delta (5 a second) would leave the wall stuttering. The time from applying to the second
  // frame after tells the cost (WebGL work is paid when the frame is presented, not in the
  // call); when it is over three frames, deltas are gathered and applied once a second.
  const pending = new Map();
  let interval = 200;
  let lastApplied = 0;
  let timer = null;
  const flush = () => {
    timer = null;
    if (pending.size === 0) return;
    lastApplied = performance.now();
    for (const [code, grid] of pending) apply(code, grid);
    pending.clear();
    const started = lastApplied;
    requestAnimationFrame(() => requestAnimationFrame((now) => {
      interval = now - started > 50 ? 1000 : 200;
    }));
  };
  const put = (code, grid) => {
    pending.set(code, grid);
    if (timer == null) timer = setTimeout(flush, Math.max(0, lastApplied + interval - performance.now()));
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

  const alerts = showGroupAlerts(map, { villages, onChange: () => fit(county.bbox) });

  const onFrame = (frame) => {
    switch (frame.type) {
      case 'snapshot': {
        if (frame.gridVersion != null && frame.gridVersion !== version) reloadTiles(frame.gridVersion);
        pending.clear(); // what deltas said before is superseded
        for (const code of [...shown.keys()]) if (!(code in frame.grids)) put(code, null);
        for (const [code, grid] of Object.entries(frame.grids)) put(code, grid);
        clearTimeout(timer);
        flush(); // a whole new state: at once
        showKpi(frame.kpi);
        alerts.show(frame.alerts || []);
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
        // A delta names only the figures that changed.
        if (frame.kpi) showKpi({ ...lastKpi, ...frame.kpi });
        alerts.change(frame.alertsRaised, frame.alertsGone);
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
  ready = true;
  showLevel();
  // Subscribed to the level drawn; a zoom or resize that changes it reconnects, and the snapshot
  // that follows brings the new level's colours.
  let watching = levelsToWatch(map, levelShown);
  const liveUrl = () => (watching ? `${LIVE_URL}${LIVE_URL.includes('?') ? '&' : '?'}level=${watching.join(',')}` : LIVE_URL);
  const live = connectLive({ url: liveUrl, onFrame, onState: (state, since) => showConnection(connection, state, since) });
  watchLevel = () => {
    const next = levelsToWatch(map, levelShown);
    if (String(next) === String(watching)) return;
    watching = next;
    live.reconnect();
  };

  // For the browser tests and for a curious engineer at the console.
  window.gridWall = {
    map, shown, live, layerOf, recent: () => recent, level: () => levelShown.layer, tileReloads: () => tileReloads,
    paceMs: () => interval, alerts: () => alerts.shown(), risks: risks.counts,
  };
}

main();
