import { SignedInPage } from '../components/SignedInPage';
import { SessionsPage } from './SessionsPage';

/** "/sessions": the sessions list on its own address, for the header link. */
export default function SessionsRoute() {
  return (
    <SignedInPage>
      <SessionsPage />
    </SignedInPage>
  );
}
