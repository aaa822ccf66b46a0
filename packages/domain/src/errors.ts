import type { PersonalDataFinding } from './privacy/findings.js';

/** Stable error codes carried in acknowledgements and connection errors. */
export const ERROR_CODES = {
  unknown_command: 'That command is not known.',
  invalid_payload: 'The request is not in the expected shape.',
  forbidden: 'You may not do that.',
  unauthenticated: 'Sign in or join the session first.',
  session_not_live: 'This session is not live.',
  no_such_case: 'That case is not on the agenda.',
  no_such_card: 'That card is not on the board.',
  stage_takes_no_such_card: 'This stage does not take that kind of card.',
  at_first_stage: 'This is the first stage.',
  at_last_stage: 'This is the last stage. Use Next case or End session.',
  no_next_case: 'This is the last case on the agenda.',
  timer_running: 'The timer is already running.',
  timer_not_running: 'The timer is not running.',
  timer_too_long: 'The timer cannot be extended further.',
  plan_changed: 'Someone else changed the plan. Here is the latest version.',
  too_many_cards: 'This session holds as many cards as it can.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
  protocol_mismatch: 'This page is out of date. Reload it.',
  internal: 'Something went wrong on the server. Try again.',
  too_many_connections: 'This phone is already connected in other tabs. Close one and try again.',
  participant_removed: 'The EP removed you from this meeting.',
  no_such_participant: 'That person is not in this meeting.',
  room_locked: 'This room is locked. Ask the EP to let you in.',
  not_current_case: 'Cards can only be added to the case being discussed now.',
  stage_not_reached: 'The meeting has not reached that stage yet.',
  // Item 2 of issue 9: Edit and Withdraw.
  not_your_card: 'Only the person who added a card can change it.',
  card_stage_closed: "The meeting has moved on from that card's stage, so it can no longer be changed.",
  // Issue 9 item 3: the presenting SENCO marks helpful cards of their own case, in the stage for it.
  not_your_case: 'Only the SENCO presenting this case can mark its cards.',
  not_helpful_stage: 'Cards are marked helpful only in the stage for it, such as Feedback.',
  // Issue 9, item 4: moving between cases, Merge and Unmerge.
  no_previous_case: 'This is the first case on the agenda.',
  already_current_case: 'That case is being discussed now.',
  cards_not_together: 'Only cards of the same stage can be merged.',
  card_merged: 'That card is merged into another. Unmerge it first.',
  card_holds_merged: 'Other cards are merged into that card. Unmerge them first.',
  card_not_merged: 'That card is not merged.',
  // Issue 10: the privacy guard.
  personal_data: 'This looks as if it holds personal data.',
  card_not_held: 'That card is not held for checking.',
  // Issue 13: a Resource card linked to a directory entry.
  no_such_service: "That service is not in this locality's directory.",
  // Issue 14: several nodes; the session's node changed (one stopped): the client comes back and finds it.
  session_elsewhere: 'The meeting is moving to another server. Reconnecting…',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
  /** Issue 10, `personal_data`: what looked like personal data, so the phone can show it in words. */
  findings?: PersonalDataFinding[];
}

/** Builds a refusal with the standard message for its code, or a more specific one. */
export function refuse(code: ErrorCode, message?: string): Refusal {
  return { ok: false, code, message: message ?? ERROR_CODES[code] };
}
