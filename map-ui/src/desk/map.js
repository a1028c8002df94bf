// The desk's map: the wall's grid map (vector tiles, coloured live through feature-state) with the
// selected grid outlined, grids holding class-一 risks ringed, and a layer for the area being drawn.
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { COLOURS, LEVELS, hatch, layerOf, style } from '../map/grids.js';

export const deskMap = { map: null };

/** The map of the county (its grid version and bbox), resolved once loaded. */
export function createMap(county) {
  const base = style(county.gridVersion);
  const empty = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  base.sources.draw = empty;
  base.sources.scope = structuredClone(empty);
  base.layers.push(
    ...LEVELS.map(({ layer, min, max }) => ({
      id: `${layer}-risk`, type: 'line', source: 'grids', 'source-layer': layer, minzoom: min, maxzoom: max,
      filter: riskFilter([]), paint: { 'line-color': COLOURS.risk, 'line-width': 4 },
    })),
    ...LEVELS.map(({ layer, min, max }) => ({
      id: `${layer}-selected`, type: 'line', source: 'grids', 'source-layer': layer, minzoom: min, maxzoom: max,
      filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#ffffff', 'line-width': 3 },
    })),
    // The officer's own area, outlined at every zoom (its level's tiles are drawn at some zooms only).
    { id: 'scope-line', type: 'line', source: 'scope', paint: { 'line-color': '#63e6be', 'line-width': 3, 'line-dasharray': [3, 1] } },
    { id: 'draw-fill', type: 'fill', source: 'draw', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#ffd43b', 'fill-opacity': 0.25 } },
    { id: 'draw-line', type: 'line', source: 'draw', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#ffd43b', 'line-width': 2, 'line-dasharray': [2, 1] } },
    { id: 'draw-points', type: 'circle', source: 'draw', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 4, 'circle-color': '#ffd43b' } },
  );
  const map = new maplibregl.Map({
    container: 'map', style: base, bounds: county.bbox, fitBoundsOptions: { padding: 24 },
    attributionControl: false, fadeDuration: 0,
  });
  deskMap.map = map;
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.on('styleimagemissing', (event) => {
    if (event.id === 'hatch') map.addImage('hatch', hatch());
  });
  return new Promise((done) => map.once('load', () => done(map)));
}

/** The level drawn at the map's zoom. */
export function levelOf() {
  const zoom = deskMap.map.getZoom();
  return LEVELS.find(({ min, max, layer }) => layer !== 'special' && zoom >= min && zoom < max);
}

/** The grid under a point of the map, at the level drawn (special grids over base grids). */
export function gridAt(point) {
  const { map } = deskMap;
  const level = levelOf().layer;
  const layers = [level === 'base' ? 'special-fill' : null, `${level}-fill`].filter((id) => id && map.getLayer(id));
  return map.queryRenderedFeatures(point, { layers }).find((f) => f.properties?.code)?.properties.code;
}

/** Outlines one grid (null: none). */
export function highlight(code) {
  if (!deskMap.map) return;
  for (const { layer } of LEVELS) {
    deskMap.map.setFilter(`${layer}-selected`, ['==', ['get', 'code'], code && layerOf(code) === layer ? code : '']);
  }
}

const riskFilter = (codes) => ['in', ['get', 'code'], ['literal', codes]];

/**
 * Rings the grids holding an open class-一 risk and every grid above them (a base grid's risk shows
 * on its village, its township...), at each level's own zooms.
 */
export function markRisks(gridCodes) {
  const byLayer = new Map(LEVELS.map(({ layer }) => [layer, new Set()]));
  for (const code of gridCodes) {
    for (let length = 6; length <= code.length; length += 3) byLayer.get(layerOf(code.slice(0, length)))?.add(code.slice(0, length));
  }
  for (const [layer, codes] of byLayer) deskMap.map.setFilter(`${layer}-risk`, riskFilter([...codes]));
}

/** Brings a case's place into view, close enough to see its base grid. */
export function focus(location) {
  deskMap.map?.easeTo({ center: [location.lon, location.lat], zoom: Math.max(deskMap.map.getZoom(), 13.5) });
}

/** Outlines the officer's own area (a GeoJSON Feature of their grid). */
export function outlineScope(feature) {
  deskMap.map.getSource('scope').setData(feature);
}

/** Shows a bounding box [w, s, e, n]. */
export function fitTo(bbox, { animate = true } = {}) {
  deskMap.map.fitBounds(bbox, { padding: 24, animate });
}
