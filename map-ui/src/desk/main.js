// The desk (/desk): the duty officer's page. The same map as the wall (vector tiles, coloured
// live from /live), but to be touched: click a grid for its panel (head, households, open cases
// with their deadlines), open a case for its history and act on it through the API, find a case
// by its code, list overdue cases, draw an area to count its households. The signed-in user is
// the actor of every action.
// Query parameters as on the wall: county (default 530324), live (the WebSocket URL); case opens one.
import { fetchJson, gridStates, layerOf, tileUrl } from '../map/grids.js';
import { showUser } from '../ui/page.js';
import { connectLive } from '../wall/live.js';
import { loadCase, openCase } from './case-panel.js';
import { showConnection } from './connection.js';
import { addCorner, area, drawOn } from './draw.js';
import { listOverdue, openGrid } from './grid-panel.js';
import { createMap, gridAt, levelOf } from './map.js';
import { desk, nav, overdueOnly, panels, sayProblem, show } from './state.js';

const params = new URLSearchParams(location.search);
const COUNTY = params.get('county') || '530324';
const LIVE_URL = params.get('live') || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`;

nav.openGrid = openGrid;
nav.openCase = loadCase;

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = document.getElementById('search-code').value.trim();
  if (code) loadCase(code);
});
overdueOnly.addEventListener('change', () => {
  if (desk.selectedGrid) openGrid(desk.selectedGrid);
  else if (overdueOnly.checked) listOverdue(COUNTY);
  else show('hint');
});

// The open panel follows events of its grid (or of grids in it) and of its case.
function followLive(frame) {
  const touched = (frame.events || []).some((e) => (desk.selectedGrid && e.gridCode?.startsWith(desk.selectedGrid))
    || e.caseCode === openCase.code) || (desk.selectedGrid && desk.selectedGrid in frame.grids);
  return touched;
}

async function main() {
  desk.me = await showUser({ onError: sayProblem }); // signed in, or off to the sign-in page
  const county = await fetchJson(`/api/grids/${COUNTY}`);
  let version = county.gridVersion;
  const map = await createMap(county);
  drawOn(map);
  map.on('click', (event) => {
    if (addCorner(event)) return;
    const code = gridAt(event.point);
    if (code) openGrid(code);
  });

  const { shown, put } = gridStates(map);
  let refreshTimer = null;
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      desk.refreshes++;
      if (desk.selectedGrid) openGrid(desk.selectedGrid, { quiet: true });
      if (openCase.code && !panels['case-panel'].hidden) loadCase(openCase.code, { quiet: true });
    }, 150);
  };
  const onFrame = (frame) => {
    switch (frame.type) {
      case 'snapshot':
        if (frame.gridVersion != null && frame.gridVersion !== version) {
          version = frame.gridVersion;
          map.getSource('grids').setTiles([tileUrl(version)]);
        }
        for (const code of [...shown.keys()]) if (!(code in frame.grids)) put(code, null);
        for (const [code, grid] of Object.entries(frame.grids)) put(code, grid);
        break;
      case 'delta':
        for (const [code, grid] of Object.entries(frame.grids)) put(code, grid);
        if (followLive(frame)) refreshSoon();
        break;
      case 'boundaries':
        version = frame.gridVersion;
        map.getSource('grids').setTiles([tileUrl(version)]);
        break;
      default:
    }
  };
  const live = connectLive({ url: LIVE_URL, onFrame, onState: showConnection });

  // For the browser tests and a curious engineer at the console.
  window.gridDesk = {
    map, live, shown, layerOf, openGrid, openCase: loadCase,
    level: () => levelOf().layer,
    selected: () => desk.selectedGrid,
    caseCode: () => openCase.code,
    refreshes: () => desk.refreshes,
    drawn: () => area.drawn,
    lastCount: () => area.count,
  };
  if (params.get('case')) loadCase(params.get('case'));
}

main();
