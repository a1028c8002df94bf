// Opening many WebSocket clients to a /live endpoint (used by loadgen.mjs and crowd.mjs).
import WebSocket from 'ws';

// Opens one client; resolves with it once its first frame (the snapshot) has arrived.
// onFrame(data) sees every frame, the first included, as a Buffer. headers go with the upgrade
// request (the service's /live wants credentials).
export function openClient(url, onFrame, headers = {}) {
  return new Promise((resolve, reject) => {
    // No compression offered: inflating a thousand streams would cost the generator the CPU
    // the servers need, and the peer does not compress either. UTF-8 is left to JSON.parse.
    const ws = new WebSocket(url, { headers, perMessageDeflate: false, skipUTF8Validation: true, handshakeTimeout: 15_000 });
    let first = true;
    ws.on('message', (data) => {
      onFrame(data);
      if (first) { first = false; resolve(ws); }
    });
    ws.on('error', (err) => { if (first) reject(new Error(`${url}: ${err.message}`)); });
    ws.on('close', (code) => { if (first) reject(new Error(`${url} closed (${code}) before its first frame`)); });
  });
}

// Opens `count` clients, `parallel` handshakes at a time (a thousand at once would overflow
// the server's accept queue). handlerFor(i) gives client i its onFrame; headers go with each upgrade.
export async function openClients(url, count, handlerFor, headers = {}, parallel = 20) {
  const clients = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      clients[i] = await openClient(url, handlerFor(i), headers);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane));
  return clients;
}
