import type { ApiErrorBody } from '@consultboard/domain';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** An error with a stable code that the HTTP layer turns into a JSON answer in one place (app.onError). */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

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
    new AppError(404, 'unknown_code', 'That join code is not for a live session. Check it with the facilitator.'),
  conflict: (code: string, message: string) => new AppError(409, code, message),
  crossSite: () => new AppError(403, 'cross_site', 'That request came from another site and was refused.'),
  unsupportedMediaType: () => new AppError(415, 'unsupported_media_type', 'Send the request as JSON.'),
  tooLarge: () => new AppError(413, 'too_large', 'That request is too large.'),
  rateLimited: () => new AppError(429, 'rate_limited', 'Too many attempts. Wait a few minutes and try again.'),
  exportsBusy: () => new AppError(503, 'exports_busy', 'Exports are busy. Try again in a moment.'),
  exportFailed: () =>
    new AppError(500, 'export_failed', 'The file could not be made. Try again, and tell the EPS if it fails again.'),
  exportTimedOut: () =>
    new AppError(500, 'export_timed_out', 'The file took too long to make. Tell the EPS if it fails again.'),
  exportCancelled: () => new AppError(503, 'export_cancelled', 'The export was stopped before it was made.'),
};
