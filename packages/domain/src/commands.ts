import { z } from 'zod';
import { LIMITS } from './limits.js';
import { CARD_KINDS } from './stages.js';

const commandId = z
  .string()
  .min(LIMITS.commandId.min)
  .max(LIMITS.commandId.max)
  .regex(/^[A-Za-z0-9_-]+$/, 'A command id is letters, digits, _ and -.');
const entityId = z.string().min(1).max(64);

/** Visible card text: trimmed, 1 to 1000 characters, no control characters but new lines. */
export const cardTextSchema = z
  .string()
  .transform((text) => text.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(LIMITS.cardText.min, 'Write something before adding the card.')
      .max(LIMITS.cardText.max, `A card holds at most ${LIMITS.cardText.max} characters.`)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
      .refine(
        (text) => !/[\u0000-\u0009\u000B-\u001F\u007F]/.test(text),
        'The text holds characters that cannot be shown.',
      ),
  );

const bare = <T extends string>(type: T) => z.object({ id: commandId, type: z.literal(type) }).strict();

/** Every command a client may send over the meeting socket, as a discriminated union on `type`. */
export const commandSchema = z.discriminatedUnion('type', [
  bare('stage.next'),
  bare('stage.previous'),
  bare('timer.start'),
  bare('timer.pause'),
  bare('timer.extend'),
  bare('case.next'),
  bare('session.end'),
  z
    .object({
      id: commandId,
      type: z.literal('card.add'),
      caseId: entityId,
      stageId: entityId,
      kind: z.enum(CARD_KINDS),
      text: cardTextSchema,
    })
    .strict(),
  z.object({ id: commandId, type: z.literal('card.hide'), cardId: entityId, hidden: z.boolean() }).strict(),
  z.object({ id: commandId, type: z.literal('card.spotlight'), cardId: entityId.nullable() }).strict(),
  z.object({ id: commandId, type: z.literal('card.helpful'), cardId: entityId, helpful: z.boolean() }).strict(),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export const COMMAND_TYPES = commandSchema.options.map((option) => option.shape.type.value) as CommandType[];

/** Display names typed on a phone. */
export const displayNameSchema = z
  .string()
  .transform((name) => name.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(LIMITS.displayName.min, 'Enter your name.')
      .max(LIMITS.displayName.max, `A name is at most ${LIMITS.displayName.max} characters.`)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
      .refine((name) => !/[\u0000-\u001F\u007F<>]/.test(name), 'The name holds characters that cannot be shown.'),
  );
