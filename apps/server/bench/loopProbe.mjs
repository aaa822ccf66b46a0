// Preloaded into every server the notes benchmarks start (ours and the peers alike, NODE_OPTIONS=--import=…):
// every 500 ms it prints how busy the event loop was since the last line (0–1), its delay (p99, max, in ms) and
// the heap, so each server is measured the same way from the outside.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
let last = performance.eventLoopUtilization();
setInterval(() => {
  const now = performance.eventLoopUtilization();
  const line = {
    elu: performance.eventLoopUtilization(now, last).utilization,
    p99: delay.percentile(99) / 1e6,
    max: delay.max / 1e6,
    heap: process.memoryUsage().heapUsed,
    rss: process.memoryUsage().rss,
  };
  last = now;
  delay.reset();
  process.stdout.write(`loop-probe ${JSON.stringify(line)}\n`);
}, 500).unref();
// Over IPC: the heap after a full collection (node --expose-gc), and the loop's delay over a measured window.
const window = monitorEventLoopDelay({ resolution: 5 });
let windowBusy = performance.eventLoopUtilization();
let windowCpu = process.cpuUsage();
process.on('message', (message) => {
  if (message === 'gc' && typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
    process.send?.({ heap: process.memoryUsage().heapUsed });
  } else if (message === 'window-start') {
    window.reset();
    window.enable();
    windowBusy = performance.eventLoopUtilization();
    windowCpu = process.cpuUsage();
  } else if (message === 'window-stop') {
    window.disable();
    const busy = performance.eventLoopUtilization(performance.eventLoopUtilization(), windowBusy).utilization;
    // The whole process's CPU time (every thread: the disk flushes and workers too), in ms: what the work cost,
    // however busy the machine's other processes kept the cores.
    const used = process.cpuUsage(windowCpu);
    const cpu = (used.user + used.system) / 1000;
    process.send?.({ window: { p99: window.percentile(99) / 1e6, max: window.max / 1e6, busy, cpu } });
  }
});
