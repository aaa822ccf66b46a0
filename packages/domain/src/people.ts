import { z } from 'zod';
import { CASE_TYPES } from './caseLabels.js';
import { preparationSchema } from './cases.js';
import { LIMITS } from './limits.js';
import { shownText, text } from './textSchema.js';

/**
 * Request bodies and views of the people, localities, schools, cases and agenda API (issue: people and cases).
 * Every route is listed in apps/server/src/http/routes with the ACCESS action it checks.
 */
const id = text().min(1).max(64);
const name = shownText().trim().min(1, 'Enter a name.').max(LIMITS.accountName.max);
const email = text()
  .trim()
  .toLowerCase()
  .max(LIMITS.email.max)
  .pipe(z.email({ message: 'Enter an e-mail address, like name@school.example.' }));

export const createLocalityRequestSchema = z.object({ name }).strict();
export const createSchoolRequestSchema = z.object({ name, localityId: id }).strict();

/** An admin invites an EP (with the localities they facilitate) or a SENCO (with their school). */
export const inviteRequestSchema = z.discriminatedUnion('role', [
  z
    .object({ role: z.literal('ep'), name, email, localityIds: z.array(id).min(1, 'Choose a locality.').max(50) })
    .strict(),
  z.object({ role: z.literal('senco'), name, email, schoolId: id }).strict(),
]);
export const acceptInvitationRequestSchema = z
  .object({
    password: text()
      .min(LIMITS.password.min, `Use at least ${LIMITS.password.min} characters.`)
      .max(LIMITS.password.max),
  })
  .strict();

/** A SENCO creates a case: a child (reference such as J5M) or a group, class, school or locality issue (a topic). */
export const createCaseRequestSchema = z.object({ type: z.enum(CASE_TYPES), reference: shownText().max(200) }).strict();
/** PUT /api/cases/:id/reference: the SENCO puts a reference or topic right (issue 10); its type stays. */
export const caseReferenceRequestSchema = z.object({ reference: shownText().max(200) }).strict();
export const consentRequestSchema = z
  .object({ given: z.boolean(), date: z.iso.date({ message: 'Enter the date consent was given.' }).nullable() })
  .strict()
  .refine((body) => !body.given || body.date !== null, {
    message: 'Enter the date consent was given.',
    path: ['date'],
  });
export const preparationRequestSchema = preparationSchema;
export const submitCaseRequestSchema = z.object({ sessionId: id }).strict();

/** The EP schedules a session for one of their localities, and builds its agenda from submitted cases. */
export const scheduleSessionRequestSchema = z
  .object({ localityId: id, date: z.iso.date({ message: 'Enter the date of the session.' }) })
  .strict();
export const agendaRequestSchema = z.object({ caseIds: z.array(id).max(LIMITS.casesPerSession) }).strict();

export interface LocalityView {
  id: string;
  name: string;
}
export interface SchoolView {
  id: string;
  name: string;
  localityId: string;
  localityName: string;
}
export interface PersonView {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'ep' | 'senco';
  status: 'invited' | 'active' | 'deactivated';
  localityIds: string[];
  schoolId: string | null;
}
/** Answer to an invitation: the link is shown once to the admin and never stored in clear. */
export interface InvitationView {
  person: PersonView;
  inviteUrl: string;
  expiresAt: number;
}

export interface CaseView {
  id: string;
  type: (typeof CASE_TYPES)[number];
  reference: string;
  schoolId: string;
  schoolName: string;
  localityId: string;
  localityName: string;
  consent: { given: boolean; date: string | null };
  preparation: import('./cases.js').Preparation;
  /** The session it was submitted for, if any. */
  submittedSessionId: string | null;
  createdAt: number;
  updatedAt: number;
  /** "Personal data to check" (issue 10): some of its text has findings nobody has fixed or dismissed. */
  personalDataToCheck: boolean;
}

export interface AuditEntryView {
  id: number;
  at: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
}
