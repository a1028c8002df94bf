// Worker thread holding the clients that stall in the slow-client run: they stop reading, then
// read their backlog and look for the fresh snapshot the server owes them. Off the main thread:
// reading and parsing what fifty walls missed there would delay the sampled clients' stamps, so
// the others' latency would carry the generator's own work (a real wall is a machine of its own).
import { parentPort, workerData } from 'node:worker_threads';
import { openClients } from './clients.mjs';

const slow = [];             // per client: { ws, resumed, bytesAfter, snapshotAfter, closed }

function handler() {
  const client = { ws: null, resumed: false, bytesAfter: 0, snapshotAfter: false, closed: false };
  slow.push(client);
  return (data) => {
    if (!client.resumed || client.snapshotAfter) return;
    client.bytesAfter += data.length;
    // The backlog of old deltas comes first; a cheap search spares parsing all of it.
    if (data.includes('"snapshot"')) {
      try { client.snapshotAfter = JSON.parse(data.toString()).type === 'snapshot'; } catch { /* not the snapshot */ }
    }
  };
}

parentPort.on('message', async (msg) => {
  if (msg?.open) {
    const from = slow.length;
    const opened = await openClients(workerData.url, msg.open, handler, workerData.headers);
    opened.forEach((ws, i) => {
      slow[from + i].ws = ws;
      ws.on('close', () => { slow[from + i].closed = true; });
    });
    parentPort.postMessage({ type: 'opened' });
  }
  if (msg === 'pause') {
    for (const client of slow) client.ws._socket.pause();
    parentPort.postMessage({ type: 'paused' });
  }
  if (msg === 'resume') {
    for (const client of slow) { client.resumed = true; client.ws._socket.resume(); }
    parentPort.postMessage({ type: 'resumed' });
  }
  if (msg === 'report') {
    parentPort.postMessage({ type: 'report', given: slow.filter((c) => c.snapshotAfter).length,
      bytesAfter: slow.reduce((sum, c) => sum + c.bytesAfter, 0), closed: slow.filter((c) => c.closed).length });
  }
  if (msg === 'close') {
    for (const client of slow) client.ws.close();
    setTimeout(() => process.exit(0), 300);  // let the close frames go out
  }
});
