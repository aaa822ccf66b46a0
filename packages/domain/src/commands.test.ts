import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType, cardTextSchema, commandSchema, displayNameSchema } from './commands.js';
import { buildCommand } from './testing/builders.js';

const ALL_TYPES: CommandType[] = [
  'stage.next',
  'stage.previous',
  'timer.start',
  'timer.pause',
  'timer.extend',
  'case.next',
  'session.end',
  'card.add',
  'card.hide',
  'card.spotlight',
  'card.helpful',
  'plan.update',
  'participant.remove',
  'room.lock',
  // Item 2 of issue 9
  'card.edit',
  'card.withdraw',
  // Issue 9, item 4 and "Show join code".
  'case.previous',
  'case.goTo',
  'card.merge',
  'card.unmerge',
  'join.show',
  // Issue 10: held cards.
  'card.release',
  'card.remove',
];

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('COMMAND_TYPES', () => {
  it('lists every command type once', () => {
    expect([...COMMAND_TYPES].sort()).toEqual([...ALL_TYPES].sort());
    expect(new Set(COMMAND_TYPES).size).toBe(COMMAND_TYPES.length);
  });
});

describe('commandSchema', () => {
  it.each(ALL_TYPES)('accepts a well-formed %s command as it is', (type) => {
    const command = buildCommand(type);
    expect(commandSchema.parse(command)).toEqual(command);
  });

  it.each(ALL_TYPES)('refuses a %s command with an extra field', (type) => {
    expect(commandSchema.safeParse({ ...buildCommand(type), author: 'SENCO A' }).success).toBe(false);
  });

  it.each(ALL_TYPES)('refuses a %s command without an id', (type) => {
    const { id: _id, ...withoutId } = buildCommand(type);
    expect(commandSchema.safeParse(withoutId).success).toBe(false);
  });

  it.each([['card.merge'], ['stage.goto'], ['STAGE.NEXT'], [''], [42]])('refuses the unknown type %j', (type) => {
    expect(commandSchema.safeParse({ id: 'cmd-000001', type }).success).toBe(false);
  });

  it.each([[null], ['stage.next'], [['stage.next']], [{}], [{ id: 'cmd-000001' }]])('refuses %j', (input) => {
    expect(commandSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    ['card.add without text', { ...buildCommand('card.add'), text: undefined }],
    ['card.add of an unknown kind', buildCommand('card.add', { kind: 'note' as 'question' })],
    ['card.add with an empty case id', buildCommand('card.add', { caseId: '' })],
    ['card.add with a 65-character stage id', buildCommand('card.add', { stageId: 's'.repeat(65) })],
    ['card.add with numeric text', { ...buildCommand('card.add'), text: 42 }],
    ['card.hide with hidden as a string', { ...buildCommand('card.hide'), hidden: 'yes' }],
    ['card.hide without hidden', { ...buildCommand('card.hide'), hidden: undefined }],
    ['card.helpful without helpful', { ...buildCommand('card.helpful'), helpful: undefined }],
    ['card.helpful with an empty card id', buildCommand('card.helpful', { cardId: '' })],
    ['card.spotlight without a card id', { ...buildCommand('card.spotlight'), cardId: undefined }],
    ['card.spotlight with a numeric card id', { ...buildCommand('card.spotlight'), cardId: 7 }],
    ['participant.remove without a participant', { ...buildCommand('participant.remove'), participantId: undefined }],
    [
      'participant.remove with a 65-character id',
      buildCommand('participant.remove', { participantId: 'p'.repeat(65) }),
    ],
    ['room.lock with locked as a string', { ...buildCommand('room.lock'), locked: 'true' }],
    ['room.lock without locked', { ...buildCommand('room.lock'), locked: undefined }],
  ])('refuses %s', (_name, input) => {
    expect(commandSchema.safeParse(input).success).toBe(false);
  });

  it('accepts a spotlight of null, which clears the spotlight', () => {
    const command = buildCommand('card.spotlight', { cardId: null });
    expect(commandSchema.parse(command)).toEqual(command);
  });

  it('accepts ids of 64 characters', () => {
    const command = buildCommand('card.hide', { cardId: 'c'.repeat(64) });
    expect(commandSchema.safeParse(command).success).toBe(true);
  });

  it.each(['question', 'affirmation', 'strategy', 'resource'] as const)('accepts a %s card', (kind) => {
    expect(commandSchema.safeParse(buildCommand('card.add', { kind })).success).toBe(true);
  });

  it('trims the text of a card', () => {
    const command = buildCommand('card.add', { text: '  \n What helps at lunchtime?  \n' });
    expect(commandSchema.parse(command)).toMatchObject({ text: 'What helps at lunchtime?' });
  });
});

describe('command ids', () => {
  it.each([['abcdefgh'], ['cmd-0001'], ['A_b-9'.padEnd(8, 'x')], ['x'.repeat(64)], ['0123456789abcdef']])(
    'accepts %j',
    (id) => {
      expect(commandSchema.safeParse({ id, type: 'stage.next' }).success).toBe(true);
    },
  );

  it.each([
    ['abcdefg', 'too short'],
    ['x'.repeat(65), 'too long'],
    ['cmd 0001', 'a space'],
    ['cmd.0001', 'a dot'],
    ['cmd/0001', 'a slash'],
    ['cmd-000é', 'an accented letter'],
    ['', 'empty'],
  ])('refuses %j (%s)', (id) => {
    expect(commandSchema.safeParse({ id, type: 'stage.next' }).success).toBe(false);
  });

  it('refuses an id that is not a string', () => {
    expect(commandSchema.safeParse({ id: 12345678, type: 'stage.next' }).success).toBe(false);
  });

  it('explains which characters an id may hold', () => {
    expect(messages(commandSchema.safeParse({ id: 'cmd.0001', type: 'stage.next' }))).toContain(
      'A command id is letters, digits, _ and -.',
    );
  });
});

describe('cardTextSchema', () => {
  it('accepts 1000 characters', () => {
    expect(cardTextSchema.parse('q'.repeat(1000))).toBe('q'.repeat(1000));
  });

  it('accepts 1000 characters surrounded by spaces, and trims them', () => {
    expect(cardTextSchema.parse(`   ${'q'.repeat(1000)}\n\n `)).toBe('q'.repeat(1000));
  });

  it('refuses 1001 characters after trimming', () => {
    const result = cardTextSchema.safeParse(` ${'q'.repeat(1001)} `);
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual(['A card holds at most 1000 characters.']);
  });

  it.each([[''], ['   '], ['\n\r\n  \n']])('refuses %j, which is empty after trimming', (text) => {
    const result = cardTextSchema.safeParse(text);
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual(['Write something before adding the card.']);
  });

  it('accepts one character', () => {
    expect(cardTextSchema.parse(' ? ')).toBe('?');
  });

  it('keeps new lines inside the text, as \\n', () => {
    expect(cardTextSchema.parse('Visual timetable\r\nNow and next board\rSocial stories')).toBe(
      'Visual timetable\nNow and next board\nSocial stories',
    );
  });

  it.each([
    ['\u0000', 'NUL'],
    ['\u0007', 'bell'],
    ['\u0008', 'backspace'],
    ['\t', 'tab'],
    ['\u000B', 'vertical tab'],
    ['\u001B', 'escape'],
    ['\u007F', 'delete'],
  ])('refuses text holding %j (%s)', (control) => {
    const result = cardTextSchema.safeParse(`Visual ${control}timetable`);
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual(['The text holds characters that cannot be shown.']);
  });

  it('accepts letters beyond ASCII, such as Welsh and emoji', () => {
    expect(cardTextSchema.parse('Ŵyl y plant 👍')).toBe('Ŵyl y plant 👍');
  });
});

describe('displayNameSchema', () => {
  it.each([
    ['SENCO A', 'SENCO A'],
    ['  SENCO   A  ', 'SENCO A'],
    ['SENCO\tB', 'SENCO B'],
    ['x', 'x'],
    ['n'.repeat(40), 'n'.repeat(40)],
    [`  ${'n'.repeat(40)}  `, 'n'.repeat(40)],
  ])('accepts %j as %j', (input, name) => {
    expect(displayNameSchema.parse(input)).toBe(name);
  });

  it.each([[''], ['   ']])('refuses %j, asking for a name', (input) => {
    expect(messages(displayNameSchema.safeParse(input))).toEqual(['Enter your name.']);
  });

  it('refuses 41 characters', () => {
    expect(messages(displayNameSchema.safeParse('n'.repeat(41)))).toEqual(['A name is at most 40 characters.']);
  });

  it.each([['<b>SENCO</b>'], ['SENCO\u0000A'], ['SENCO\u007F'], ['SENCO >']])('refuses %j', (input) => {
    expect(messages(displayNameSchema.safeParse(input))).toEqual(['The name holds characters that cannot be shown.']);
  });
});
