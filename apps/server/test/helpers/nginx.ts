import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The configuration an operator copies (issue 14). */
export const DEPLOY_CONF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../deploy/nginx.conf');

/** The example `server` lines of the upstream, which the test replaces with its nodes. */
const UPSTREAM_SERVER = /^(\s*)server 10\.0\.0\.\d+:3000 ([^;]+);$/gm;

/** Debian's nginx is in /usr/sbin, which a user's PATH may not hold. */
function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'])
    if (fs.existsSync(candidate)) return candidate;
  throw new Error('nginx is not installed: run scripts/ensure-tools.sh as root (or apt-get install nginx)');
}

/**
 * deploy/nginx.conf with the test's nodes, port and access log: the upstream's `server` lines, `listen 80;` and the
 * access log's path are replaced; every other line is the file's own. Throws if the file no longer has what the
 * test replaces, so a change to it cannot silently leave the test running something else.
 */
export function deployConfFor(upstreamPorts: number[], listenPort: number, accessLog: string): string {
  const original = fs.readFileSync(DEPLOY_CONF, 'utf8');
  const examples = [...original.matchAll(UPSTREAM_SERVER)];
  if (examples.length < 1) throw new Error('deploy/nginx.conf has no example upstream server line');
  const parameters = examples[0]?.[2] as string;
  const indent = examples[0]?.[1] as string;
  let first = true;
  let conf = original.replace(UPSTREAM_SERVER, () => {
    if (!first) return '';
    first = false;
    return upstreamPorts.map((port) => `${indent}server 127.0.0.1:${port} ${parameters};`).join('');
  });
  const replace = (from: string, to: string) => {
    if (conf.split(from).length !== 2) throw new Error(`deploy/nginx.conf must hold "${from}" exactly once`);
    conf = conf.replace(from, to);
  };
  replace('    listen 80;\n', `    listen 127.0.0.1:${listenPort};\n`);
  replace('access_log /var/log/nginx/consultboard.access.log consultboard;', `access_log ${accessLog} consultboard;`);
  return conf;
}

/** One request as the access log (log_format consultboard) records it. */
export interface LoggedRequest {
  method: string;
  target: string;
  status: number;
  session: string;
  /** Every node address nginx tried, in order (more than one after a failover). */
  upstreams: string[];
  node: string;
}

const LINE = /"(\S+) (\S+) [^"]*" (\d{3}) \S+ \S+ session=(\S+) upstream=(.*) node=(\S+)$/;

/** nginx running deploy/nginx.conf in a folder of its own, in the foreground, until stopped. */
export class TestNginx {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly dir: string,
    private readonly stderr: string[],
  ) {}

  /** `connections`: nginx's worker_connections (each client holds two: its own and the node's). */
  static async start(upstreamPorts: number[], port: number, connections = 512): Promise<TestNginx> {
    const binary = nginxBinary();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-nginx-'));
    // Read by the worker, which drops root's rights when the test runs as root.
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'consultboard.conf'), deployConfFor(upstreamPorts, port, `${dir}/access.log`));
    // What Debian's /etc/nginx/nginx.conf gives the file around it, with every path in the test's folder.
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((kind) => `  ${kind}_temp_path ${dir}/${kind}_temp;`)
      .join('\n');
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        'worker_processes 1;',
        `worker_rlimit_nofile ${connections * 2 + 64};`,
        `error_log ${dir}/error.log warn;`,
        `events { worker_connections ${connections}; }`,
        'http {',
        temp,
        `  include ${dir}/consultboard.conf;`,
        '}',
        '',
      ].join('\n'),
    );
    const child = spawn(binary, ['-p', dir, '-c', `${dir}/nginx.conf`, '-g', `daemon off; pid ${dir}/nginx.pid;`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const nginx = new TestNginx(child, port, dir, stderr);
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await nginx.stop();
        throw new Error(`nginx did not start: ${nginx.errors()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return nginx;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What nginx said on stderr and in its error log. */
  errors(): string {
    const log = path.join(this.dir, 'error.log');
    return [...this.stderr, fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''].join('').trim();
  }

  /** The requests logged so far (a WebSocket is logged once it has closed). */
  requests(): LoggedRequest[] {
    const log = path.join(this.dir, 'access.log');
    if (!fs.existsSync(log)) return [];
    return fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => {
        const match = LINE.exec(line);
        if (!match) throw new Error(`an access log line not in the consultboard format: ${line}`);
        const [, method, target, status, session, upstreams, node] = match as unknown as string[];
        return {
          method: method as string,
          target: target as string,
          status: Number(status),
          session: session as string,
          upstreams: (upstreams as string).split(/[,:]\s+/).map((address) => address.trim()),
          node: node as string,
        };
      });
  }

  /** Stops it (fast shutdown) and waits until it is gone. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
