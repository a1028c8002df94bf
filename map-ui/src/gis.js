// The GIS page (/gis): GIS staff load grid boundaries. Upload a zipped Shapefile, GeoJSON or
// GeoPackage as a draft of one level (optionally within a scope grid), follow the job (bytes
// uploaded, then its steps from /live), read the report (errors, warnings, what moves), see the
// draft over the published grids with its difference layer, repair, check again, publish, and
// roll back to a retired version. Query parameters: county (default 530324), live (WebSocket URL),
// draft (open that draft). Its parts are in gis/: upload, report, problem-map, actions, lists.
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { connectLive } from './live/live.js';
import { showConnection } from './ui/connection.js';
import { fetchJson, layerOf } from './map/grids.js';
import { showUser } from './ui/page.js';
import { published } from './gis/actions.js';
import { listDrafts, listVersions } from './gis/lists.js';
import { hintZoom, identify, mapStyle, showLevel } from './gis/problem-map.js';
import { openDraft } from './gis/report.js';
import { levelSelect, sayProblem, shownLevel, state } from './gis/state.js';
import { onDraftFrame, startUpload } from './gis/upload.js';

const params = new URLSearchParams(location.search);
const COUNTY = params.get('county') || '530324';
const LIVE_URL = params.get('live') || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live?level=county`;

const connection = document.getElementById('connection');

function onFrame(frame) {
  if (frame.type === 'draft') {
    onDraftFrame(frame);
  } else if (frame.type === 'boundaries' || (frame.type === 'snapshot' && frame.gridVersion != null)) {
    if (frame.gridVersion !== state.publishedVersion) published(frame.gridVersion);
  }
}

async function main() {
  state.me = await showUser({ onError: sayProblem }); // signed in, or off to the sign-in page
  state.county = await fetchJson(`/api/grids/${COUNTY}`);
  state.publishedVersion = state.county.gridVersion;
  document.getElementById('published-version').textContent = `v${state.publishedVersion}`;
  startUpload();
  levelSelect.addEventListener('change', () => {
    if (!state.draft) showLevel(shownLevel());
  });
  const map = new maplibregl.Map({
    container: 'map', style: mapStyle(), bounds: state.county.bbox, fitBoundsOptions: { padding: 24 },
    attributionControl: false, fadeDuration: 0,
  });
  state.map = map;
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  await new Promise((done) => map.once('load', done));
  map.on('zoomend', hintZoom);
  map.on('click', (event) => identify(event.lngLat, event.point));
  hintZoom();

  state.live = connectLive({ url: LIVE_URL, onFrame, onState: (line, since) => showConnection(connection, line, since) });
  listDrafts();
  listVersions();

  // For the browser tests and a curious engineer at the console.
  window.gridGis = {
    map, live: state.live, openDraft, layerOf,
    draft: () => state.draft,
    highlighted: () => state.highlighted,
    publishedVersion: () => state.publishedVersion,
  };
  if (params.get('draft')) openDraft(params.get('draft'));
}

main();
