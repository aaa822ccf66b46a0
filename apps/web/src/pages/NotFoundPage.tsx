import { Link } from '../components/Link';
import { usePageTitle } from '../usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <main className="page narrow">
      <h1>Page not found</h1>
      <p>Check the address. To join a meeting, use the join code on the board.</p>
      <p>
        <Link href="/join">Join a session</Link>
      </p>
    </main>
  );
}
