import { type AccessActor, type Action, reachesAnything } from '@consultboard/domain';

export interface NavItem {
  href: string;
  label: string;
  /** The ACCESS action the page is for: the link shows to whoever that action reaches. */
  action: Action;
}

const SESSIONS: NavItem = { href: '/sessions', label: 'Sessions', action: 'session.read' };
const CASES: NavItem = { href: '/cases', label: 'Cases', action: 'case.list' };

/** Every header link, in the order of a day's work (the account's home page comes first). */
const NAV: readonly NavItem[] = [
  SESSIONS,
  CASES,
  { href: '/localities', label: 'Localities and schools', action: 'locality.manage' },
  { href: '/people', label: 'People', action: 'person.manage' },
  { href: '/reviews', label: 'Reviews', action: 'review.overview' },
  // The records, in the order of PRODUCT's words: issue 12 (the locality file and the strategy bank), issue 13.
  { href: '/locality-file', label: 'Locality file', action: 'minutes.read' },
  { href: '/bank', label: 'Strategy bank', action: 'bank.read' },
  { href: '/directory', label: 'Directory', action: 'directory.read' },
  { href: '/themes', label: 'Themes', action: 'themes.read' },
  // Issue 13 item 4: a SENCO's file for an inspector, of their own school.
  { href: '/evidence-pack', label: 'Evidence pack', action: 'evidence.export' },
  { href: '/audit', label: 'Audit log', action: 'audit.read' },
  // Issue 9 item 8: the admin's and each EP's way to their localities' stage templates.
  { href: '/templates', label: 'Stage templates', action: 'template.edit' },
];

/** Where "/" takes an account: whoever creates cases (a SENCO) starts from them, everyone else from sessions. */
export function homePath(actor: AccessActor): string {
  return reachesAnything(actor, 'case.create') ? CASES.href : SESSIONS.href;
}

/** The header links a signed-in account sees: the pages whose action reaches anything for it, home first. */
export function navFor(actor: AccessActor): NavItem[] {
  const home = homePath(actor);
  const shown = NAV.filter((item) => reachesAnything(actor, item.action));
  return [...shown.filter((item) => item.href === home), ...shown.filter((item) => item.href !== home)];
}

/** Whether a header link is the page being shown (its own pages count, and "/" is the account's home). */
export function isCurrentNav(item: NavItem, pathname: string, actor: AccessActor): boolean {
  const path = pathname === '/' ? homePath(actor) : pathname;
  return path === item.href || path.startsWith(`${item.href}/`);
}
