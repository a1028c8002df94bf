// Worker thread holding the clients that only count what they receive. Their reading stays
// off the main thread's event loop, where the sampled clients take their timestamps.
import { parentPort, workerData } from 'node:worker_threads';
import { openClients } from './clients.mjs';

const counts = { frames: 0, bytes: 0, closed: 0 };
const count = (data) => { counts.frames++; counts.bytes += data.length; };
const clients = [];

parentPort.on('message', async (msg) => {
  // Opened a few at a time, between the main thread's own clients (loadgen.mjs says why).
  if (msg?.open) {
    const opened = await openClients(workerData.url, msg.open, () => count, workerData.headers);
    for (const ws of opened) ws.on('close', () => counts.closed++);
    clients.push(...opened);
    parentPort.postMessage({ type: 'opened' });
  }
  if (msg === 'counts') parentPort.postMessage({ type: 'counts', ...counts });
  if (msg === 'close') {
    for (const ws of clients) ws.close();
    setTimeout(() => process.exit(0), 300);  // let the close frames go out
  }
});
