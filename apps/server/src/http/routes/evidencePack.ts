import { allowed, EVIDENCE_PACK_LIMITS, evidencePackFileName, evidencePackQuerySchema } from '@consultboard/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { evidenceSource } from '../../exports/evidenceSource.js';
import { requireActor } from '../access.js';
import { buildExport } from '../buildExport.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { parseBody } from '../validate.js';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/**
 * The school's evidence pack (issue 13 item 4): a SENCO's own school only ('evidence.export'), for a date range,
 * as Word or PDF. Read here, built in the export workers; every case in it passes the privacy guard, and each
 * download is audited, for the school and for every case it holds.
 */
export function evidencePackRoutes(deps: HttpDeps) {
  const { repos } = deps;
  const download = (extension: keyof typeof TYPES) => async (c: Context<AppEnv>) => {
    const { user, actor } = requireActor(c);
    const schoolId = actor.schoolId;
    if (!schoolId || !allowed(actor, 'evidence.export', { schoolId })) throw errors.forbidden();
    const range = parseBody(evidencePackQuerySchema, c.req.query());
    const school = repos.localities.school(schoolId);
    if (!school) throw errors.notFound('That school');
    const source = evidenceSource(repos, school, range);
    if ('tooMuch' in source)
      throw errors.badRequest(
        'evidence_pack_too_large',
        source.tooMuch === 'cases'
          ? `The range holds more than ${EVIDENCE_PACK_LIMITS.cases} cases. Choose a shorter range.`
          : 'The plans and reviews in this range are too long for one file. Choose a shorter range.',
      );
    const bytes = await buildExport(c, deps, { kind: 'evidencePack', format: extension, source });
    const now = Date.now();
    repos.transaction(() => {
      repos.audit.record({
        actorId: user.id,
        action: 'exported',
        entity: 'school',
        entityId: schoolId,
        detail: `evidence pack ${range.from} to ${range.to} ${extension}: ${source.cases.length} cases`,
        now,
      });
      for (const item of source.cases)
        repos.audit.record({
          actorId: user.id,
          action: 'exported',
          entity: 'case',
          entityId: item.caseId,
          detail: `evidence pack ${extension}`,
          now,
        });
    });
    return c.body(bytes, 200, {
      'content-type': TYPES[extension],
      'content-disposition': `attachment; filename="${evidencePackFileName(range.from, range.to, extension)}"`,
      'cache-control': 'no-store',
    });
  };
  return new Hono<AppEnv>().get('/evidence-pack.docx', download('docx')).get('/evidence-pack.pdf', download('pdf'));
}
