/**
 * Runs a job per key at most once per interval, however often it is asked for: a storm of connects and
 * disconnects then costs a few presence broadcasts a second, not one per change (which is O(n²) in a full room).
 */
export class Coalescer {
  private readonly due = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly everyMs: number,
    private readonly run: (key: string) => void,
  ) {}

  /** Asks for the job for a key; it runs within `everyMs`, once for every request made meanwhile. */
  request(key: string): void {
    if (this.due.has(key)) return;
    const timer = setTimeout(() => {
      this.due.delete(key);
      this.run(key);
    }, this.everyMs);
    timer.unref?.();
    this.due.set(key, timer);
  }
}
