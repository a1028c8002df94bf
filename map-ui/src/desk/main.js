// The desk (/desk): the duty officer's page. The same map as the wall (vector tiles, coloured
// live from /live), but to be touched: click a grid for its panel (head, households, open cases
// with their deadlines), open a case for its history and act on it through the API, find a case
// by its code, list overdue cases, draw an area to count its households; grids holding class-一
// risks are ringed. The signed-in user is the actor of every action. An officer starts on their
// own area, outlined.
// Query parameters: county (default 530324), live (the WebSocket URL), and the desk's place
// (grid, case, overdue=1; see url-state.js).
import { fetchJson, gridStates, layerOf, tileUrl } from '../map/grids.js';
import { request, showUser } from '../ui/page.js';
import { connectLive } from '../live/live.js';
import { CASE_WORDS, loadCase, openCase } from './case-panel.js';
import { showConnection } from '../ui/connection.js';
import { addCorner, area, drawOn } from './draw.js';
import { CHANNEL_NAMES, loadWords } from './labels.js';
import { listOverdue, openGrid } from './grid-panel.js';
import { renderGroupAlerts } from './group-alerts.js';
import { createMap, fitTo, gridAt, highlight, levelOf, outlineScope } from './map.js';
import { downloadReport } from './reports.js';
import { riskMarks, showRiskMarks } from './risk-marks.js';
import { desk, nav, overdueOnly, panels, problemLine, sayProblem, show } from './state.js';
import { routing } from './url-state.js';

