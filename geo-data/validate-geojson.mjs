#!/usr/bin/env node
// Pure-JS validity check for a GeoJSON FeatureCollection of Polygon/MultiPolygon
// features (RFC 7946 + OGC Simple Features polygon rules, made a little stricter).
//
//   node geo-data/validate-geojson.mjs [file.geojson]     (default: geo-data/counties.geojson)
//
// Checks, per feature:
//   - positions are [lon, lat] pairs of finite numbers within [-180,180] x [-90,90]
//   - every ring has >= 4 positions, is closed (first == last), has no repeated
//     consecutive positions and encloses a non-zero area
//   - exterior rings are counter-clockwise, interior rings clockwise (RFC 7946 3.1.6)
//   - no edge of any ring intersects or touches any other edge of the feature
//     (except the shared vertex of consecutive edges of one ring); this forbids
//     self-intersections, self-touching rings, spikes and crossing/touching parts
//   - every hole lies inside its shell and no polygon of a MultiPolygon lies
//     inside another one
// Intersection tests use exact integer arithmetic on coordinates scaled to
// micro-degrees (1e-6 deg), which is exact for data rounded to 6 decimals.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCALE = 1e6;

export function orient(a, b, c) {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

export function onSegment(a, b, p) {
  // p is collinear with a-b: is it within the closed segment's box?
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0])
      && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

export function segmentsIntersect(p1, p2, q1, q2) {
  const o1 = orient(p1, p2, q1), o2 = orient(p1, p2, q2);
  const o3 = orient(q1, q2, p1), o4 = orient(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
  if (o1 === 0 && onSegment(p1, p2, q1)) return true;
  if (o2 === 0 && onSegment(p1, p2, q2)) return true;
  if (o3 === 0 && onSegment(q1, q2, p1)) return true;
  if (o4 === 0 && onSegment(q1, q2, p2)) return true;
  return false;
}

/** Twice the signed planar area (lon/lat plane) of a closed ring; > 0 means counter-clockwise. */
export function signedArea2(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s;
}

function pointInRing(p, ring) {
  // even-odd ray casting; p is assumed not to lie on the ring (edges were checked not to touch)
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const a = ring[i], b = ring[j];
    if ((a[1] > p[1]) !== (b[1] > p[1])) {
      const x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
      if (p[0] < x) inside = !inside;
    }
  }
  return inside;
}

