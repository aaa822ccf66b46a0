import { allowedOnCase, type CaseAccessTarget, findingKey, type PersonalDataFinding } from '@consultboard/domain';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { apiGet, apiPost } from '../api';
import { useActor } from '../components/UserContext';

/** What the server keeps about a case's findings: dismissed keys, and which places still have some to check. */
export interface PrivacyView {
  dismissed: string[];
  toCheck: { place: string; count: number }[];
}

export interface CasePrivacy {
  caseId: string;
  reference: string;
  dismissed: ReadonlySet<string>;
  toCheck: PrivacyView['toCheck'];
  /** Whether this person may say "This is not personal". */
  mayDismiss: boolean;
  /** "This is not personal": stored on the server, which recounts "Personal data to check". */
  dismiss: (finding: Pick<PersonalDataFinding, 'kind' | 'text'>) => Promise<void>;
  /** Asks the server again (after a save, which recounts what is to check). */
  refresh: () => void;
}

const PrivacyContext = createContext<CasePrivacy | null>(null);

/** The privacy guard of the case the page shows, or null outside a case page (the live console has its own). */
export const useCasePrivacy = () => useContext(PrivacyContext);

/** Holds one case's privacy state for every field, notice and export on its page. */
export function CasePrivacyProvider({
  caseId,
  reference,
  target,
  stamp,
  children,
}: {
  caseId: string;
  reference: string;
  target: CaseAccessTarget;
  /** The case's `updatedAt`: a save of the case (which recounts on the server) asks again. */
  stamp?: number;
  children: ReactNode;
}) {
  const actor = useActor();
  const path = `/api/cases/${encodeURIComponent(caseId)}/privacy`;
  const [view, setView] = useState<PrivacyView>({ dismissed: [], toCheck: [] });
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    // `asked` and `stamp` re-run this after a save.
    void asked;
    void stamp;
    apiGet<PrivacyView>(path).then(
      (body) => current && setView(body),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [path, asked, stamp]);

  const dismiss = useCallback(
    async (finding: Pick<PersonalDataFinding, 'kind' | 'text'>) => {
      // Hidden at once; the server's answer (with the recount) follows.
      setView((current) => ({ ...current, dismissed: [...current.dismissed, findingKey(finding)] }));
      setView(await apiPost<PrivacyView>(`${path}/dismissals`, { kind: finding.kind, text: finding.text }));
    },
    [path],
  );
  const refresh = useCallback(() => setAsked((count) => count + 1), []);
  const mayDismiss = allowedOnCase(actor, 'privacy.dismiss', target);
  const value = useMemo(
    () => ({
      caseId,
      reference,
      dismissed: new Set(view.dismissed),
      toCheck: view.toCheck,
      mayDismiss,
      dismiss,
      refresh,
    }),
    [caseId, reference, view, mayDismiss, dismiss, refresh],
  );
  return <PrivacyContext.Provider value={value}>{children}</PrivacyContext.Provider>;
}
