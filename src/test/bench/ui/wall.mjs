// The driver of ./bench ui: starts the feed (feeder.mjs) on a free port, opens the wall of the
// service under test in Debian's headless Chromium (playwright-core, never a browser of its
// own) with ?live= pointing at the feed, and measures
//  - time to first coloured map: from navigation start (the page's performance.now() origin)
//    to the end of the first frame MapLibre draws (its `render` event) in which every tile is
//    loaded and the shown level has grids drawn with a state from the feed
//    (queryRenderedFeatures with feature-state open > 0);
//  - frame times: after a warm-up, a requestAnimationFrame loop in the page records the time
//    between frames for some seconds while the feed runs; dropped frames are the 60 Hz
//    frames missed (an interval of n frames counts n - 1).
//  - the JS heap after a full collection before and after the measured seconds.
// The wall signs in with the display token given (--token), which the page takes from #token=.
// Prints "first-coloured-ms p50 p95 p99 dropped-frames heap-growth-MB" on stdout; the rest goes to stderr.
//   node wall.mjs --url http://127.0.0.1:8089 --token WALL_TOKEN --county 530324 --codes FILE --updates 1000 --seconds 15
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startFeeder } from './feeder.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const updates = Number(args.updates ?? 1000); // grid updates per second
const seconds = Number(args.seconds ?? 15);
const warmup = Number(args.warmup ?? 3);
const [width, height] = (args.size ?? '1920x1080').split('x').map(Number);
const log = (...words) => console.error('ui:', ...words);

const chains = readFileSync(args.codes, 'utf8').trim().split('\n').map((line) => line.split(' '));
const coalesceMs = 200;
const feeder = await startFeeder(chains, { gridsPerDelta: Math.round(updates * coalesceMs / 1000), coalesceMs });
log(`feed on ws://127.0.0.1:${feeder.port}/live: ${updates} grid updates/s, snapshot of ${feeder.snapshotGrids} grids`);