/** Returns a list of problems (empty when the geometry is valid). */
export function validateGeometry(geometry) {
  const errors = [];
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    return [`geometry type must be Polygon or MultiPolygon, got ${geometry && geometry.type}`];
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return ['no polygons'];

  // integer copies (micro-degrees) for exact predicates
  const ipolys = [];
  const edges = []; // {a, b, poly, ring, idx, n}
  polygons.forEach((poly, pi) => {
    if (!Array.isArray(poly) || poly.length === 0) { errors.push(`polygon ${pi}: no rings`); return; }
    const irings = [];
    poly.forEach((ring, ri) => {
      const where = `polygon ${pi} ring ${ri}`;
      if (!Array.isArray(ring) || ring.length < 4) { errors.push(`${where}: fewer than 4 positions`); return; }
      for (const p of ring) {
        if (!Array.isArray(p) || p.length !== 2 || !p.every(Number.isFinite)
            || p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) {
          errors.push(`${where}: bad position ${JSON.stringify(p)}`);
          return;
        }
      }
      const first = ring[0], last = ring[ring.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) errors.push(`${where}: not closed`);
      const ir = ring.map(([x, y]) => [Math.round(x * SCALE), Math.round(y * SCALE)]);
      for (let i = 0; i + 1 < ir.length; i++) {
        if (ir[i][0] === ir[i + 1][0] && ir[i][1] === ir[i + 1][1]) {
          errors.push(`${where}: repeated consecutive position at index ${i}`);
        }
      }
      const a2 = signedArea2(ir);
      if (a2 === 0) errors.push(`${where}: zero area`);
      else if (ri === 0 && a2 < 0) errors.push(`${where}: exterior ring is clockwise (RFC 7946 wants counter-clockwise)`);
      else if (ri > 0 && a2 > 0) errors.push(`${where}: interior ring is counter-clockwise (RFC 7946 wants clockwise)`);
      const n = ir.length - 1; // number of edges
      for (let i = 0; i < n; i++) edges.push({ a: ir[i], b: ir[i + 1], pi, ri, i, n });
      irings.push(ir);
    });
    ipolys.push(irings);
  });
  if (errors.length) return errors;

  // adjacent edges of one ring must not fold back onto each other (spike)
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k];
    const next = edges[k - e.i + ((e.i + 1) % e.n)];
    if (orient(e.a, e.b, next.b) === 0) {
      const dot = (e.b[0] - e.a[0]) * (next.b[0] - next.a[0]) + (e.b[1] - e.a[1]) * (next.b[1] - next.a[1]);
      if (dot < 0) errors.push(`polygon ${e.pi} ring ${e.ri}: spike at vertex ${(e.i + 1) % e.n}`);
    }
  }

  // sweep over x: compare only edges whose x-ranges overlap
  const sorted = edges.map((e) => ({ ...e, minX: Math.min(e.a[0], e.b[0]), maxX: Math.max(e.a[0], e.b[0]),
    minY: Math.min(e.a[1], e.b[1]), maxY: Math.max(e.a[1], e.b[1]) }))
    .sort((u, v) => u.minX - v.minX);
  let reported = 0;
  for (let s = 0; s < sorted.length; s++) {
    const e = sorted[s];
    for (let t = s + 1; t < sorted.length && sorted[t].minX <= e.maxX; t++) {
      const f = sorted[t];
      if (f.minY > e.maxY || f.maxY < e.minY) continue;
      if (e.pi === f.pi && e.ri === f.ri) {
        const d = Math.abs(e.i - f.i);
        if (d === 1 || d === e.n - 1) continue; // consecutive edges share a vertex by construction
      }
      if (segmentsIntersect(e.a, e.b, f.a, f.b)) {
        if (reported++ < 10) {
          errors.push(`edges intersect/touch: polygon ${e.pi} ring ${e.ri} edge ${e.i} and polygon ${f.pi} ring ${f.ri} edge ${f.i}`
            + ` near [${e.a[0] / SCALE}, ${e.a[1] / SCALE}]`);
        }
      }
    }
  }
  if (reported > 10) errors.push(`... ${reported - 10} more intersections`);
  if (errors.length) return errors;

  // nesting: holes inside their shell; polygons of a MultiPolygon not inside one another
  ipolys.forEach((rings, pi) => {
    for (let ri = 1; ri < rings.length; ri++) {
      if (!pointInRing(rings[ri][0], rings[0])) errors.push(`polygon ${pi} ring ${ri}: hole outside its shell`);
    }
  });
  for (let p = 0; p < ipolys.length; p++) {
    for (let q = 0; q < ipolys.length; q++) {
      if (p === q) continue;
      const v = ipolys[q][0][0];
      if (pointInRing(v, ipolys[p][0]) && !ipolys[p].slice(1).some((h) => pointInRing(v, h))) {
        errors.push(`polygon ${q} lies inside polygon ${p}`);
      }
    }
  }
  return errors;
}

/** Validates a FeatureCollection; returns [{ index, id, errors }] for the invalid features. */
export function validateFeatureCollection(fc) {
  const problems = [];
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return [{ index: -1, id: null, errors: ['not a FeatureCollection'] }];
  }
  fc.features.forEach((f, index) => {
    const errors = f && f.type === 'Feature' ? validateGeometry(f.geometry) : ['not a Feature'];
    if (errors.length) problems.push({ index, id: f && (f.id ?? (f.properties && f.properties.code)), errors });
  });
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = process.argv[2] || join(here, 'counties.geojson');
  const fc = JSON.parse(readFileSync(file, 'utf8'));
  const problems = validateFeatureCollection(fc);
  for (const p of problems) {
    for (const e of p.errors) console.error(`feature ${p.index} (${p.id}): ${e}`);
  }
  const n = fc.features ? fc.features.length : 0;
  console.log(`${file}: ${n - problems.length} valid, ${problems.length} invalid`);
  process.exit(problems.length ? 1 : 0);
}
