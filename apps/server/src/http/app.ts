import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from '@consultboard/domain';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { logger } from '../logger.js';
import { SessionElsewhere } from '../meeting/meetingStore.js';
import { notesRoutes } from '../notes/notesRoutes.js';
import type { AppEnv, HttpDeps } from './context.js';
import { AppError, errors } from './errors.js';
import { loadUser, sameSiteOnly } from './middleware.js';
import { accountRoutes } from './routes/account.js';
import { actionPlanRoutes } from './routes/actionPlans.js';
import { agendaRoutes } from './routes/agenda.js';
import { auditRoutes } from './routes/audit.js';
import { bankRoutes } from './routes/bank.js';
import { caseFormRoutes } from './routes/caseForms.js';
import { caseRoutes } from './routes/cases.js';
import { directoryRoutes } from './routes/directory.js';
import { evidencePackRoutes } from './routes/evidencePack.js';
import { invitationRoutes } from './routes/invitations.js';
import { joinRoutes } from './routes/join.js';
import { localityRoutes } from './routes/localities.js';
import { minutesRoutes } from './routes/minutes.js';
import { peopleRoutes } from './routes/people.js';
import { presentRoutes } from './routes/present.js';
import { privacyRoutes } from './routes/privacy.js';
import { privacyCheckRoutes } from './routes/privacyCheck.js';
import { reviewRoutes } from './routes/reviews.js';
import { sessionRoutes } from './routes/sessions.js';
import { stageTemplateRoutes } from './routes/stageTemplates.js';
import { themeRoutes } from './routes/themes.js';
import { loadStaticFiles, type StaticFile, sendStatic } from './staticFiles.js';

/** The header naming the node that answered (NODE_NAME). */
export const NODE_HEADER = 'X-Consultboard-Node';

/** The HTTP side of the server: the JSON API under /api, then the built web app. */
export function createHttpApp(deps: HttpDeps) {
  const app = new Hono<AppEnv>();

  // Issue 14: which node answered, for an operator reading the balancer and for the cluster test. After the route
  // (and app.onError) has made its answer, so errors and static files carry it too.
  const nodeName = deps.nodeName;
  if (nodeName) {
    app.use('*', async (c, next) => {
      await next();
      c.header(NODE_HEADER, nodeName);
    });
  }

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );

  app.onError((error, c) => {
    if (error instanceof AppError) return c.json(error.toBody(), error.status);
    // Issue 14: another node runs the live session this would write to; nothing was written. Try again shortly.
    if (error instanceof SessionElsewhere) {
      c.header('Retry-After', '2');
      return c.json(new AppError(503, 'session_elsewhere', ERROR_CODES.session_elsewhere).toBody(), 503);
    }
    logger.error({ err: error, path: c.req.path }, 'request failed');
    return c.json(errors.internal().toBody(), 500);
  });

  // For a load balancer and an operator: `cluster` is off (one node), connected, or degraded (Redis is away);
  // `running`, on several nodes, how many live sessions this node runs now.
  app.get('/api/health', (c) =>
    c.json({
      ok: true,
      cluster: deps.cluster?.state ?? 'off',
      ...(deps.cluster?.state && deps.cluster.state !== 'off' ? { running: deps.meetings.running().length } : {}),
    }),
  );

  const api = new Hono<AppEnv>();
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw errors.tooLarge();
      },
    });
  // A whole plan (or its review) of 30 rows at their longest is about 40 KB; everything else is small.
  const small = limit(16 * 1024);
  const large = limit(96 * 1024);
  // A directory CSV of 1000 entries (DIRECTORY_LIMITS.importChars), as a JSON string, is the one larger body.
  const csvImport = limit(1536 * 1024);
  api.use('*', (c, next) => {
    if (c.req.path === '/api/directory/import') return csvImport(c, next);
    return (/^\/api\/cases\/[^/]+\/(plan|review)$/.test(c.req.path) ? large : small)(c, next);
  });
  api.use('*', sameSiteOnly(deps));
  api.use('*', loadUser(deps));
  api.route('/', accountRoutes(deps));
  api.route('/', sessionRoutes(deps));
  api.route('/', agendaRoutes(deps));
  api.route('/', caseRoutes(deps));
  api.route('/', caseFormRoutes(deps));
  api.route('/', actionPlanRoutes(deps));
  api.route('/', reviewRoutes(deps));
  api.route('/', themeRoutes(deps));
  api.route('/', evidencePackRoutes(deps));
  api.route('/', localityRoutes(deps));
  api.route('/', peopleRoutes(deps));
  api.route('/', invitationRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.route('/', joinRoutes(deps));
  api.route('/', notesRoutes(deps));
  // Issue 9: a locality's stage template (item 8) and the presenting SENCO (item 3).
  api.route('/', stageTemplateRoutes(deps));
  api.route('/', presentRoutes(deps));
  // Issue 10: the privacy guard's dismissals and what a case has to check.
  api.route('/', privacyRoutes(deps));
  api.route('/', privacyCheckRoutes(deps));
  // Issue 12: the locality file (minutes, their search, retention).
  api.route('/', minutesRoutes(deps));
  api.route('/', bankRoutes(deps));
  // Issue 13: the signposting directory (the local offer).
  api.route('/', directoryRoutes(deps));
  api.all('*', () => {
    throw errors.notFound('That API route');
  });
  app.route('/api', api);

  if (deps.webDist && fs.existsSync(path.join(deps.webDist, 'index.html'))) {
    // Read once: the build's files with their brotli and gzip copies (written by `vite build`).
    const files = loadStaticFiles(deps.webDist);
    const indexHtml = files.get('/index.html') as StaticFile;
    app.on(['GET', 'HEAD'], '*', (c) => {
      const file = files.get(c.req.path);
      if (file) return sendStatic(c, file);
      // A hashed asset that is not in this build is missing, not a page.
      if (c.req.path.startsWith('/assets/')) throw errors.notFound('That file');
      // Every other page is the single-page app, which routes on the client.
      return sendStatic(c, indexHtml);
    });
  } else {
    app.get('/', (c) => c.text('Consultboard API. Build the web app (pnpm build) to serve the pages.'));
  }
  return app;
}
