import { allowed, reach, THEME_IDS, themeCsv, themesQuerySchema } from '@consultboard/domain';
import { type Context, Hono } from 'hono';
import { todayInEngland } from '../../dates.js';
import { themesView } from '../../themes/themesView.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { parseBody } from '../validate.js';

/** The school year before this one, from its first day: the range the themes show unless told otherwise. */
function defaultFrom(today: string): string {
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 9 ? 1 : 0);
  return `${year - 1}-09-01`;
}

/**
 * Themes (issue 13, item 3; ACCESS 'themes.read': the admin for all localities, an EP for theirs): counts only,
 * never a case, a school or a reference. `GET /api/themes` is every theme; `GET /api/themes/csv?theme=…` one as CSV.
 */
export function themeRoutes(deps: HttpDeps) {
  const { repos } = deps;

  function scopeOf(c: Context<AppEnv>) {
    const { actor } = requireActor(c);
    if (!allowed(actor, 'themes.read')) throw errors.forbidden();
    const query = parseBody(themesQuerySchema, c.req.query());
    const reached = reach(actor, 'themes.read');
    const localityIds = reached.all ? null : reached.localityIds;
    if (query.localityId !== undefined) {
      // Outside the account's localities: refused, whether or not it exists (so it learns nothing of it).
      if (!allowed(actor, 'themes.read', { localityId: query.localityId })) throw errors.forbidden();
      if (!repos.localities.locality(query.localityId)) throw errors.notFound('That locality');
    }
    const today = todayInEngland();
    return {
      query,
      localityIds,
      scope: {
        localityIds: query.localityId !== undefined ? [query.localityId] : localityIds,
        localityId: query.localityId ?? null,
        from: query.from ?? defaultFrom(query.to ?? today),
        to: query.to ?? today,
      },
    };
  }

  return new Hono<AppEnv>()
    .get('/themes', (c) => {
      const { scope, localityIds } = scopeOf(c);
      return c.json(themesView(repos, scope, repos.themes.localities(localityIds), Date.now()));
    })
    .get('/themes/csv', (c) => {
      const { scope, query } = scopeOf(c);
      if (!query.theme) throw errors.field('invalid_payload', 'theme', `Choose a theme: ${THEME_IDS.join(', ')}.`);
      const theme = themesView(repos, scope, [], Date.now()).themes.find((candidate) => candidate.id === query.theme);
      if (!theme) throw errors.notFound('That theme');
      return c.body(themeCsv(theme), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="themes-${theme.id}-${scope.from}-to-${scope.to}.csv"`,
        'cache-control': 'no-store',
      });
    });
}
