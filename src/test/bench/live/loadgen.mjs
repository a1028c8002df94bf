// Load generator of ./bench live. Holds N WebSocket clients on a live endpoint while it POSTs
// cases at a fixed rate, and measures event to screen: from the moment a POST's 201 answer is
// read to the moment a client receives the delta carrying that case's RECEIVED event. Both
// instants are taken in this thread, on one clock (performance.now).
//
// Clients, by role:
//  - sampled (--sample): parse every frame and take the latencies; in this thread;
//  - slow (--slow): in the slow-client run, stop reading for --slow-pause seconds, then look
//    for the fresh snapshot the server owes them; in a worker thread (stall.mjs);
//  - the rest only count frames and bytes, in another worker thread (crowd.mjs).
// Phases, the posts never pausing between them: warm-up, steady (latencies), slow-client run
// (latencies of the sampled clients while the slow ones stall), then a drain for late deltas.
// Memory per connection: the server's RSS (/proc/PID) before the clients connect and after all
// have their snapshot and a settle.
//
// Prints one line on stdout: p50 p99 (ms, steady) KB-per-connection p99-slow-run (ms)
// slow-clients-given-a-snapshot KB-per-client-per-second (steady) POST-p99 (ms, steady).
// Everything else goes to stderr. Exits 1 when a post failed
// or no latency was measured.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { openClients } from './clients.mjs';
import { atRate } from './pace.mjs';

const { values: arg } = parseArgs({ options: {
  post: { type: 'string' },     // URL the cases are POSTed to
  live: { type: 'string' },     // WebSocket URL of the live endpoint
  pid: { type: 'string' },      // the server's process, for its RSS
  token: { type: 'string' },    // bearer token sent on every POST and WebSocket upgrade (the service's; the peer takes none)
  bodies: { type: 'string' },   // file of case bodies, one JSON a line, sent in turn
  clients: { type: 'string', default: '1000' },
  rate: { type: 'string', default: '200' },       // cases/s
  seconds: { type: 'string', default: '15' },     // of the steady phase, and of the slow-client run
  warmup: { type: 'string', default: '5' },
  sample: { type: 'string', default: '100' },
  slow: { type: 'string' },                       // default 5 % of the clients
  'slow-pause': { type: 'string', default: '10' },
  settle: { type: 'string', default: '2' },
} });
for (const name of ['post', 'live', 'pid', 'bodies']) if (!arg[name]) fail(`--${name} is required`);
const clients = Number(arg.clients);
const rate = Number(arg.rate);
const seconds = Number(arg.seconds);
const sampleCount = Math.min(Number(arg.sample), clients);
const slowCount = Math.min(Number(arg.slow ?? Math.round(clients * 0.05)), clients - sampleCount);
const crowdCount = clients - sampleCount - slowCount;
const bodies = readFileSync(arg.bodies, 'utf8').split('\n').filter((line) => line.trim());
if (bodies.length === 0) fail(`${arg.bodies} has no case bodies`);

