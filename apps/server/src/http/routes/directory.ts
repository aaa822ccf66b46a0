import { randomUUID } from 'node:crypto';
import {
  type AccessActor,
  allowed,
  type DirectoryEntryFields,
  type DirectoryEntryView,
  directoryEntryRequestSchema,
  directoryImportRequestSchema,
  directoryQuerySchema,
  reach,
  reachesAnything,
} from '@consultboard/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { todayInEngland } from '../../dates.js';
import { DIRECTORY_CURSOR } from '../../db/directory.js';
import type { Repos } from '../../db/repos.js';
import { readDirectoryCsv, writeDirectoryCsv } from '../../directory/directoryCsv.js';
import { personalContact } from '../../directory/personalContacts.js';
import { authorise, requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { AppError, errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { pageRequest } from '../paging.js';
import { parseBody } from '../validate.js';

/**
 * Whether an actor may take a directory action on a place: a locality by its grant; "all localities" (null) only
 * with a grant over everything to manage (an EP's entry reaches only their own localities), and to read it, any
 * grant at all (an entry for all localities is for everyone who reads the directory).
 */
function mayOn(actor: AccessActor, action: 'directory.read' | 'directory.manage', localityId: string | null): boolean {
  if (localityId !== null) return allowed(actor, action, { localityId });
  return action === 'directory.read' ? reachesAnything(actor, action) : reach(actor, action).all;
}

/** The entry named in the path, once the caller may read it (404) and, to change it, manage it (403). */
function entryFor(c: Context<AppEnv>, repos: Repos, manage: boolean): DirectoryEntryView {
  const { actor } = requireActor(c);
  const entry = repos.directory.entry(c.req.param('id') ?? '', todayInEngland());
  const sees = entry !== undefined && mayOn(actor, 'directory.read', entry.localityId);
  authorise('That directory entry', {
    sees,
    may: sees && (!manage || mayOn(actor, 'directory.manage', (entry as DirectoryEntryView).localityId)),
  });
  return entry as DirectoryEntryView;
}

/**
 * The locality an entry or import is for: one the caller manages, or all (admin only). A locality the caller does
 * not even read is not there for them (404, so nothing leaks); one they read but do not manage is a 403.
 */
function placeFor(repos: Repos, actor: AccessActor, localityId: string | null): string | null {
  if (localityId !== null && (!repos.localities.locality(localityId) || !mayOn(actor, 'directory.read', localityId)))
    throw errors.notFound('That locality');
  if (!mayOn(actor, 'directory.manage', localityId)) throw errors.forbidden();
  return localityId;
}

/** A person's contact in an entry is refused, naming the field (the privacy guard's judgement for a directory). */
function refusePersonal(entry: DirectoryEntryFields): void {
  const found = personalContact(entry);
  if (found) throw new AppError(400, 'personal_contact', found.message, { [`entry.${found.field}`]: found.message });
}

/** The locality a list or export is asked for: one the caller reads (404 otherwise), or every one (absent). */
function listedLocality(repos: Repos, actor: AccessActor, localityId: string | undefined): string | null {
  if (localityId === undefined) return null;
  if (!repos.localities.locality(localityId) || !allowed(actor, 'directory.read', { localityId }))
    throw errors.notFound('That locality');
  return localityId;
}

/**
 * The signposting directory (issue 13): list with search, read, add, change and delete entries, and import and
 * export them as CSV. Reading is 'directory.read' (a SENCO reads their school's locality's); the rest is
 * 'directory.manage' (the admin everywhere, an EP in their own localities).
 */
export function directoryRoutes(deps: HttpDeps) {
  const { repos } = deps;
  return new Hono<AppEnv>()
    .get('/directory', (c) => {
      const { actor } = requireActor(c);
      if (!reachesAnything(actor, 'directory.read')) throw errors.forbidden();
      const query = parseBody(directoryQuerySchema, c.req.query());
      const localityId = listedLocality(repos, actor, query.localityId);
      const page = repos.directory.page(
        reach(actor, 'directory.read'),
        localityId,
        query.q,
        pageRequest(c, DIRECTORY_CURSOR, ['localityId', 'q']),
        todayInEngland(),
      );
      return c.json({ entries: page.items, next: page.next });
    })
    .get('/directory/export', (c) => {
      const { actor, user } = requireActor(c);
      if (!reachesAnything(actor, 'directory.read')) throw errors.forbidden();
      const query = parseBody(directoryQuerySchema, c.req.query());
      const localityId = listedLocality(repos, actor, query.localityId);
      const entries = repos.directory.everything(reach(actor, 'directory.read'), localityId, todayInEngland());
      repos.audit.record({
        actorId: user.id,
        action: 'exported',
        entity: 'locality',
        entityId: localityId,
        detail: `directory: ${entries.length} entries as CSV`,
      });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="directory-${todayInEngland()}.csv"`);
      c.header('Cache-Control', 'no-store');
      return c.body(writeDirectoryCsv(entries));
    })
    .post('/directory', async (c) => {
      const { user, actor } = requireActor(c);
      if (!reachesAnything(actor, 'directory.manage')) throw errors.forbidden();
      const body = parseBody(directoryEntryRequestSchema, await readJson(c));
      const localityId = placeFor(repos, actor, body.localityId);
      refusePersonal(body.entry);
      const id = randomUUID();
      repos.transaction(() => {
        repos.directory.insert(id, localityId, body.entry, user.id, Date.now());
        const detail = `directory: added '${body.entry.name}'`;
        repos.audit.record({ actorId: user.id, action: 'created', entity: 'locality', entityId: localityId, detail });
      });
      return c.json({ entry: repos.directory.entry(id, todayInEngland()) }, 201);
    })
    .post('/directory/import', async (c) => {
      const { user, actor } = requireActor(c);
      if (!reachesAnything(actor, 'directory.manage')) throw errors.forbidden();
      const body = parseBody(directoryImportRequestSchema, await readJson(c));
      const localityId = placeFor(repos, actor, body.localityId);
      const reading = readDirectoryCsv(body.csv);
      if (!reading.ok) {
        const first = reading.problems[0] as { line: number; reason: string };
        const message = `The file was not imported. Line ${first.line}: ${first.reason}`;
        throw new AppError(400, 'invalid_csv', message, undefined, { problems: reading.problems });
      }
      const now = Date.now();
      repos.transaction(() => {
        for (const entry of reading.entries) repos.directory.insert(randomUUID(), localityId, entry, user.id, now);
        const detail = `directory: ${reading.entries.length} entries imported`;
        repos.audit.record({ actorId: user.id, action: 'created', entity: 'locality', entityId: localityId, detail });
      });
      return c.json({ imported: reading.entries.length }, 201);
    })
    .get('/directory/:id', (c) => c.json({ entry: entryFor(c, repos, false) }))
    .put('/directory/:id', async (c) => {
      const entry = entryFor(c, repos, true);
      const { user, actor } = requireActor(c);
      const body = parseBody(directoryEntryRequestSchema, await readJson(c));
      const localityId = placeFor(repos, actor, body.localityId);
      refusePersonal(body.entry);
      repos.transaction(() => {
        repos.directory.update(entry.id, localityId, body.entry, user.id, Date.now());
        const detail = `directory: changed '${body.entry.name}'`;
        repos.audit.record({ actorId: user.id, action: 'changed', entity: 'locality', entityId: localityId, detail });
      });
      return c.json({ entry: repos.directory.entry(entry.id, todayInEngland()) });
    })
    .delete('/directory/:id', (c) => {
      const entry = entryFor(c, repos, true);
      const { user } = requireActor(c);
      repos.transaction(() => {
        repos.directory.remove(entry.id);
        const detail = `directory: deleted '${entry.name}'`;
        repos.audit.record({
          actorId: user.id,
          action: 'deleted',
          entity: 'locality',
          entityId: entry.localityId,
          detail,
        });
      });
      return c.json({ deleted: entry.id });
    });
}
