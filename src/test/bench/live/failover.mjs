// Failover of ./bench cluster. Holds N /live clients through the balancer, each resuming as the
// wall page does (on a dropped line it connects again with since= its last position, backing off
// 100 ms doubling to 1 s), POSTs cases through the balancer at a fixed rate, and after a warm-up
// kills one node with SIGKILL. Measures, on this process's clock:
//  - failover: from the kill to each dropped client having resumed (its new line's snapshot read
//    and, when it had missed events, the replay up to that snapshot): the slowest and the median;
//  - losses: every client's positions after its first snapshot must run without a gap or a repeat
//    up to the stream's head, and every case the API accepted (201) must reach every client.
// Prints one line on stdout: clients-moved failover-max-ms failover-p50-ms clients-with-a-gap
// positions-repeated accepted-cases-not-delivered posts-refused-during-failover.
// Everything else goes to stderr.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { atRate } from './pace.mjs';

const { values: arg } = parseArgs({ options: {
  post: { type: 'string' },     // URL the cases are POSTed to (the balancer's)
  live: { type: 'string' },     // WebSocket URL of the live endpoint (the balancer's)
  token: { type: 'string' },    // bearer token, on every POST and upgrade
  bodies: { type: 'string' },   // file of case bodies, one JSON a line
  kill: { type: 'string' },     // pid of the node to kill
  clients: { type: 'string', default: '2000' },
  rate: { type: 'string', default: '50' },
  warmup: { type: 'string', default: '5' },
  after: { type: 'string', default: '10' },   // seconds of posting after the kill
} });
for (const name of ['post', 'live', 'token', 'bodies', 'kill']) if (!arg[name]) fail(`--${name} is required`);
const clientCount = Number(arg.clients);
const rate = Number(arg.rate);
const bodies = readFileSync(arg.bodies, 'utf8').split('\n').filter((line) => line.trim());
const headers = { authorization: `Bearer ${arg.token}` };

function log(message) { console.error(`failover: ${message}`); }
function fail(message) { console.error(`failover: error: ${message}`); process.exit(1); }
const now = () => performance.now();

// --- the clients ----------------------------------------------------------------------------

let killedAt = null;
const reached = new Map();   // case code -> clients whose stream carried its RECEIVED event
let inbox = [];              // frames stamped on arrival, read after the turn of the event loop

class Wall {
  constructor() {
    this.start = null;        // the position of its first snapshot
    this.last = null;         // the highest position read
    this.gaps = 0;            // positions skipped
    this.repeats = 0;         // positions read twice
    this.dropped = false;     // its line dropped after the kill
    this.resumedAt = null;
    this.resumeUpTo = null;   // the snapshot position its new line must reach
    this.backoff = 100;
    this.opened = null;
  }

  connect() {
    const url = this.last === null ? arg.live : `${arg.live}?since=${this.last}`;
    const ws = new WebSocket(url, { headers, perMessageDeflate: false, skipUTF8Validation: true, handshakeTimeout: 5000 });
    let opened = false;
    ws.on('message', (data) => {
      if (inbox.length === 0) setImmediate(readInbox);
      inbox.push({ wall: this, data, at: now() });
    });
    ws.on('open', () => { opened = true; });
    ws.on('error', () => {});
    ws.on('close', () => {
      if (killedAt !== null && !this.dropped && this.start !== null) this.dropped = true;
      if (stopping) return;
      // A refused or cut line: again after a pause, as the page does.
      const wait = opened ? 0 : this.backoff;
      this.backoff = opened ? 100 : Math.min(this.backoff * 2, 1000);
      setTimeout(() => this.connect(), wait * (0.5 + Math.random() / 2));
    });
    this.ws = ws;
    return new Promise((resolve) => { this.opened = resolve; });
  }