function log(message) { console.error(`live: ${message}`); }
function fail(message) { console.error(`live: error: ${message}`); process.exit(1); }
const now = () => performance.now();
// The credentials, on the POSTs and on the WebSocket upgrades alike.
const authHeaders = arg.token ? { authorization: `Bearer ${arg.token}` } : {};
const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${arg.pid}/status`, 'utf8'))[1]);

// --- posting ------------------------------------------------------------------------------

let phase = 'warm-up';
const answers = new Map();   // case code -> { at, sent, phase }, from the 201s
const postMs = [];           // POST round trips
const steadyPostMs = [];     // those sent in the steady phase
let posted = 0;
let failures = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

function postFailed(why) {
  if (++failures <= 5) log(`POST ${arg.post} failed: ${why}`);
  if (failures === 100) fail(`100 posts failed: the run is stopped`);
}

function postCase(body) {
  const sentPhase = phase;
  const sentAt = now();
  posted++;
  const req = http.request(arg.post, { method: 'POST', agent, headers: {
    ...authHeaders, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => {
      const at = now();
      const text = Buffer.concat(chunks).toString();
      let code;
      try { code = JSON.parse(text).code; } catch { /* reported below */ }
      if (res.statusCode !== 201 || typeof code !== 'string') return postFailed(`HTTP ${res.statusCode} ${text.slice(0, 300)}`);
      answers.set(code, { at, sent: sentAt, phase: sentPhase });
      postMs.push(at - sentAt);
      if (sentPhase === 'steady') steadyPostMs.push(at - sentAt);
      settleEarly(code);
    });
  });
  req.on('error', (err) => postFailed(err.message));
  req.end(body);
}

// Sends `rate` cases a second from now on; returns the function that stops it.
const startPosting = () => atRate(rate, (i) => postCase(bodies[i % bodies.length]));

// --- the sampled clients: latencies -------------------------------------------------------

const latencies = { 'warm-up': [], steady: [], slow: [] };
// The same deliveries timed from the POST's send: a server that takes no case while it writes a
// delta (the peer's one thread) starts the clock above only after its writing.
const fromSent = { 'warm-up': [], steady: [], slow: [] };
const early = new Map();     // case code -> receive times seen before its 201 was read
let earlyCount = 0;
let unreadable = 0;
const sampled = [];          // per client: { snapshots }
let inbox = [];

function delivered(code, at) {
  const answer = answers.get(code);
  if (answer) {
    fromSent[answer.phase]?.push(at - answer.sent);
    return latencies[answer.phase]?.push(at - answer.at);
  }
  // The delta may beat the 201 to this process; such a delivery counts as 0 ms (settleEarly).
  if (!early.has(code)) early.set(code, []);
  early.get(code).push(at);
}

function settleEarly(code) {
  const times = early.get(code);
  if (!times) return;
  early.delete(code);
  const answer = answers.get(code);
  for (const at of times) {
    earlyCount++;
    latencies[answer.phase]?.push(Math.max(0, at - answer.at));
    fromSent[answer.phase]?.push(at - answer.sent);
  }
}

// A frame is only stamped and queued when it arrives, and parsed after every socket of this
// turn of the event loop was read: parsing one client's frame must not delay another's stamp.
function sampledHandler() {
  const client = { snapshots: 0 };
  sampled.push(client);
  return (data) => {
    if (inbox.length === 0) setImmediate(readInbox);
    inbox.push({ at: now(), data, client });
  };
}

function readInbox() {
  const frames = inbox;
  inbox = [];
  for (const { at, data, client } of frames) {
    let frame;
    try { frame = JSON.parse(data.toString()); } catch { unreadable++; continue; }
    if (frame?.type === 'snapshot') client.snapshots++;
    if (frame?.type !== 'delta' || !Array.isArray(frame.events)) continue;
    if (client === sampled[0] && phase === 'steady') weigh(frame, data.length);
    for (const event of frame.events) if (event?.type === 'RECEIVED') delivered(event.caseCode, at);
  }
}

// What the steady phase's deltas are made of, as one sampled client read them (for the log).
const parts = { deltas: 0, bytes: 0, grids: 0, gridBytes: 0, events: 0, eventBytes: 0, kpiBytes: 0, alerts: 0, alertBytes: 0 };
function weigh(frame, bytes) {
  parts.deltas++;
  parts.bytes += bytes;
  parts.grids += Object.keys(frame.grids ?? {}).length;
  parts.gridBytes += JSON.stringify(frame.grids ?? {}).length;
  parts.events += frame.events.length;
  parts.eventBytes += JSON.stringify(frame.events).length;
  parts.kpiBytes += frame.kpi ? JSON.stringify(frame.kpi).length : 0;
  if (frame.alertsRaised || frame.alertsGone) {
    parts.alerts++;
    parts.alertBytes += Buffer.byteLength(JSON.stringify([frame.alertsRaised, frame.alertsGone]));
  }
}

// --- the run ------------------------------------------------------------------------------

const rssBefore = rssKb();
const openedAt = now();
// A worker thread of clients, and a function asking it something (each request has one reply).
function clientsThread(file, what) {
  const worker = new Worker(new URL(file, import.meta.url), { workerData: { url: arg.live, headers: authHeaders } });
  worker.on('error', (err) => fail(`${what}: ${err.message}`));
  const replies = [];
  worker.on('message', (msg) => replies.shift()?.(msg));
  return (request) => new Promise((resolve) => { replies.push(resolve); worker.postMessage(request); });
}
const crowdSays = clientsThread('./crowd.mjs', 'a counting client');
const stallSays = clientsThread('./stall.mjs', 'a stalling client');

// A server writes a delta to its clients in some order (the peer in the order they connected),
// so a client's latency depends on its place. The sampled clients are spread evenly through the
// connection order, a sampled one, then its share of the stalling and counting ones, and so on:
// opened first, they were written first by the peer (p50 52.8 ms, against 60.0-63.5 ms opened last).
const opening = (async () => {
  const sampledWs = [];
  let slowOpened = 0, crowdOpened = 0;
  for (let i = 0; i < sampleCount; i++) {
    sampledWs.push(...await openClients(arg.live, 1, sampledHandler, authHeaders));
    const slowDue = Math.round(slowCount * (i + 1) / sampleCount) - slowOpened;
    const crowdDue = Math.round(crowdCount * (i + 1) / sampleCount) - crowdOpened;
    if (slowDue > 0) await stallSays({ open: slowDue });
    if (crowdDue > 0) await crowdSays({ open: crowdDue });
    slowOpened += slowDue;
    crowdOpened += crowdDue;
  }
  return sampledWs;
})();
const openTimeout = sleep(120_000).then(() => { throw new Error('not every client had its snapshot within 120 s'); });
const sampledWs = await Promise.race([opening, openTimeout]).catch((err) => fail(err.message));
log(`${clients} clients on ${arg.live} have their snapshot after ${((now() - openedAt) / 1000).toFixed(1)} s ` +
    `(${sampleCount} sampled, ${slowCount} to stall, ${crowdCount} counting)`);
await sleep(Number(arg.settle) * 1000);
const rssWith = rssKb();
const kbPerConnection = (rssWith - rssBefore) / clients;
log(`server RSS ${(rssBefore / 1024).toFixed(0)} MB before the clients, ${(rssWith / 1024).toFixed(0)} MB with them`);

let closed = 0;
for (const ws of sampledWs) ws.on('close', () => closed++);

const stopPosting = startPosting();
log(`${rate} cases/s to ${arg.post}: warm-up ${arg.warmup} s, steady ${seconds} s, slow-client run`);
await sleep(Number(arg.warmup) * 1000);

phase = 'steady';
const countsBefore = await crowdSays('counts');
const postedBefore = posted;
await sleep(seconds * 1000);
const countsAfter = await crowdSays('counts');
const perClient = crowdCount > 0 ? (countsAfter.frames - countsBefore.frames) / crowdCount / seconds : 0;
const kbPerClient = crowdCount > 0 ? (countsAfter.bytes - countsBefore.bytes) / 1024 / crowdCount / seconds : 0;
log(`steady: ${((posted - postedBefore) / seconds).toFixed(0)} cases/s posted; each client received ` +
    `${perClient.toFixed(1)} frames/s, ${kbPerClient.toFixed(1)} KB/s`);

if (parts.deltas) {
  const each = (v) => (v / parts.deltas).toFixed(0);
  log(`steady: a delta was ${each(parts.bytes)} bytes on average: ${each(parts.grids)} grids in ${each(parts.gridBytes)} bytes, ` +
      `${each(parts.events)} events in ${each(parts.eventBytes)}, key figures ${each(parts.kpiBytes)}; ` +
      `${parts.alerts} of ${parts.deltas} carried group alerts raised or acknowledged, in ${each(parts.alertBytes)} bytes a delta on average`);
}

// The slow-client run: the stalled clients' sockets are paused (nothing read, so the kernel's
// buffers fill and the server's bounded queue overflows), then resumed.
// Skipped with --slow 0 (./bench cluster measures event to screen only).
if (slowCount > 0) {
  phase = 'slow';
  const pauseMs = Number(arg['slow-pause']) * 1000;
  await sleep(1000);
  await stallSays('pause');
  await sleep(pauseMs);
  await stallSays('resume');
  await sleep(Math.max(seconds * 1000 - 1000 - pauseMs, 3000));
}

stopPosting();
phase = 'done';
await sleep(3000);  // the last deltas, and the answers still in flight

// --- figures ------------------------------------------------------------------------------

function percentile(values, p) {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(Math.ceil(p * sorted.length), 1) - 1];
}
const ms = (v) => (v === undefined ? 'NaN' : v.toFixed(2));

for (const name of slowCount > 0 ? ['steady', 'slow'] : ['steady']) {
  const cases = [...answers.values()].filter((a) => a.phase === name).length;
  const missing = cases * sampleCount - latencies[name].length;
  log(`${name}: ${cases} cases, ${latencies[name].length} deliveries to the sampled clients` +
      (missing > 0 ? `, ${missing} missing` : '') +
      (latencies[name].length ? `, p50 ${ms(percentile(latencies[name], 0.5))} ms, p99 ${ms(percentile(latencies[name], 0.99))} ms` : ''));
}
const stalled = await stallSays('report');
const given = stalled.given;
if (slowCount > 0) {
  const backlogKb = stalled.bytesAfter / 1024 / slowCount;
  log(`slow clients: ${given} of ${slowCount} given a fresh snapshot after ${arg['slow-pause']} s stalled ` +
      `(${backlogKb.toFixed(0)} KB read by each after resuming, on average)`);
  if (given === 0) log('none was given a snapshot: the socket buffers may have held all it missed (a longer --slow-pause tells)');
}
const resnapped = sampled.reduce((sum, c) => sum + c.snapshots - 1, 0);
if (resnapped > 0) log(`the sampled clients, which read all the time, were given ${resnapped} fresh snapshots`);
if (postMs.length) log(`POST round trip p50 ${ms(percentile(postMs, 0.5))} ms, p99 ${ms(percentile(postMs, 0.99))} ms`);
if (earlyCount) log(`${earlyCount} deliveries arrived before their 201 was read (counted as 0 ms)`);
if (unreadable) log(`${unreadable} frames were not JSON`);
const crowdClosed = (await crowdSays('counts')).closed ?? 0;
if (closed + crowdClosed + stalled.closed) log(`${closed + crowdClosed + stalled.closed} clients were closed by the server during the run`);

crowdSays('close');
stallSays('close');
for (const ws of sampledWs) ws.close();

if (failures) fail(`${failures} of ${posted} posts failed`);
if (!latencies.steady.length || (slowCount > 0 && !latencies.slow.length)) fail('no event reached a sampled client: no latency measured');
console.log([ms(percentile(latencies.steady, 0.5)), ms(percentile(latencies.steady, 0.99)), kbPerConnection.toFixed(1),
             slowCount > 0 ? ms(percentile(latencies.slow, 0.99)) : '-', given, kbPerClient.toFixed(1),
             ms(percentile(steadyPostMs, 0.99)), ms(percentile(fromSent.steady, 0.99))].join(' '));
await sleep(300);  // let the close frames go out
process.exit(0);