const params = new URLSearchParams(location.search);
const COUNTY = params.get('county') || '530324';
const LIVE_URL = params.get('live') || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`;

/** Shows a state of the desk: a case (with the grid it was opened from kept), a grid, the overdue list, or the start. */
function render(state) {
  overdueOnly.checked = state.overdue;
  categoryFilter.value = state.category || '';
  channelFilter.value = state.channel || '';
  desk.selectedGrid = state.grid;
  highlight(state.grid);
  if (state.case) loadCase(state.case);
  else if (state.grid) openGrid(state.grid);
  else if (state.overdue) listOverdue(COUNTY);
  else show('hint');
}

const categoryFilter = document.getElementById('filter-category');
const channelFilter = document.getElementById('filter-channel');

// The officer's own area: a grid below the county (an admin's is the county itself).
const ownArea = () => (desk.me?.grid && desk.me.grid !== COUNTY ? desk.me.grid : null);

// A failed search is said by the search box, not over the case that may be open.
const searchLine = problemLine(document.getElementById('search-message'));
async function search(code) {
  searchLine.say('');
  try {
    const { data } = await request(`/api/cases/${encodeURIComponent(code)}`);
    nav.go({ case: data.code });
  } catch (error) {
    searchLine.sayProblem(error, CASE_WORDS);
  }
}

function wireControls(county, scope) {
  document.getElementById('search').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = document.getElementById('search-code').value.trim();
    if (code) search(code);
  });
  document.getElementById('search-code').addEventListener('input', () => searchLine.say(''));
  overdueOnly.addEventListener('change', () => nav.go({ overdue: overdueOnly.checked, case: null }));
  document.getElementById('view-county').addEventListener('click', () => {
    nav.go({ grid: null, case: null, overdue: false });
    fitTo(county.bbox);
  });
  const mine = document.getElementById('view-mine');
  mine.hidden = !scope;
  document.querySelector('#legend .swatch.scope').parentElement.hidden = !scope;
  mine.addEventListener('click', () => {
    nav.go({ grid: scope.code, case: null });
    fitTo(scope.bbox);
  });
  channelFilter.append(...Object.entries(CHANNEL_NAMES).map(([code, name]) => new Option(name, code)));
  request('/api/cases/categories').then(({ data }) => {
    categoryFilter.append(...data.map((c) => new Option(c.name, c.code)));
    categoryFilter.value = nav.now().category || '';
  }, sayProblem);
  categoryFilter.addEventListener('change', () => nav.go({ category: categoryFilter.value || null, case: null }));
  channelFilter.addEventListener('change', () => nav.go({ channel: channelFilter.value || null, case: null }));
  document.getElementById('view-overdue').addEventListener('click', () => nav.go({ grid: null, case: null, overdue: true }));
  for (const button of document.querySelectorAll('#reports [data-period]')) {
    button.addEventListener('click', () => downloadReport(button.dataset.period, ownArea() || COUNTY));
  }
}

async function main() {
  desk.me = await showUser({ onError: sayProblem });
  await loadWords();
  const county = await fetchJson(`/api/grids/${COUNTY}`);
  const scopeCode = ownArea();
  const scope = scopeCode ? await fetchJson(`/api/grids/${scopeCode}`) : null;
  let version = county.gridVersion;
  const map = await createMap(county);
  if (scope) {
    fitTo(scope.bbox, { animate: false });
    try {
      outlineScope((await request(`/api/grids/${scopeCode}/geometry`)).data);
    } catch {
      // The outline helps; the desk works without it.
    }
  }
  drawOn(map);
  showRiskMarks();
  map.on('click', (event) => {
    if (addCorner(event)) return;
    const code = gridAt(event.point);
    // A click on the selected grid lets it go.
    if (code && code === desk.selectedGrid && panels['grid-panel'].hidden === false) nav.go({ grid: null, case: null });
    else if (code) nav.go({ grid: code, case: null });
  });
  Object.assign(nav, routing(render));
  wireControls(county, scope);

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
  // The open panel follows events of its grid (or of grids in it) and of its case.
  const touches = (frame) => (frame.events || []).some((e) => (desk.selectedGrid && e.gridCode?.startsWith(desk.selectedGrid))
    || e.caseCode === openCase.code) || (desk.selectedGrid && desk.selectedGrid in frame.grids);
  const onFrame = (frame) => {
    switch (frame.type) {
      case 'snapshot':
        if (frame.gridVersion != null && frame.gridVersion !== version) {
          version = frame.gridVersion;
          map.getSource('grids').setTiles([tileUrl(version)]);
        }
        for (const code of [...shown.keys()]) if (!(code in frame.grids)) put(code, null);
        for (const [code, grid] of Object.entries(frame.grids)) put(code, grid);
        if (frame.alerts) showGroupAlerts(); // also after a reconnect: what changed meanwhile
        break;
      case 'delta':
        for (const [code, grid] of Object.entries(frame.grids)) put(code, grid);
        if (touches(frame)) refreshSoon();
        if (frame.alertsRaised || frame.alertsGone) showGroupAlerts();
        break;
      case 'boundaries':
        version = frame.gridVersion;
        map.getSource('grids').setTiles([tileUrl(version)]);
        break;
      default:
    }
  };
  const live = connectLive({ url: LIVE_URL, onFrame, onState: (line, since) => showConnection(document.getElementById('connection'), line, since) });

  // For the browser tests and a curious engineer at the console.
  window.gridDesk = {
    map, live, shown, layerOf, go: nav.go,
    openGrid: (code) => nav.go({ grid: code, case: null }),
    openCase: (code) => nav.go({ case: code }),
    level: () => levelOf().layer,
    selected: () => desk.selectedGrid,
    caseCode: () => openCase.code,
    refreshes: () => desk.refreshes,
    drawn: () => area.drawn,
    corners: () => area.vertices.length,
    lastCount: () => area.count,
    riskGrids: () => riskMarks.grids,
  };
  showGroupAlerts();
  render(nav.now());
}

// The group-event warnings of the officer's area, with 确认 (admins and officers may acknowledge);
// read again when a frame says they changed.
const alertsPanel = document.getElementById('group-alerts');
function showGroupAlerts() {
  if (!['admin', 'officer'].includes(desk.me?.role)) return;
  alertsPanel.hidden = false;
  renderGroupAlerts(alertsPanel, { openCase: (code) => nav.go({ case: code }) }).catch(sayProblem);
}

main();
