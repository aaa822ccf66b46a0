// @hocuspocus/extension-sqlite needs the sqlite3 addon, whose install step downloads a prebuilt binary (not
// possible here): this builds it from its own sources, once, with the Node headers on this machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extension = fs.realpathSync(path.join(here, 'node_modules/@hocuspocus/extension-sqlite'));
const fromExtension = createRequire(path.join(extension, 'package.json'));
const sqlite3 = path.dirname(fromExtension.resolve('sqlite3/package.json'));
try {
  fromExtension('sqlite3');
} catch {
  console.log('building the sqlite3 addon for the Hocuspocus SQLite extension (a minute or two, once)…');
  const gyp = createRequire(path.join(sqlite3, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  const nodedir = fs.existsSync('/usr/include/node/node.h') ? ['--nodedir=/usr'] : [];
  execFileSync(process.execPath, [gyp, 'rebuild', ...nodedir, '-j', '2'], { cwd: sqlite3, stdio: 'inherit' });
}
