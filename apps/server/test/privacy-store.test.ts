import { describe, expect, it } from 'vitest';
import { createTestStore } from './helpers/store.js';
import { tempDataDir } from './helpers/testServer.js';

/** A fresh store (SQLite, or PostgreSQL with TEST_STORE=postgres) with one school's two cases. */
async function seededStore() {
  const store = await createTestStore(tempDataDir());
  const { db } = store;
  db.exec(`
    INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES ('u1', 'SENCO North', 'senco@school.example', 'x', 'senco', 0);
    INSERT INTO localities (id, name, created_at) VALUES ('l1', 'North locality', 0);
    INSERT INTO schools (id, name, locality_id, created_at) VALUES ('sc1', 'North Primary', 'l1', 0);
    INSERT INTO cases (id, school_id, type, reference, preparation, created_by, created_at, updated_at)
      VALUES ('c1', 'sc1', 'child', 'J5M', '{}', 'u1', 0, 0), ('c2', 'sc1', 'child', 'A10F', '{}', 'u1', 0, 0);
  `);
  return store;
}

describe('the privacy store', () => {
  it('keeps dismissals per case, once each', async () => {
    const { repos } = await seededStore();
    repos.privacy.dismiss('c1', 'name:grace', 'u1', 1);
    repos.privacy.dismiss('c1', 'name:grace', 'u1', 2);
    expect([...repos.privacy.dismissedKeys('c1')]).toEqual(['name:grace']);
    expect(repos.privacy.dismissedKeys('c2').size).toBe(0);
  });

  it('marks a case "to check" while any place holds findings, and clears it at 0', async () => {
    const { repos } = await seededStore();
    repos.privacy.setToCheck('c1', 'plan', 2, 1);
    repos.privacy.setToCheck('c1', 'notes', 1, 1);
    expect(repos.privacy.casesToCheck(['c1', 'c2'])).toEqual(new Set(['c1']));
    repos.privacy.setToCheck('c1', 'plan', 0, 2);
    expect(repos.privacy.toCheck('c1')).toEqual([{ place: 'notes', count: 1 }]);
    repos.privacy.setToCheck('c1', 'notes', 0, 3);
    expect(repos.privacy.casesToCheck(['c1', 'c2']).size).toBe(0);
    expect(repos.privacy.casesToCheck([]).size).toBe(0);
  });

  it('refuses a row for a case that does not exist', async () => {
    const { repos } = await seededStore();
    expect(() => repos.privacy.dismiss('nope', 'name:grace', 'u1', 1)).toThrow(/foreign key/i);
  });
});
