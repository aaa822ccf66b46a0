import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.js';

describe('NODE_NAME', () => {
  it('is optional: unset or empty names no node', () => {
    expect(configFromEnv({}).nodeName).toBeNull();
    expect(configFromEnv({ NODE_NAME: '' }).nodeName).toBeNull();
  });

  it('takes 1 to 63 lowercase letters, digits and "-"', () => {
    expect(configFromEnv({ NODE_NAME: 'node-a' }).nodeName).toBe('node-a');
    expect(configFromEnv({ NODE_NAME: '7' }).nodeName).toBe('7');
    expect(configFromEnv({ NODE_NAME: 'n'.repeat(63) }).nodeName).toBe('n'.repeat(63));
  });

  it('refuses anything else with a clear error', () => {
    for (const bad of ['Node-A', 'node_a', 'node a', 'node.a', 'n'.repeat(64), 'nöde', 'a\nb'])
      expect(() => configFromEnv({ NODE_NAME: bad })).toThrow(/NODE_NAME must be 1 to 63 lowercase letters/);
  });
});
