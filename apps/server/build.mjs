// Bundles the server, with the workspace packages (which ship as TypeScript), into dist/main.js, and the export
// worker into dist/exportWorker.js beside it (the server starts it from there: see src/workers/exportPool.ts).
// Registry dependencies stay external and are loaded from node_modules at run time.
// `node build.mjs --outdir <folder>` builds elsewhere (a test builds a copy to run).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@consultboard/'));
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });

await build({
  entryPoints: { main: 'src/main.ts', exportWorker: 'src/workers/exportWorker.ts' },
  outdir: values.outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: [...external, ...external.map((name) => `${name}/*`)],
  sourcemap: true,
  logLevel: 'warning',
});
