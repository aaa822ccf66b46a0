import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, refuse } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { errors } from '../src/http/errors.js';

const SRC = path.join(import.meta.dirname, '..', 'src');

/** Every .ts file (not tests) under a folder of the server's source. */
function sources(folder: string): string[] {
  return fs
    .readdirSync(path.join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(folder, file));
}

describe('errors: one set of factories for HTTP, the same codes and words as the sockets', () => {
  it('answers a domain refusal over HTTP with its code, its message and what it carries', () => {
    const latest = { version: 3, rows: [] };
    expect(errors.refused(409, refuse('plan_changed'), { plan: latest }).toBody()).toEqual({
      plan: latest,
      error: { code: 'plan_changed', message: ERROR_CODES.plan_changed },
    });
  });

  it('says the same thing over HTTP as over a socket for the codes both use', () => {
    for (const made of [errors.internal(), errors.forbidden()]) {
      const socket = refuse(made.code as keyof typeof ERROR_CODES);
      expect(made.toBody().error).toEqual({ code: socket.code, message: socket.message });
    }
  });

  it('keeps field messages beside the field', () => {
    expect(errors.field('invalid_reference', 'reference', 'Use J5M.').toBody()).toEqual({
      error: { code: 'invalid_reference', message: 'Use J5M.', fields: { reference: 'Use J5M.' } },
    });
  });

  it('leaves no error body written inline and no plain Error thrown in the routes and the plan code', () => {
    const offenders: string[] = [];
    for (const file of [...sources('http'), ...sources('plans')]) {
      if (file === path.join('http', 'errors.ts')) continue;
      const text = fs.readFileSync(path.join(SRC, file), 'utf8');
      // An inline body may spread over lines (`c.json(\n  {\n    error: ...`): search the whole text.
      for (const found of text.matchAll(/json\(\s*\{\s*error\b|throw new Error\(/g))
        offenders.push(`${file}:${text.slice(0, found.index).split('\n').length}`);
    }
    expect(offenders).toEqual([]);
  });
});
