import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress.ts';

// The console is served by the management node at "/", next to the API at /zstack/v1 (same origin).
// `npm run dev` proxies the API to a node on :8080. Each page is its own chunk (React.lazy in App.tsx); every text
// file also gets a .gz and a .br copy, which the node serves to a browser that accepts them.
export default defineConfig({
  plugins: [react(), precompress()],
  base: '/',
  build: {
    outDir: 'target/classes/zstack-ui',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/zstack': 'http://127.0.0.1:8080' } },
});
