import { describe, expect, it } from 'vitest';
import {
  addCaseRequestSchema,
  createSessionRequestSchema,
  joinRequestSchema,
  setupRequestSchema,
  signInRequestSchema,
} from './api.js';

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

const PASSWORD = 'correct-horse-battery';

function buildSetup(overrides: Record<string, unknown> = {}) {
  return { name: 'EPS Admin A', email: 'admin.a@eps.example', password: PASSWORD, ...overrides };
}

describe('setupRequestSchema', () => {
  it('accepts a well-formed request', () => {
    expect(setupRequestSchema.parse(buildSetup())).toEqual(buildSetup());
  });

  it('trims the name and lower-cases and trims the e-mail address', () => {
    expect(setupRequestSchema.parse(buildSetup({ name: '  EPS Admin A ', email: '  Admin.A@EPS.Example ' }))).toEqual(
      buildSetup(),
    );
  });

  it('keeps the password exactly as typed', () => {
    expect(setupRequestSchema.parse(buildSetup({ password: `  ${PASSWORD}  ` })).password).toBe(`  ${PASSWORD}  `);
  });

  it.each([[''], ['   ']])('refuses the name %j', (name) => {
    expect(messages(setupRequestSchema.safeParse(buildSetup({ name })))).toEqual(['Enter your name.']);
  });

  it('refuses a name over 80 characters', () => {
    expect(setupRequestSchema.safeParse(buildSetup({ name: 'n'.repeat(81) })).success).toBe(false);
    expect(setupRequestSchema.safeParse(buildSetup({ name: 'n'.repeat(80) })).success).toBe(true);
  });

  it.each([['not-an-address'], ['admin.a@'], ['@eps.example'], ['admin a@eps.example'], ['']])(
    'refuses the e-mail address %j',
    (email) => {
      expect(messages(setupRequestSchema.safeParse(buildSetup({ email })))).toContain(
        'Enter an e-mail address, like name@school.example.',
      );
    },
  );

  it('refuses an e-mail address over 254 characters', () => {
    const email = `${'a'.repeat(64)}@${'d'.repeat(190)}.example`;
    expect(email.length).toBeGreaterThan(254);
    expect(setupRequestSchema.safeParse(buildSetup({ email })).success).toBe(false);
  });

  it('refuses a password of 9 characters and accepts one of 10', () => {
    expect(messages(setupRequestSchema.safeParse(buildSetup({ password: 'p'.repeat(9) })))).toEqual([
      'Use at least 10 characters.',
    ]);
    expect(setupRequestSchema.safeParse(buildSetup({ password: 'p'.repeat(10) })).success).toBe(true);
  });

  it('accepts a password of 200 characters and refuses one of 201', () => {
    expect(setupRequestSchema.safeParse(buildSetup({ password: 'p'.repeat(200) })).success).toBe(true);
    expect(setupRequestSchema.safeParse(buildSetup({ password: 'p'.repeat(201) })).success).toBe(false);
  });

  it.each([
    ['role', 'admin'],
    ['id', 'user-1'],
  ])('refuses the extra key %s', (key, value) => {
    expect(setupRequestSchema.safeParse(buildSetup({ [key]: value })).success).toBe(false);
  });

  it('refuses a missing field', () => {
    const { password: _password, ...withoutPassword } = buildSetup();
    expect(setupRequestSchema.safeParse(withoutPassword).success).toBe(false);
  });
});

describe('signInRequestSchema', () => {
  it('lower-cases and trims the e-mail address', () => {
    expect(signInRequestSchema.parse({ email: ' EP.A@EPS.example', password: PASSWORD })).toEqual({
      email: 'ep.a@eps.example',
      password: PASSWORD,
    });
  });

  it('asks for a password when it is empty', () => {
    expect(messages(signInRequestSchema.safeParse({ email: 'ep.a@eps.example', password: '' }))).toEqual([
      'Enter your password.',
    ]);
  });

  it('does not apply the 10-character rule at sign-in', () => {
    expect(signInRequestSchema.safeParse({ email: 'ep.a@eps.example', password: 'p' }).success).toBe(true);
  });

  it('refuses a password over 200 characters', () => {
    expect(signInRequestSchema.safeParse({ email: 'ep.a@eps.example', password: 'p'.repeat(201) }).success).toBe(false);
  });

  it('refuses extra keys', () => {
    expect(
      signInRequestSchema.safeParse({ email: 'ep.a@eps.example', password: PASSWORD, remember: true }).success,
    ).toBe(false);
  });
});

describe('createSessionRequestSchema', () => {
  it('accepts a locality and an ISO date, trimming the locality', () => {
    expect(createSessionRequestSchema.parse({ locality: '  North locality ', date: '2025-03-14' })).toEqual({
      locality: 'North locality',
      date: '2025-03-14',
    });
  });

  it('accepts 29 February in a leap year', () => {
    expect(createSessionRequestSchema.safeParse({ locality: 'North', date: '2024-02-29' }).success).toBe(true);
  });

  it.each([
    ['14/03/2025'],
    ['2025-3-14'],
    ['2025-03-14T09:30:00Z'],
    ['2025-13-01'],
    ['2025-02-30'],
    ['2025-02-29'],
    ['next Friday'],
    [''],
  ])('refuses the date %j', (date) => {
    expect(messages(createSessionRequestSchema.safeParse({ locality: 'North', date }))).toEqual([
      'Enter the date of the session.',
    ]);
  });

  it('refuses a date that is not a string', () => {
    expect(createSessionRequestSchema.safeParse({ locality: 'North', date: Date.UTC(2025, 2, 14) }).success).toBe(
      false,
    );
  });

  it('asks for the locality when it is blank, and refuses one over 80 characters', () => {
    expect(messages(createSessionRequestSchema.safeParse({ locality: '  ', date: '2025-03-14' }))).toEqual([
      'Enter the locality.',
    ]);
    expect(createSessionRequestSchema.safeParse({ locality: 'l'.repeat(81), date: '2025-03-14' }).success).toBe(false);
  });

  it('refuses extra keys', () => {
    expect(
      createSessionRequestSchema.safeParse({ locality: 'North', date: '2025-03-14', facilitatorId: 'user-ep-b' })
        .success,
    ).toBe(false);
  });
});

describe('addCaseRequestSchema and joinRequestSchema', () => {
  it('accept their fields', () => {
    expect(addCaseRequestSchema.parse({ reference: 'J5M' })).toEqual({ reference: 'J5M' });
    expect(joinRequestSchema.parse({ code: 'ACD-EFG', name: 'SENCO A' })).toEqual({ code: 'ACD-EFG', name: 'SENCO A' });
  });

  it('refuse extra keys', () => {
    expect(addCaseRequestSchema.safeParse({ reference: 'J5M', kind: 'child' }).success).toBe(false);
    expect(joinRequestSchema.safeParse({ code: 'ACDEFG', name: 'SENCO A', role: 'facilitator' }).success).toBe(false);
  });

  it('refuse oversized fields before they are parsed further', () => {
    expect(addCaseRequestSchema.safeParse({ reference: 'r'.repeat(201) }).success).toBe(false);
    expect(joinRequestSchema.safeParse({ code: 'c'.repeat(33), name: 'SENCO A' }).success).toBe(false);
    expect(joinRequestSchema.safeParse({ code: 'ACDEFG', name: 'n'.repeat(201) }).success).toBe(false);
  });
});
