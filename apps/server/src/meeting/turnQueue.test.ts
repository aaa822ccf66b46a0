import { describe, expect, it } from 'vitest';
import { TurnQueue } from './turnQueue.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('TurnQueue', () => {
  it('runs one job per turn of the event loop, in order, and carries on after a failing one', async () => {
    const ran: number[] = [];
    const errors: unknown[] = [];
    const queue = new TurnQueue((error) => errors.push(error));
    queue.push(() => ran.push(1));
    queue.push(() => {
      throw new Error('bad page');
    });
    queue.push(() => ran.push(3));
    expect(ran).toEqual([]);
    await turn();
    expect(ran).toEqual([1]);
    await turn();
    expect(errors).toHaveLength(1);
    await turn();
    expect(ran).toEqual([1, 3]);
  });
});
