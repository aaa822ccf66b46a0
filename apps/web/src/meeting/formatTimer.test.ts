import { describe, expect, it } from 'vitest';
import { describeTimer, formatTimer } from './formatTimer';

describe('formatTimer', () => {
  it('shows minutes and seconds, padded', () => {
    expect(formatTimer(10 * 60_000)).toBe('10:00');
    expect(formatTimer(5 * 60_000)).toBe('05:00');
    expect(formatTimer(61_000)).toBe('01:01');
  });

  it('rounds up part-seconds so the display reaches 00:00 only at the end', () => {
    expect(formatTimer(59_001)).toBe('01:00');
    expect(formatTimer(500)).toBe('00:01');
    expect(formatTimer(0)).toBe('00:00');
    expect(formatTimer(-999)).toBe('00:00');
  });

  it('shows the overrun with a plus sign', () => {
    expect(formatTimer(-1000)).toBe('+0:01');
    expect(formatTimer(-65_500)).toBe('+1:05');
    expect(formatTimer(-12 * 60_000 - 30_000)).toBe('+12:30');
  });

  it('copes with long timers', () => {
    expect(formatTimer(75 * 60_000)).toBe('75:00');
  });
});

describe('describeTimer', () => {
  it('says the time left in words', () => {
    expect(describeTimer(5 * 60_000)).toBe('5 minutes left');
    expect(describeTimer(61_000)).toBe('1 minute 1 second left');
    expect(describeTimer(0)).toBe('0 seconds left');
  });

  it('says the overrun in words', () => {
    expect(describeTimer(-2 * 60_000)).toBe('2 minutes over time');
  });
});
