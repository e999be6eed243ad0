import { defineConfig } from 'vite';

// The CMake build passes --outDir into the build tree; the source tree only ever holds sources.
export default defineConfig({
  root: '.',
  // Relative asset URLs keep the page working whatever prefix the server mounts it under.
  base: './',
  build: {
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: {
    // `npm run dev` proxies the API to a locally running `innograph serve`.
    proxy: { '/v1': 'http://127.0.0.1:18090' },
  },
});
