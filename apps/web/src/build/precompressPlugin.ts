import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** What is worth compressing: text. Images and fonts are compressed already; source maps are never served to phones. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
/** Smaller files gain nothing worth a second request path. */
const MIN_BYTES = 512;

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside every text file of the build, once,
 * at `vite build`, so the server sends compressed bytes without compressing on each request. A copy that is not
 * smaller than the file is not written.
 */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'consultboard-precompress',
    apply: 'build',
    // After every other plugin has written its files (the service worker included).
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(options) {
      const dir = options.dir ?? outDir;
      for (const file of walk(dir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const plain = fs.readFileSync(file);
        if (plain.byteLength < MIN_BYTES) continue;
        const br = zlib.brotliCompressSync(plain, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          },
        });
        const gz = zlib.gzipSync(plain, { level: 9 });
        if (br.byteLength < plain.byteLength) fs.writeFileSync(`${file}.br`, br);
        if (gz.byteLength < plain.byteLength) fs.writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}
