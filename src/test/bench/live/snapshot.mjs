// The /live snapshot a page waits for: opens one client after another and prints
// "bytes-of-the-snapshot p50-ms p99-ms", each time from opening the socket to its first frame.
// Usage: node snapshot.mjs URL [times, 20] [bearer token]
import { openClient } from './clients.mjs';

const [url, times = '20', token] = process.argv.slice(2);
const headers = token ? { Authorization: `Bearer ${token}` } : {};
const millis = [];
let bytes = 0;
for (let i = 0; i < Number(times); i++) {
  const started = process.hrtime.bigint();
  const ws = await openClient(url, (data) => { if (!bytes) bytes = data.length; }, headers);
  millis.push(Number(process.hrtime.bigint() - started) / 1e6);
  ws.close();
}
millis.sort((a, b) => a - b);
const rank = (p) => millis[Math.max(0, Math.ceil(p * millis.length) - 1)];
console.log(`${bytes} ${rank(0.5).toFixed(2)} ${rank(0.99).toFixed(2)}`);