  read(frame, at) {
    if (frame.type === 'snapshot') {
      if (this.start === null) { this.start = frame.seq; this.last = frame.seq; this.opened?.(); return; }
      if (frame.missed) log(`a client fell behind and was given a snapshot (missed ${frame.missed})`);
      if (this.dropped && this.resumedAt === null) {
        this.resumeUpTo = frame.seq;
        if (this.last >= frame.seq) this.resumedAt = at;
      }
      return;
    }
    if (!Array.isArray(frame.events)) return;
    for (const event of frame.events) {
      if (event.seq <= this.last) { this.repeats++; continue; }
      if (event.seq > this.last + 1) this.gaps += event.seq - this.last - 1;
      this.last = event.seq;
      if (event.type === 'RECEIVED') reached.set(event.caseCode, (reached.get(event.caseCode) ?? 0) + 1);
    }
    if (this.dropped && this.resumedAt === null && this.resumeUpTo !== null && this.last >= this.resumeUpTo) this.resumedAt = at;
  }
}

function readInbox() {
  const frames = inbox;
  inbox = [];
  for (const { wall, data, at } of frames) {
    let frame;
    try { frame = JSON.parse(data.toString()); } catch { continue; }
    wall.read(frame, at);
  }
}

// --- posting --------------------------------------------------------------------------------

const accepted = [];
let posted = 0;
let refused = 0;
let stopping = false;
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function postCase(body) {
  posted++;
  const req = http.request(arg.post, { method: 'POST', agent, headers: {
    ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => {
      if (res.statusCode === 201) return accepted.push(JSON.parse(Buffer.concat(chunks).toString()).code);
      // A POST in flight on the killed node is lost with its connection (nginx does not retry a
      // POST): counted, not a failure of the stream, since the API never said it was accepted.
      if (++refused <= 5) log(`POST answered ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 200)}`);
    });
  });
  req.on('error', (err) => { if (++refused <= 5) log(`POST failed: ${err.message}`); });
  req.end(body);
}

// Sends `rate` cases a second from now on; returns the function that stops it.
const startPosting = () => atRate(rate, (i) => postCase(bodies[i % bodies.length]));

// --- the run ----------------------------------------------------------------------------------

const walls = Array.from({ length: clientCount }, () => new Wall());
const openedAt = now();
for (let i = 0; i < walls.length; i += 20) await Promise.all(walls.slice(i, i + 20).map((w) => w.connect()));
log(`${clientCount} clients on ${arg.live} have their snapshot after ${((now() - openedAt) / 1000).toFixed(1)} s`);

const stopPosting = startPosting();
await sleep(Number(arg.warmup) * 1000);
const refusedBefore = refused;
killedAt = now();
process.kill(Number(arg.kill), 'SIGKILL');
log(`node ${arg.kill} killed`);
await sleep(Number(arg.after) * 1000);
stopPosting();

// The drain: until every client has read as far as the furthest one, stable for a second.
const drainUntil = now() + 60_000;
let head = -1;
for (;;) {
  await sleep(1000);
  const furthest = Math.max(...walls.map((w) => w.last));
  const behind = walls.filter((w) => w.last < furthest).length;
  if (furthest === head && behind === 0) break;
  head = furthest;
  if (now() > drainUntil) { log(`${behind} clients had not reached position ${furthest} 60 s after the posts stopped`); break; }
}
stopping = true;
for (const w of walls) w.ws.close();

const moved = walls.filter((w) => w.dropped);
const unresumed = moved.filter((w) => w.resumedAt === null).length;
const times = moved.filter((w) => w.resumedAt !== null).map((w) => w.resumedAt - killedAt).sort((a, b) => a - b);
const withGap = walls.filter((w) => w.gaps > 0).length;
const repeats = walls.reduce((sum, w) => sum + w.repeats, 0);
const notDelivered = accepted.filter((code) => (reached.get(code) ?? 0) < clientCount).length;
log(`${moved.length} of ${clientCount} clients were on the killed node; ${unresumed} did not resume`);
log(`${posted} cases posted, ${accepted.length} accepted, ${refused - refusedBefore} refused or cut after the kill`);
if (unresumed) fail(`${unresumed} clients never resumed`);
if (moved.length === 0) fail('no client was on the killed node');
const ms = (v) => v.toFixed(0);
console.log([moved.length, ms(times[times.length - 1]), ms(times[Math.floor(times.length / 2)]), withGap, repeats,
             notDelivered, refused - refusedBefore].join(' '));
await sleep(300);
process.exit(0);
