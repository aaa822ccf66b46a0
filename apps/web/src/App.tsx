import { lazy, type ReactNode, Suspense } from 'react';
import { LoadingPage } from './components/LoadingPage';
import JoinPage from './pages/JoinPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { findRoute, type RouteParams, usePathname } from './router';

// Phones load only the join page; everything for signed-in people (and qrcode, for the board) loads on demand.
const HomePage = lazy(() => import('./pages/HomePage'));
const SessionPage = lazy(() => import('./pages/SessionPage'));
const BoardPage = lazy(() => import('./pages/BoardPage'));
const FacilitatePage = lazy(() => import('./pages/FacilitatePage'));
const SessionsRoute = lazy(() => import('./pages/SessionsRoute'));
const CasesPage = lazy(() => import('./pages/CasesPage'));
const CasePage = lazy(() => import('./pages/CasePage'));
const LocalitiesPage = lazy(() => import('./pages/LocalitiesPage'));
const PeoplePage = lazy(() => import('./pages/PeoplePage'));
const ReviewsPage = lazy(() => import('./pages/ReviewsPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
// Issue 12, item 4: the strategy bank.
const StrategyBankPage = lazy(() => import('./bank/StrategyBankPage'));
const InvitePage = lazy(() => import('./pages/InvitePage'));
const DirectoryPage = lazy(() => import('./directory/DirectoryPage'));
// Issue 9 item 8: the stage templates (one chunk for both pages, so the phone's first load carries one entry).
const StageTemplateRoutes = lazy(() => import('./templates/StageTemplateRoutes'));
// Issue 12: the locality file (the list with its search, and one case's minutes) in one chunk.
const LocalityFileRoutes = lazy(() => import('./minutes/LocalityFileRoutes'));
// Issue 13 item 3: the themes, with the chart library in their chunk alone.
const ThemesPage = lazy(() => import('./themes/ThemesPage'));
// Issue 13 item 4: the school's evidence pack.
const EvidencePackPage = lazy(() => import('./evidence/EvidencePackPage'));

interface Route {
  path: string;
  render: (params: RouteParams) => ReactNode;
}

const routes: Route[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/sessions', render: () => <SessionsRoute /> },
  { path: '/cases', render: () => <CasesPage /> },
  { path: '/cases/:id', render: ({ id = '' }) => <CasePage id={id} /> },
  { path: '/localities', render: () => <LocalitiesPage /> },
  { path: '/people', render: () => <PeoplePage /> },
  { path: '/reviews', render: () => <ReviewsPage /> },
  { path: '/audit', render: () => <AuditPage /> },
  { path: '/bank', render: () => <StrategyBankPage /> },
  { path: '/directory', render: () => <DirectoryPage /> },
  { path: '/invite/:token', render: ({ token = '' }) => <InvitePage token={token} /> },
  { path: '/sessions/:id', render: ({ id = '' }) => <SessionPage id={id} /> },
  { path: '/board/:id', render: ({ id = '' }) => <BoardPage id={id} /> },
  { path: '/facilitate/:id', render: ({ id = '' }) => <FacilitatePage id={id} /> },
  { path: '/join', render: () => <JoinPage /> },
  { path: '/join/:code', render: ({ code }) => <JoinPage code={code} /> },
  { path: '/templates', render: () => <StageTemplateRoutes /> },
  { path: '/themes', render: () => <ThemesPage /> },
  { path: '/localities/:id/template', render: ({ id = '' }) => <StageTemplateRoutes id={id} /> },
  { path: '/locality-file', render: () => <LocalityFileRoutes /> },
  { path: '/locality-file/:id', render: ({ id = '' }) => <LocalityFileRoutes id={id} /> },
  { path: '/evidence-pack', render: () => <EvidencePackPage /> },
];

export function App() {
  const pathname = usePathname();
  const found = findRoute(routes, pathname);
  return (
    // Keyed by path so moving between two sessions starts each page afresh.
    <Suspense key={pathname} fallback={<LoadingPage />}>
      {found ? found.route.render(found.params) : <NotFoundPage />}
    </Suspense>
  );
}
