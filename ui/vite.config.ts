import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by the management node at "/", next to the API at /zstack/v1 (same origin).
// `npm run dev` proxies the API to a node on :8080.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'target/classes/zstack-ui',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/zstack': 'http://127.0.0.1:8080' } },
});
