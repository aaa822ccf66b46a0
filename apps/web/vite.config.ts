import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { meetingChunk } from './src/build/meetingChunk';
import { precompressPlugin } from './src/build/precompressPlugin';
import { serviceWorkerPlugin } from './src/offline/serviceWorkerPlugin';

// The server serves the built app on one origin; in development Vite stands in front of it.
const server = 'http://localhost:3000';

// The phone's live meeting in one chunk: see meetingChunk.ts.
const meeting = meetingChunk(__dirname, 'src/main.tsx', 'src/pages/PhoneMeeting.tsx');

export default defineConfig({
  plugins: [react(), meeting.plugin, serviceWorkerPlugin(), precompressPlugin()],
  server: {
    proxy: {
      '/api': { target: server },
      '/socket.io': { target: server, ws: true },
      '/yjs': { target: server, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    // Nothing inlined as data: URLs or inline scripts, so a strict Content-Security-Policy can follow.
    assetsInlineLimit: 0,
    sourcemap: 'hidden',
    // The notes chunk (Tiptap, ProseMirror, Yjs) is past Vite's default warning size; it loads only on demand.
    chunkSizeWarningLimit: 600,
    rolldownOptions: { output: { codeSplitting: { groups: [meeting.group] } } },
  },
});
