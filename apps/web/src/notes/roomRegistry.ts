/** A hold on a shared room; release it when the component that asked for it unmounts. */
export interface Lease<V> {
  readonly value: V;
  release(): void;
}

interface Entry<V> {
  value: V;
  users: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Live rooms by key, each created once however many components ask for it and destroyed when the last one
 * lets go. The destroy waits a moment, so a component that remounts at once (React's StrictMode, or a page
 * that swaps layouts) gets the same room back instead of a second connection.
 */
export class RoomRegistry<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly destroy: (value: V) => void,
    private readonly graceMs = 1000,
  ) {}

  acquire(key: string, create: () => V): Lease<V> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { value: create(), users: 0, timer: null };
      this.entries.set(key, entry);
    }
    if (entry.timer !== null) {
      clearTimeout(entry.timer);
      entry.timer = null;
    }
    entry.users++;
    const held = entry;
    let released = false;
    return {
      value: held.value,
      release: () => {
        if (released) return;
        released = true;
        held.users--;
        if (held.users > 0) return;
        held.timer = setTimeout(() => {
          if (this.entries.get(key) !== held || held.users > 0) return;
          this.entries.delete(key);
          this.destroy(held.value);
        }, this.graceMs);
      },
    };
  }

  /** How many rooms are alive (including those waiting out their grace period). */
  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }
}
