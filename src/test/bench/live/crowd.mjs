// Worker thread holding the clients that only count what they receive. Their reading stays
// off the main thread's event loop, where the sampled clients take their timestamps.
import { parentPort, workerData } from 'node:worker_threads';
import { openClients } from './clients.mjs';

const counts = { frames: 0, bytes: 0, closed: 0 };
const count = (data) => { counts.frames++; counts.bytes += data.length; };
const clients = await openClients(workerData.url, workerData.count, () => count, workerData.headers);
for (const ws of clients) ws.on('close', () => counts.closed++);
parentPort.postMessage({ type: 'open' });

parentPort.on('message', (msg) => {
  if (msg === 'counts') parentPort.postMessage({ type: 'counts', ...counts });
  if (msg === 'close') {
    for (const ws of clients) ws.close();
    setTimeout(() => process.exit(0), 300);  // let the close frames go out
  }
});
