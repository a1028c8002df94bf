// The peer of ./bench live: a minimal Node `ws` broadcaster doing the fan-out /live does.
// POST /cases answers 201 {"code": ...} at once and queues the case's RECEIVED event; the queued
// events go to every client in one delta by the service's policy (live.DeltaPacing): at once when
// the last delta went out at least clients / GRIDCC_LIVE_SENDS_PER_SECOND seconds ago and its
// event loop has written it to every socket (here, one loop that writes a delta in one turn, so by
// the time a timer can fire), and never later than GRIDCC_LIVE_COALESCE_MS after the last. Each client gets an
// (empty) snapshot when it connects. No grid states, no database, no bound on a slow client's
// buffer: the floor under the service's live path.
//   node peer.mjs [port]      (WebSocket on ws://127.0.0.1:port/live)
import http from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 8090);
const coalesceMs = Number(process.env.GRIDCC_LIVE_COALESCE_MS);
const sendsPerSecond = Number(process.env.GRIDCC_LIVE_SENDS_PER_SECOND);
if (!(coalesceMs > 0 && sendsPerSecond > 0)) throw new Error('set GRIDCC_LIVE_COALESCE_MS and GRIDCC_LIVE_SENDS_PER_SECOND (the service\'s policy)');
const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
let seq = 0;
let queued = [];
let lastDelta = 0;
let due = false;
let decision = 0;

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/cases') return res.writeHead(404).end();
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
    try { body = JSON.parse(Buffer.concat(chunks).toString()); } catch { return res.writeHead(400).end(); }
    seq++;
    const code = `530324-${day}-${String(seq).padStart(6, '0')}-P`;
    queued.push({ seq, caseCode: code, type: 'RECEIVED', gridCode: body.gridCode ?? null,
                  at: new Date().toISOString(), category: body.category });
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ code }));
    if (!due) { due = true; decide(); }
  });
});
// The load generator keeps its connections busy; a long idle timeout spares it resets.
server.keepAliveTimeout = 60_000;

const wss = new WebSocketServer({ server, path: '/live' });
wss.on('connection', (ws) => ws.send(Buffer.from(JSON.stringify({ type: 'snapshot', seq, grids: {}, kpi: {} })), { binary: true }));

function decide() {
  const floor = lastDelta + (wss.clients.size * 1000) / sendsPerSecond;
  const cap = lastDelta + coalesceMs;
  const at = Math.min(floor, cap);
  const ticket = ++decision;
  setTimeout(() => go(ticket), Math.max(0, at - performance.now()));
}

function go(ticket) {
  if (ticket !== decision || !due) return;
  due = false;
  if (queued.length === 0) return;
  decision++;
  lastDelta = performance.now();
  // Serialised once; every client is sent the same bytes, as a binary message as the service's are.
  const frame = Buffer.from(JSON.stringify({ type: 'delta', seq, grids: {}, events: queued }));
  queued = [];
  for (const ws of wss.clients) {
    if (ws.readyState !== ws.OPEN) continue;
    ws.send(frame, { binary: true });
  }
}

server.listen(port, '127.0.0.1', () => console.error(`peer: ws broadcaster on 127.0.0.1:${port}`));
