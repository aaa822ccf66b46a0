import { describe, expect, it } from 'vitest';
import { presenceLabel } from './presenceLabel';

describe('presenceLabel', () => {
  it('names the presenting SENCO with their cases, and everyone else by role', () => {
    expect(presenceLabel({ role: 'participant', presents: ['J5M'] })).toBe('Presenting SENCO: J5M');
    expect(presenceLabel({ role: 'participant', presents: [] })).toBe('Participant');
    expect(presenceLabel({ role: 'participant' })).toBe('Participant');
    expect(presenceLabel({ role: 'projector' })).toBe('Board');
  });
});
