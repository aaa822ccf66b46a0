import { z } from 'zod';
import { actionRowSchema } from './actionPlan.js';
import { ACTION_PLAN_LIMITS } from './actionPlanRules.js';
import { COMMAND_ID_PATTERN } from './commandId.js';
import { LIMITS } from './limits.js';
import { CARD_KINDS } from './stages.js';
import { checkCardText, checkDisplayName } from './textRules.js';
import { fromRule, text } from './textSchema.js';

const commandId = text()
  .min(LIMITS.commandId.min)
  .max(LIMITS.commandId.max)
  .regex(COMMAND_ID_PATTERN, 'A command id is letters, digits, _ and -.');
const entityId = text().min(1).max(64);

/** Visible card text: trimmed, 1 to 1000 characters, no control characters but new lines, no direction controls. */
export const cardTextSchema = fromRule(checkCardText);

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
      /** Issue 10: the phone was told the text looks like personal data and sends it for the EP to check. */
      forCheck: z.literal(true).optional(),
      /** Issue 12, item 5: the EP's console adds a strategy or resource from Ideas from the bank. */
      fromBank: z.literal(true).optional(),
      /** Issue 13: a Resource card chosen from the directory: the entry it links to (of the session's locality). */
      directoryEntryId: entityId.optional(),
    })
    .strict(),
  z.object({ id: commandId, type: z.literal('card.hide'), cardId: entityId, hidden: z.boolean() }).strict(),
  z.object({ id: commandId, type: z.literal('card.spotlight'), cardId: entityId.nullable() }).strict(),
  z.object({ id: commandId, type: z.literal('card.helpful'), cardId: entityId, helpful: z.boolean() }).strict(),
  /** The facilitator's edit of a case's plan in the meeting: the whole plan, from the version they saw. */
  z
    .object({
      id: commandId,
      type: z.literal('plan.update'),
      caseId: entityId,
      version: z.number().int().min(0),
      rows: z.array(actionRowSchema).max(ACTION_PLAN_LIMITS.rows),
    })
    .strict(),
  /** The EP sends a phone out of the meeting (by the participant id the console's Connected list shows). */
  z.object({ id: commandId, type: z.literal('participant.remove'), participantId: entityId }).strict(),
  /** The EP's "Lock the room" switch: while locked, the join code lets nobody new in. */
  z.object({ id: commandId, type: z.literal('room.lock'), locked: z.boolean() }).strict(),
  /** Item 2 of issue 9: a person changes the text of their own card while its stage is on. */
  z
    .object({
      id: commandId,
      type: z.literal('card.edit'),
      cardId: entityId,
      text: cardTextSchema,
      forCheck: z.literal(true).optional(),
    })
    .strict(),
  /** Item 2 of issue 9: a person takes back their own card while its stage is on. */
  z.object({ id: commandId, type: z.literal('card.withdraw'), cardId: entityId }).strict(),
  /** Issue 9, item 4: back to the previous case, or to any case on the agenda, at the stage it was left in. */
  bare('case.previous'),
  z.object({ id: commandId, type: z.literal('case.goTo'), caseId: entityId }).strict(),
  /** Issue 9, item 4: merge a card into another of its stage, and undo it. */
  z.object({ id: commandId, type: z.literal('card.merge'), cardId: entityId, intoCardId: entityId }).strict(),
  z.object({ id: commandId, type: z.literal('card.unmerge'), cardId: entityId }).strict(),
  /** Issue 9, "Show join code": the board's join panel large again (true), or back to its corner (false). */
  z.object({ id: commandId, type: z.literal('join.show'), shown: z.boolean() }).strict(),
  /** Issue 10: the EP shows a held card (Show), or edits it and shows it (Edit and show: with `text`). */
  z
    .object({ id: commandId, type: z.literal('card.release'), cardId: entityId, text: cardTextSchema.optional() })
    .strict(),
  /** Issue 10: the EP removes a held card: gone, its text forgotten, like a withdrawal. */
  z.object({ id: commandId, type: z.literal('card.remove'), cardId: entityId }).strict(),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export const COMMAND_TYPES = commandSchema.options.map((option) => option.shape.type.value) as CommandType[];

/** Display names typed on a phone. */
export const displayNameSchema = fromRule(checkDisplayName);
