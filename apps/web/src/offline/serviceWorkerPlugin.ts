import type { Plugin } from 'vite';
import { type BundleItem, precacheList, precacheVersion } from './precacheList';

const WORKER_FILE = 'sw.js';
const PLACEHOLDER = /(["'`])__CONSULTBOARD_PRECACHE__\1/;
/** Chunks a phone loads after its first paint and must still reach offline: the notes and the live meeting. */
const OFFLINE_DYNAMIC = /\/src\/(notes\/|pages\/PhoneMeeting\.tsx$)/;
/**
 * Of those, the ones cached at install: the live meeting (the phone opens it on joining). The notes (Tiptap,
 * Yjs: far larger than the rest of the phone together) are cached only once the page is idle after its load,
 * or when Notes is opened, so they never compete with the phone's first load.
 */
const OFFLINE_AT_INSTALL = /\/src\/pages\/PhoneMeeting\.tsx$/;

/**
 * Builds src/offline/serviceWorker.ts into dist/sw.js (a fixed name, so its scope is the whole site) and
 * writes this build's precache list into it: the phone's shell and the chunks it needs, with their hashed names.
 */
export function serviceWorkerPlugin(): Plugin {
  let root = '';
  return {
    name: 'consultboard-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: `${root}/src/offline/serviceWorker.ts`, fileName: WORKER_FILE });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[WORKER_FILE];
      if (worker?.type !== 'chunk') return this.error(`${WORKER_FILE} was not built`);
      if (worker.imports.length > 0) return this.error(`${WORKER_FILE} must not share chunks with the app`);
      const items = bundle as unknown as Record<string, BundleItem>;
      // A chunk made only of CSS is dropped by Vite after this hook (its CSS file stays): never ask for it, or
      // the install fails on its 404.
      const dropped = new Set(
        Object.values(bundle)
          .filter((item) => item.type === 'chunk' && item.moduleIds.length > 0 && item.moduleIds.every(isCss))
          .map((item) => `/${item.fileName}`),
      );
      const list = (include: RegExp) =>
        precacheList(items, { includeDynamic: (id) => include.test(id), exclude: [WORKER_FILE] }).filter(
          (url) => !dropped.has(url),
        );
      const urls = list(OFFLINE_AT_INSTALL);
      const installed = new Set(urls);
      const later = list(OFFLINE_DYNAMIC).filter((url) => !installed.has(url));
      const manifest = JSON.stringify({ version: precacheVersion([...urls, ...later]), urls, later });
      if (!PLACEHOLDER.test(worker.code)) return this.error(`${WORKER_FILE} has no precache placeholder`);
      worker.code = worker.code.replace(PLACEHOLDER, () => JSON.stringify(manifest));
    },
  };
}

const isCss = (id: string) => /\.css($|\?)/.test(id);
