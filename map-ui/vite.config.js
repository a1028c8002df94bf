import { defineConfig } from 'vite';

// Maven passes --outDir (the jar's META-INF/resources); `npm run dev` proxies the API.
export default defineConfig({
  build: { assetsDir: 'assets', sourcemap: false },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/q': 'http://localhost:8080',
      '/tiles': 'http://localhost:8080',
      '/live': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
