import type { UserView } from '@consultboard/domain';

export type AccountRole = UserView['role'];

export interface NavItem {
  href: string;
  label: string;
}

const SESSIONS: NavItem = { href: '/sessions', label: 'Sessions' };
const CASES: NavItem = { href: '/cases', label: 'Cases' };
const REVIEWS: NavItem = { href: '/reviews', label: 'Reviews' };

const NAV: Record<AccountRole, NavItem[]> = {
  admin: [
    SESSIONS,
    { href: '/localities', label: 'Localities and schools' },
    { href: '/people', label: 'People' },
    REVIEWS,
    { href: '/audit', label: 'Audit log' },
  ],
  ep: [SESSIONS, CASES, REVIEWS],
  senco: [CASES, SESSIONS],
};

/** The header links a signed-in account sees, in the order of its day's work. */
export function navForRole(role: AccountRole): NavItem[] {
  return NAV[role];
}

/** Where "/" takes each role: a SENCO starts from their cases, everyone else from sessions. */
export function homePathForRole(role: AccountRole): string {
  return role === 'senco' ? CASES.href : SESSIONS.href;
}

/** Whether a header link is the page being shown (its own pages count, and "/" is the role's home). */
export function isCurrentNav(item: NavItem, pathname: string, role: AccountRole): boolean {
  const path = pathname === '/' ? homePathForRole(role) : pathname;
  return path === item.href || path.startsWith(`${item.href}/`);
}
