// The feed of ./bench ui: a /live-compatible WebSocket server (see README "Live map") that
// plays a busy county without the service. First a `snapshot` of every grid with something to
// show, then every `coalesceMs` (200) a `delta` changing `gridsPerDelta` grids (with 200, the
// 1,000 grid updates/s of the benchmark) plus a few ticker events and the KPIs, and a
// `heartbeat` every 15 s. With gridsPerDelta 0 it sends the snapshot and heartbeats only: the
// idle wall. States are realistic: a base grid gets open cases (some warned or overdue), a
// hotspot level now and then, or is cleared; its group, village and township (and the county)
// change with it, their counts the sums of their base grids', as the service's LiveState does.
// Grid codes are real ones: lines "base group village township" read from the bench database.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const CATEGORIES = ['neighbour_dispute', 'urban_management', 'land_dispute', 'social_assistance', 'family_dispute',
  'consultation', 'wage_arrears', 'environment', 'petition', 'public_order', 'work_safety', 'medical_dispute'];
const EVENT_TYPES = ['RECEIVED', 'RECEIVED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'CONTACTED', 'REPLIED', 'FINISHED',
  'WARNED', 'OVERDUE'];

// A small seeded generator (mulberry32): both sides of the benchmark see the same county.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Args: chains [[base, group, village, township], ...]; options. Resolves to {port, close()}.
export function startFeeder(chains, { port = 0, gridsPerDelta = 200, eventsPerDelta = 4, coalesceMs = 200,
  heartbeatMs = 15000, seed = 2026 } = {}) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const county = chains[0][3].slice(0, 6);
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  const base = new Map(); // base code -> state
  const sums = new Map(); // ancestor code -> {open, warned, overdue}
  const hot = new Map(); // any code -> hotspot level (ancestors get their own)
  let seq = 0;
  let caseNo = 0;

  const stateOf = (code) => {
    const s = code.length === 18 ? base.get(code) : sums.get(code);
    if (!s || !s.open) return {};
    const out = { open: s.open };
    if (s.warned) out.warned = s.warned;
    if (s.overdue) out.overdue = s.overdue;
    if (hot.get(code)) out.hot = hot.get(code);
    return out;
  };
  // A new state for a base grid: a third are cleared, the others get 1-6 open cases.
  const change = (chain, changed) => {
    const [code, ...ancestors] = chain;
    const old = base.get(code) || { open: 0, warned: 0, overdue: 0 };
    let next = { open: 0, warned: 0, overdue: 0 };
    if (rnd() > 0.33) {
      const open = 1 + Math.floor(rnd() * 6);
      const warned = rnd() < 0.3 ? 1 + Math.floor(rnd() * open) : 0;
      const overdue = rnd() < 0.15 ? 1 + Math.floor(rnd() * (open - Math.min(warned, open - 1))) : 0;
      next = { open, warned: Math.min(warned, open - overdue), overdue: Math.min(overdue, open) };
    }
    base.set(code, next);
    hot.set(code, next.open && rnd() < 0.08 ? 1 + Math.floor(rnd() * 3) : 0);
    changed.add(code);
    for (const up of [...ancestors, county]) {
      const s = sums.get(up) || { open: 0, warned: 0, overdue: 0 };
      s.open += next.open - old.open;
      s.warned += next.warned - old.warned;
      s.overdue += next.overdue - old.overdue;
      sums.set(up, s);
      if (rnd() < 0.02) hot.set(up, Math.floor(rnd() * 4));
      changed.add(up);
    }
  };
  const kpi = () => {
    const c = sums.get(county) || { open: 0, warned: 0, overdue: 0 };
    // As /live sends them: hot grids by level, rates with the counts they are taken from.
    const levels = { 9: 'township', 12: 'village', 15: 'group', 18: 'base' };
    const hotGrids = {};
    for (const [code, level] of hot) if (level && levels[code.length]) hotGrids[levels[code.length]] = (hotGrids[levels[code.length]] || 0) + 1;
    const rate = (part, whole) => ({ part, whole, value: part / whole });
    return { receivedToday: caseNo, open: c.open, warned: c.warned, overdue: c.overdue, supervised: 0, hotGrids,
      timelyAcceptance: rate(97, 100), onTimeReply: rate(93, 100), satisfaction: rate(95, 100) };
  };

  // The county as the wall finds it: a third of the base grids with something open.
  const order = chains.map((_, i) => i).sort(() => rnd() - 0.5);
  const initial = new Set();
  for (const i of order.slice(0, Math.floor(chains.length / 3))) change(chains[i], initial);
  let next = 0;

  const server = http.createServer((req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server, path: '/live' });
  wss.on('connection', (ws) => {
    const grids = {};
    for (const code of [...base.keys(), ...sums.keys()]) {
      const s = stateOf(code);
      if (s.open) grids[code] = s;
    }
    ws.send(Buffer.from(JSON.stringify({ type: 'snapshot', seq, gridVersion: null, grids, kpi: kpi(), missed: null })), { binary: true });
  });
  const broadcast = (frame) => {
    const bytes = Buffer.from(JSON.stringify(frame));
    for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.send(bytes, { binary: true });
  };

  const timers = [];
  if (gridsPerDelta > 0) {
    timers.push(setInterval(() => {
      const changed = new Set();
      while (changed.size < gridsPerDelta) change(chains[order[next++ % order.length]], changed);
      const grids = {};
      for (const code of [...changed].slice(0, gridsPerDelta)) grids[code] = stateOf(code);
      const events = [];
      for (let i = 0; i < eventsPerDelta; i++) {
        const type = pick(EVENT_TYPES);
        if (type === 'RECEIVED') caseNo++;
        events.push({ seq: ++seq, caseCode: `${county}-${day}-${String(1 + Math.floor(rnd() * Math.max(caseNo, 1))).padStart(6, '0')}-W`,
          type, gridCode: pick(chains)[0], at: new Date().toISOString(), category: pick(CATEGORIES) });
      }
      broadcast({ type: 'delta', seq, grids, events, kpi: kpi() });
    }, coalesceMs));
  }
  timers.push(setInterval(() => broadcast({ type: 'heartbeat', seq, at: new Date().toISOString() }), heartbeatMs));

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({
      port: server.address().port,
      snapshotGrids: initial.size,
      close: () => {
        timers.forEach(clearInterval);
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.close();
      },
    }));
  });
}
