// The wall's map: which level it draws, and the names of places on it.
//
// The level is chosen from the screen and the data, not from the zoom alone: the finest level of
// township and village whose grids in view are mostly (READABLE_SHARE) big enough to read, a grid
// being big enough when the largest circle inside it is at least 1 rem across (the wall's type
// size, itself a share of the screen: see wall.css). A small wall thus shows villages rather than
// two whole red townships, and a 4K wall the same as a 1080p one. Zoomed in past villages (the
// group and base zooms), the zoom decides as on the desk.
//
// Names are HTML over the map, not MapLibre symbol text: symbol text needs glyph sets (PBF files)
// from a glyph server, which the service does not have and the wall cannot fetch (no internet), and a
// CJK glyph set would have to be generated and served. HTML labels use the page's own CJK font, scale
// with the wall's type, and are read by the browser tests like any text.
import maplibregl from 'maplibre-gl';
import { LEVELS } from '../map/grids.js';

const LEVEL = Object.fromEntries(LEVELS.map((level) => [level.layer, level]));
/** The levels chosen by the data; finer ones follow the zoom. */
const CHOSEN = ['township', 'village'];
const READABLE_SHARE = 0.8;
const WORLD_METRES = 40075016.686; // Web Mercator's width of the world, 512 px at zoom 0 in MapLibre

const metresPerPixel = (zoom) => WORLD_METRES / (512 * 2 ** zoom);
const remPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize);

/**
 * The levels whose grid states the wall needs from /live: the one it draws (drawn, from wallLevel),
 * or every level once zoomed in past villages (null), where the zoom changes the level at every
 * step. Every wall gets every change of what it watches, so one level means smaller deltas.
 */
export function levelsToWatch(map, drawn) {
  return map.getZoom() >= LEVEL.group.min ? null : [drawn.layer];
}

/** The level to draw now ({layer, name, en, ...} of LEVELS), drawn: labels has the township and village labels (/labels). */
export function wallLevel(map, labels) {
  const zoom = map.getZoom();
  if (zoom >= LEVEL.group.min) return LEVELS.find(({ min, max, layer }) => layer !== 'special' && zoom >= min && zoom < max);
  const bounds = map.getBounds();
  const room = remPx() / 2 * metresPerPixel(zoom);
  const inView = labels.village.filter((label) => bounds.contains([label.lon, label.lat]));
  const readable = inView.filter((label) => label.room >= room).length;
  const villages = zoom >= LEVEL.village.tilesFrom && inView.length > 0 && readable >= READABLE_SHARE * inView.length;
  const level = villages ? LEVEL.village : LEVEL.township;
  for (const layer of CHOSEN) {
    for (const kind of ['fill', 'hatch', 'line', 'hot']) {
      map.setLayerZoomRange(`${layer}-${kind}`, 0, LEVEL.group.min);
      map.setLayoutProperty(`${layer}-${kind}`, 'visibility', layer === level.layer ? 'visible' : 'none');
    }
  }
  return level;
}

/**
 * Names on the map: townships while townships or villages are drawn, villages while villages or
 * finer grids are drawn where the name fits inside its village and clear of names already placed
 * (townships first).
 * update(layer) places them again (after a zoom, a move or a resize).
 */
export function placeLabels(map, labels) {
  const placed = CHOSEN.flatMap((level) => labels[level].map((label) => {
    const element = document.createElement('div');
    element.className = `place-label ${level}`;
    element.dataset.code = label.code;
    element.textContent = label.name;
    element.hidden = true;
    const marker = new maplibregl.Marker({ element, anchor: 'center' }).setLngLat([label.lon, label.lat]).addTo(map);
    return { level, label, element, marker };
  }));
  const update = (drawn) => {
    const zoom = map.getZoom();
    const wanted = (level) => (level === 'township' ? CHOSEN.includes(drawn) : drawn !== 'township');
    for (const { level, element } of placed) element.hidden = !wanted(level);
    // Sizes read at once, after every candidate is shown (one layout, not one per label).
    const boxes = placed.map(({ label, element }) => {
      if (element.hidden) return null;
      const at = map.project([label.lon, label.lat]);
      const width = element.offsetWidth, height = element.offsetHeight;
      return { left: at.x - width / 2, right: at.x + width / 2, top: at.y - height / 2, bottom: at.y + height / 2, width };
    });
    const taken = [];
    const free = (box) => !taken.some((t) => box.left < t.right && t.left < box.right && box.top < t.bottom && t.top < box.bottom);
    const shifted = (box, dy) => ({ ...box, top: box.top + dy, bottom: box.bottom + dy });
    placed.forEach(({ level, label, element, marker }, i) => {
      const box = boxes[i];
      if (!box) return;
      if (level === 'township') {
        // Every township is named: moved up or down by a line or two where it would cover another name.
        const line = box.bottom - box.top;
        const dy = [0, line, -line, 2 * line, -2 * line].find((d) => free(shifted(box, d))) ?? 0;
        marker.setOffset([0, dy]);
        taken.push(shifted(box, dy));
        return;
      }
      // A village is named where its name fits inside it, clear of the names placed.
      element.hidden = !(2 * label.room / metresPerPixel(zoom) >= box.width && free(box));
      if (!element.hidden) taken.push(box);
    });
  };
  return { update };
}
