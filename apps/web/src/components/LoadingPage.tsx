import { ErrorAlert } from './ErrorAlert';

/** The whole page while its first data loads, or when it could not. */
export function LoadingPage({ error }: { error?: string }) {
  return (
    <main className="page narrow">
      <h1>{error ? 'Something went wrong' : 'Loading…'}</h1>
      <ErrorAlert message={error} />
      {error && (
        <p>
          <a href={window.location.pathname}>Reload the page</a>
        </p>
      )}
    </main>
  );
}
