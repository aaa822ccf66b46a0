import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves the built app on one origin; in development Vite stands in front of it.
const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/socket.io': { target: server, ws: true, changeOrigin: false },
      '/yjs': { target: server, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    // No inline scripts or styles, so a Content-Security-Policy without 'unsafe-inline' can follow.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
