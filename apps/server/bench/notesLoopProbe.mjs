// Preloaded into a server process by the notes benchmarks and the long fuzz run (NODE_OPTIONS=--import=…):
// every 200 ms it prints the event loop's delay since the last line (p99 and max, in ms) and the process's
// memory, so a stall shows even when it blocks this very timer (the next line reports it).
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
setInterval(() => {
  const line = {
    p99: delay.percentile(99) / 1e6,
    max: delay.max / 1e6,
    rss: process.memoryUsage().rss,
  };
  delay.reset();
  process.stdout.write(`notes-loop ${JSON.stringify(line)}\n`);
}, 200).unref();
