import {
  type ApiErrorBody,
  ERROR_CODES,
  type ErrorCode,
  type ExportFinding,
  PERSONAL_DATA_TO_CHECK,
  type PersonalDataFinding,
  type Refusal,
} from '@consultboard/domain';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** An error with a stable code that the HTTP layer turns into a JSON answer in one place (app.onError). */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** More of the answer beside the error: a 409 `plan_changed` carries the latest plan. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody & Record<string, unknown> {
    const error = { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
    return { ...this.extra, error };
  }
}

/** An error whose code the sockets use too: the same words over HTTP, from the domain's ERROR_CODES. */
const shared = (status: ContentfulStatusCode, code: ErrorCode) => new AppError(status, code, ERROR_CODES[code]);

/** A form's field was wrong: the message goes beside the field too. */
const fieldError = (code: string, field: string, message: string) =>
  new AppError(400, code, message, { [field]: message });

/**
 * Every error the HTTP API answers with, each with its stable code. Sockets answer with the domain's `refuse()`
 * from the same ERROR_CODES; `refused` turns such a refusal (say, from the one plan write) into an HTTP answer.
 */
export const errors = {
  invalidPayload: (zodError: ZodError) => {
    const fields: Record<string, string> = {};
    for (const issue of zodError.issues) {
      const key = issue.path.join('.') || '_';
      fields[key] ??= issue.message;
    }
    return new AppError(400, 'invalid_payload', 'Some of the details are not right.', fields);
  },
  badRequest: (code: string, message: string) => new AppError(400, code, message),
  unauthenticated: () => new AppError(401, 'unauthenticated', 'Sign in first.'),
  badCredentials: () => new AppError(401, 'bad_credentials', 'That e-mail and password do not match an account.'),
  forbidden: () => new AppError(403, 'forbidden', 'You may not do that.'),
  notFound: (what = 'That page') => new AppError(404, 'not_found', `${what} was not found.`),
  unknownCode: () =>
    new AppError(404, 'unknown_code', 'That join code is not for a live session. Check it on the board.'),
  conflict: (code: string, message: string) => new AppError(409, code, message),
  crossSite: () => new AppError(403, 'cross_site', 'That request came from another site and was refused.'),
  unsupportedMediaType: () => new AppError(415, 'unsupported_media_type', 'Send the request as JSON.'),
  tooLarge: () => new AppError(413, 'too_large', 'That request is too large.'),
  rateLimited: (message = 'Too many attempts. Wait a few minutes and try again.') =>
    new AppError(429, 'rate_limited', message),
  internal: () => shared(500, 'internal'),
  /** A refusal from the domain (what a socket would be told), as an HTTP answer, with anything it carries. */
  refused: (status: ContentfulStatusCode, refusal: Refusal, extra?: Record<string, unknown>) =>
    new AppError(status, refusal.code, refusal.message, undefined, extra),
  field: fieldError,
  /** A topic the privacy guard flagged: the words and where they are, for the form to mark (issue 10). */
  personalDataInReference: (message: string, findings: readonly PersonalDataFinding[]) =>
    new AppError(400, 'personal_data', message, { reference: message }, { findings }),
  /**
   * An export over findings nobody has dismissed (issue 10): each finding's kind, place and words (the words are
   * what "This is not personal" dismisses), and no more of the text.
   */
  personalDataToCheck: (findings: readonly ExportFinding[]) =>
    new AppError(
      409,
      PERSONAL_DATA_TO_CHECK,
      'Check before exporting: some words look like personal data.',
      undefined,
      { findings },
    ),
  noFreeJoinCode: () => new AppError(503, 'no_free_join_code', 'No join code is free just now. Try again.'),
  consentMissing: (reference: string) =>
    new AppError(
      400,
      'consent_missing',
      `${reference} cannot go on the agenda until the SENCO records parental consent.`,
    ),
  notAChildCase: () =>
    new AppError(400, 'not_a_child_case', 'Parental consent is recorded for the case of an individual child only.'),
  noPlan: () => new AppError(404, 'no_plan', 'This case has no action plan yet.'),
  planOwnedBySchool: () => new AppError(403, 'plan_owned_by_school', 'After the meeting the SENCO owns the plan.'),
  unknownAction: () => new AppError(400, 'unknown_action', 'Review only the actions of this plan.'),
  duplicateAction: () => new AppError(400, 'duplicate_action', 'Review each action once.'),
  roomLocked: () => shared(403, 'room_locked'),
  exportsBusy: () => new AppError(503, 'exports_busy', 'Exports are busy. Try again in a moment.'),
  exportFailed: () =>
    new AppError(500, 'export_failed', 'The file could not be made. Try again, and tell the EPS if it fails again.'),
  exportTimedOut: () =>
    new AppError(500, 'export_timed_out', 'The file took too long to make. Tell the EPS if it fails again.'),
  exportCancelled: () => new AppError(503, 'export_cancelled', 'The export was stopped before it was made.'),
};
