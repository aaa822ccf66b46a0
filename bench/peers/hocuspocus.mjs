// Hocuspocus 3 as a notes server for the comparison benchmark: in memory, or with its SQLite extension when
// HOCUSPOCUS_SQLITE names a database file. Prints "listening on port N" once it listens.
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT ?? 0);
const extensions = [];
if (process.env.HOCUSPOCUS_SQLITE) {
  const { SQLite } = await import('@hocuspocus/extension-sqlite');
  extensions.push(new SQLite({ database: process.env.HOCUSPOCUS_SQLITE }));
}
const server = new Server({ port, address: '127.0.0.1', quiet: true, extensions });
await server.listen();
console.log(`listening on port ${server.address.port}`);
