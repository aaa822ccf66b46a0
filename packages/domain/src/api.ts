import { z } from 'zod';
import { LIMITS } from './limits.js';
import type { MeetingState } from './meeting.js';
import { PERSONAL_DATA_KINDS } from './privacy/findings.js';
import { shownText, text } from './textSchema.js';

/** Request bodies of the HTTP API, parsed at the edge by the server and used by the web forms. */
const email = text()
  .trim()
  .toLowerCase()
  .max(LIMITS.email.max)
  .pipe(z.email({ message: 'Enter an e-mail address, like name@school.example.' }));

export const setupRequestSchema = z
  .object({
    name: shownText().trim().min(LIMITS.accountName.min, 'Enter your name.').max(LIMITS.accountName.max),
    email,
    password: text()
      .min(LIMITS.password.min, `Use at least ${LIMITS.password.min} characters.`)
      .max(LIMITS.password.max),
  })
  .strict();

export const signInRequestSchema = z
  .object({ email, password: text().min(1, 'Enter your password.').max(LIMITS.password.max) })
  .strict();

export const createSessionRequestSchema = z
  .object({
    locality: shownText().trim().min(LIMITS.locality.min, 'Enter the locality.').max(LIMITS.locality.max),
    date: z.iso.date({ message: 'Enter the date of the session.' }),
  })
  .strict();

export const addCaseRequestSchema = z.object({ reference: shownText().max(200) }).strict();

export const joinRequestSchema = z.object({ code: text().max(32), name: text().max(200) }).strict();

export type SetupRequest = z.infer<typeof setupRequestSchema>;
export type SignInRequest = z.infer<typeof signInRequestSchema>;
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'ep' | 'senco';
  /** The localities an EP facilitates (empty for others). */
  localityIds?: string[];
  /** A SENCO's school, and that school's locality (null for others). */
  schoolId?: string | null;
  schoolLocalityId?: string | null;
}

export type SessionStatus = 'draft' | 'live' | 'ended';

export interface SessionCaseView {
  id: string;
  reference: string;
  kind: 'child' | 'topic';
  position: number;
}

export interface SessionView {
  id: string;
  /** The locality's name, for display. */
  locality: string;
  /** The locality the session is for (null only for sessions made before localities existed). */
  localityId?: string | null;
  date: string;
  status: SessionStatus;
  facilitatorId: string;
  facilitatorName: string;
  cases: SessionCaseView[];
  /** Set while the session is live. */
  joinCode: string | null;
  joinUrl: string | null;
  createdAt: number;
}

export interface JoinResponse {
  token: string;
  sessionId: string;
  name: string;
  /**
   * The meeting as the phone would fold it from its socket's replay (hidden cards without text), so it can show
   * the stage before the socket is up; the socket then asks for the events after its `seq`. Absent when it would
   * be bigger than one replay page (REPLAY_PAGE): the socket brings it all.
   */
  meeting?: MeetingState;
}

/** Every HTTP error body: a stable code, a sentence for people, and field messages where a form was wrong. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/**
 * The body of POST /api/sessions/:id/notes-token: the EP's console (writable while the session is live)
 * or the projector (read-only). The answer is `{ token }`, for the provider's `params: { token }`.
 */
export const notesTokenRequestSchema = z.object({ role: z.enum(['facilitator', 'projector']) }).strict();
export type NotesTokenRequest = z.infer<typeof notesTokenRequestSchema>;
export interface NotesTokenResponse {
  token: string;
}

/** "This is not personal": these words of this kind are not flagged again in this case (issue 10). */
export const privacyDismissalRequestSchema = z
  .object({ kind: z.enum(PERSONAL_DATA_KINDS), text: text().trim().min(1, 'Say which words.').max(200) })
  .strict();
export type PrivacyDismissalRequest = z.infer<typeof privacyDismissalRequestSchema>;
