import { EMPTY_PREPARATION } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { consentStatus, needsConsent, preparationStatus } from './caseStatus';

describe('preparationStatus', () => {
  it('reads not started, in progress and complete', () => {
    expect(preparationStatus(EMPTY_PREPARATION)).toBe('Not started');
    expect(preparationStatus({ ...EMPTY_PREPARATION, aim: 'Ideas for lunchtimes' })).toBe('In progress');
    expect(preparationStatus({ ...EMPTY_PREPARATION, areasOfNeed: ['cognition-and-learning'] })).toBe('In progress');
    expect(
      preparationStatus({
        currentSituation: 'Finds transitions hard',
        triedSoFar: 'Now and next board',
        desiredSituation: 'Settles within five minutes',
        aim: 'Ideas for the morning',
        areasOfNeed: ['communication-and-interaction'],
      }),
    ).toBe('Complete');
    expect(preparationStatus({ ...EMPTY_PREPARATION, currentSituation: '   ' })).toBe('Not started');
  });
});

describe('consent', () => {
  it('is needed only for a child without recorded consent', () => {
    expect(needsConsent({ type: 'child', consent: { given: false, date: null } })).toBe(true);
    expect(needsConsent({ type: 'child', consent: { given: true, date: '2026-11-02' } })).toBe(false);
    expect(needsConsent({ type: 'class', consent: { given: false, date: null } })).toBe(false);
  });

  it('says what is recorded', () => {
    expect(consentStatus({ type: 'child', consent: { given: false, date: null } })).toBe('Consent not recorded');
    expect(consentStatus({ type: 'child', consent: { given: true, date: '2026-11-02' } })).toBe(
      'Consent recorded (2 November 2026)',
    );
    expect(consentStatus({ type: 'group', consent: { given: false, date: null } })).toBe('Not needed');
  });
});
