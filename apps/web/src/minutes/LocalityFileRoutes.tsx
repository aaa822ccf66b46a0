import './minutes.css';
import { SignedInPage } from '../components/SignedInPage';
import { LocalityFile } from './LocalityFile';
import { MinutesPage } from './MinutesPage';

/** "/locality-file" and "/locality-file/:id" (issue 12): one lazy chunk for the locality file's pages. */
export default function LocalityFileRoutes({ id }: { id?: string }) {
  return <SignedInPage action="minutes.read">{id ? <MinutesPage id={id} /> : <LocalityFile />}</SignedInPage>;
}
