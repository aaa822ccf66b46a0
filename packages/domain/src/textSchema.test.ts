import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as domain from './index.js';
import { NOT_WELL_FORMED_MESSAGE } from './textRules.js';

// Long enough to pass every minimum length and short enough for every maximum, so only the lone surrogate
// (or a format the text must match) can refuse it.
const SAMPLE = 'Year 3 transition \uD800 plan';

type Node = { _zod: { def: Record<string, unknown> } };

/** Every string schema reachable from a schema, through objects, arrays, unions, pipes and wrappers. */
function stringsIn(schema: Node, seen = new Set<Node>()): Node[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def;
  const children: unknown[] = [];
  if (def.type === 'string') return [schema];
  if (def.type === 'object') children.push(...Object.values(def.shape as Record<string, unknown>));
  if (def.type === 'array') children.push(def.element);
  if (def.type === 'union') children.push(...(def.options as unknown[]));
  if (def.type === 'pipe') children.push(def.in, def.out);
  if ('innerType' in def) children.push(def.innerType);
  return children.flatMap((child) => (child instanceof z.ZodType ? stringsIn(child as unknown as Node, seen) : []));
}

const schemas = Object.entries(domain as Record<string, unknown>).filter(
  (entry): entry is [string, Node] => entry[1] instanceof z.ZodType,
);

describe('every text field of every schema', () => {
  it('finds the schemas and their strings', () => {
    expect(schemas.length).toBeGreaterThan(20);
    expect(schemas.flatMap(([, schema]) => stringsIn(schema)).length).toBeGreaterThan(40);
  });

  it.each(schemas)('%s refuses text that is not well-formed Unicode in each string', (_name, schema) => {
    for (const node of stringsIn(schema)) {
      const result = (node as unknown as z.ZodType).safeParse(SAMPLE);
      expect(result.success, JSON.stringify(node._zod.def.checks ?? node._zod.def.format ?? 'string')).toBe(false);
    }
  });
});

describe('the refusal people see', () => {
  it('names the field and says the text cannot be stored', () => {
    const cases: [z.ZodType, unknown, string][] = [
      [domain.joinRequestSchema, { code: 'ACDEFG', name: 'SENCO \uD800' }, 'name'],
      [domain.createCaseRequestSchema, { type: 'topic', reference: 'Year 3 \uDC00' }, 'reference'],
      [domain.createSessionRequestSchema, { locality: 'North \uD800', date: '2026-11-23' }, 'locality'],
      [domain.createLocalityRequestSchema, { name: 'North \uD800' }, 'name'],
      [domain.setupRequestSchema, { name: 'EP \uD800', email: 'a@b.example', password: 'long enough!' }, 'name'],
    ];
    for (const [schema, body, field] of cases) {
      const issues = schema.safeParse(body).error?.issues ?? [];
      expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual([
        field,
        NOT_WELL_FORMED_MESSAGE,
      ]);
    }
  });

  it('refuses a lone surrogate in a card, a plan row and the preparation form', () => {
    const row = {
      id: 'row-1',
      action: 'Visual timetable \uD800',
      who: '',
      byWhen: '',
      successLooksLike: '',
      reviewDate: '',
      areaOfNeed: null,
      fromCardId: null,
    };
    const plan = domain.actionPlanRequestSchema.safeParse({ version: 0, rows: [row] });
    expect(plan.error?.issues[0]).toMatchObject({ path: ['rows', 0, 'action'], message: NOT_WELL_FORMED_MESSAGE });
    const prep = domain.preparationSchema.partial().safeParse({ aim: 'Settle \uDFFF in' });
    expect(prep.error?.issues[0]?.message).toBe(NOT_WELL_FORMED_MESSAGE);
    expect(domain.cardTextSchema.safeParse('A card \uD83D').error?.issues[0]?.message).toBe(NOT_WELL_FORMED_MESSAGE);
  });

  it('refuses direction overrides in names and references, and lets plan text keep them', () => {
    expect(domain.createSchoolRequestSchema.safeParse({ name: 'North\u202Eloohcs', localityId: 'l' }).success).toBe(
      false,
    );
    expect(domain.createCaseRequestSchema.safeParse({ type: 'topic', reference: 'Year\u2066 3' }).success).toBe(false);
    expect(domain.reviewRequestSchema.safeParse({ actions: [], outcome: 'close', note: 'עברית\u200F' }).success).toBe(
      true,
    );
  });
});
