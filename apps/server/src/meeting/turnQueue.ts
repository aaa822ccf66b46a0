/**
 * Runs jobs one per turn of the event loop, in order. A burst of replay pages (each a few milliseconds of JSON)
 * then never holds the loop for longer than one page: health checks, commands and other rooms get in between.
 */
export class TurnQueue {
  private readonly jobs: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly onError: (error: unknown) => void) {}

  push(job: () => void): void {
    this.jobs.push(job);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.jobs.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const job = this.jobs.shift();
      try {
        job?.();
      } catch (error) {
        this.onError(error);
      }
      this.schedule();
    });
  }
}
