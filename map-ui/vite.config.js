import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Maven passes --outDir (the jar's META-INF/resources); `npm run dev` proxies the API.
// Each page is an entry; wall/index.html is served at /wall/ (and /wall by a route in the service),
// desk/index.html, gis/index.html, login/index.html, admin/index.html and worker/index.html likewise at /desk/,
// /desk, /gis/, /gis, /login/, /login, /admin/, /admin, /worker/ and /worker.
export default defineConfig({
  build: {
    assetsDir: 'assets',
    sourcemap: false,
    // MapLibre is one big chunk by nature; say so instead of warning on every build.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        home: resolve(import.meta.dirname, 'index.html'),
        wall: resolve(import.meta.dirname, 'wall/index.html'),
        desk: resolve(import.meta.dirname, 'desk/index.html'),
        gis: resolve(import.meta.dirname, 'gis/index.html'),
        login: resolve(import.meta.dirname, 'login/index.html'),
        admin: resolve(import.meta.dirname, 'admin/index.html'),
        worker: resolve(import.meta.dirname, 'worker/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/q': 'http://localhost:8080',
      '/tiles': 'http://localhost:8080',
      '/live': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