const browser = await chromium.launch({
  executablePath: args.chromium ?? '/usr/bin/chromium',
  headless: true,
  // As the browser tests (HeadlessChromium.java): WebGL without a GPU through SwiftShader.
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN',
    '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    // gc() in the page, so that the heap is measured without garbage.
    '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
let status = 0;
try {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) log('page:', message.text());
  });
  page.on('pageerror', (error) => log('page error:', error.message));
  page.on('response', (response) => { if (response.status() >= 400) log(`page: ${response.status()} for ${response.url()}`); });
  // Before the page's own scripts: watch each frame MapLibre draws until one shows colour.
  await page.addInitScript(() => {
    window.__bench = { firstColoured: null, longTasks: [] };
    // Main-thread tasks over 50 ms: with the frame times, they tell the page's own work (MapLibre
    // applying feature-state, the ticker) from the renderer's.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__bench.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask' });
    const poll = setInterval(() => {
      if (!window.gridWall) return;
      clearInterval(poll);
      const map = window.gridWall.map;
      const check = () => {
        if (window.gridWall.shown.size === 0 || !map.areTilesLoaded()) return;
        const layer = `${window.gridWall.level()}-fill`;
        const coloured = map.queryRenderedFeatures({ layers: [layer] }).filter((f) => f.state && f.state.open > 0);
        if (coloured.length === 0) return;
        window.__bench.firstColoured = performance.now();
        window.__bench.colouredGrids = coloured.length;
        window.__bench.level = window.gridWall.level();
        map.off('render', check);
      };
      map.on('render', check);
      map.triggerRepaint();
    }, 5);
  });
  const url = `${args.url}/wall?county=${args.county ?? '530324'}&live=${encodeURIComponent(`ws://127.0.0.1:${feeder.port}/live`)}`;
  log(`opening ${url} at ${width}x${height}`);
  // The display token in the fragment, as an administrator opens a wall (the page enrols it and drops it from the URL).
  await page.goto(args.token ? `${url}#token=${encodeURIComponent(args.token)}` : url);
  await page.waitForFunction(() => window.__bench.firstColoured != null, null, { timeout: 90000, polling: 100 });
  const first = await page.evaluate(() => window.__bench);
  log(`first coloured map after ${first.firstColoured.toFixed(0)} ms: ${first.colouredGrids} coloured ${first.level} features drawn`);
  const webgl = await page.evaluate(() => {
    const gl = window.gridWall.map.painter.context.gl;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  }).catch(() => 'unknown');
  log(`renderer: ${webgl}`);

  await page.waitForTimeout(warmup * 1000);
  // The live JS heap after a full collection, before and after the measured seconds: what the wall keeps must not grow.
  const heap = () => page.evaluate(() => { window.gc(); return performance.memory.usedJSHeapSize; });
  const heapBefore = await heap();
  const before = await page.evaluate(() => ({ seq: window.gridWall.live.lastSeq, state: window.gridWall.live.state }));
  const intervals = await page.evaluate((ms) => new Promise((done) => {
    window.__bench.from = performance.now();
    window.__bench.renders = 0;
    window.gridWall.map.on('render', () => { window.__bench.renders++; });
    const times = [];
    let last = null;
    let end = null;
    const frame = (now) => {
      if (last != null) times.push(now - last);
      else end = now + ms;
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else done(times);
    };
    requestAnimationFrame(frame);
  }), seconds * 1000);
  const after = await page.evaluate(() => {
    const tasks = window.__bench.longTasks.filter(([start]) => start >= window.__bench.from);
    return { seq: window.gridWall.live.lastSeq, state: window.gridWall.live.state, shown: window.gridWall.shown.size,
      pace: window.gridWall.paceMs ? window.gridWall.paceMs() : null, renders: window.__bench.renders,
      longTasks: tasks.length, longTaskMs: tasks.reduce((sum, [, duration]) => sum + duration, 0) };
  });
  log(`map renders while measured: ${after.renders}; colours applied at most every ${after.pace} ms`);
  log(`${intervals.length} frames in ${seconds} s; feed positions ${before.seq} -> ${after.seq}, line ${after.state}, ` +
      `${after.shown} grids shown; ${after.longTasks} main-thread tasks over 50 ms, ${after.longTaskMs.toFixed(0)} ms in all`);
  const heapAfter = await heap();
  log(`JS heap after gc: ${(heapBefore / 1e6).toFixed(1)} MB before, ${(heapAfter / 1e6).toFixed(1)} MB after ${seconds} s`);
  if (after.state !== 'live') throw new Error(`the wall's line is ${after.state}, not live`);
  if (updates > 0 && !(after.seq > before.seq)) throw new Error('the wall took no deltas while measured');

  const sorted = [...intervals].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  const vsync = 1000 / 60;
  const dropped = intervals.reduce((n, dt) => n + Math.max(0, Math.round(dt / vsync) - 1), 0);
  log(`frame time max ${sorted[sorted.length - 1].toFixed(1)} ms`);
  if (updates === 0) {
    // For the reader of the figures: what one full redraw of the map costs this renderer.
    const redraws = await page.evaluate(() => new Promise((done) => {
      const map = window.gridWall.map;
      const times = [];
      let last = null;
      const end = performance.now() + 3000;
      const frame = (now) => {
        if (last != null) times.push(now - last);
        last = now;
        map.triggerRepaint();
        if (now < end) requestAnimationFrame(frame);
        else done(times.sort((a, b) => a - b));
      };
      requestAnimationFrame(frame);
    }));
    log(`the map redrawn every frame (no updates, 3 s): frame time p50 ${redraws[redraws.length >> 1].toFixed(1)} ms`);
  }
  console.log([first.firstColoured, rank(0.5), rank(0.95), rank(0.99)].map((v) => v.toFixed(2)).join(' '), dropped,
    ((heapAfter - heapBefore) / 1e6).toFixed(2));
} catch (error) {
  log(error.stack || String(error));
  status = 1;
} finally {
  await browser.close();
  feeder.close();
}
process.exit(status);
