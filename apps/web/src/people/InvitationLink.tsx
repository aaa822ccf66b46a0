import type { InvitationView } from '@consultboard/domain';
import { useId, useRef, useState } from 'react';
import { formatDateTime } from '../format';

/** The invitation link, shown this once: the server keeps only its hash, so it cannot be shown again. */
export function InvitationLink({ invitation }: { invitation: InvitationView }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const expires = formatDateTime(invitation.expiresAt);

  async function copy() {
    try {
      await navigator.clipboard.writeText(invitation.inviteUrl);
      setCopied('Link copied.');
    } catch {
      // Without clipboard access, select the text so Ctrl+C copies it.
      input.current?.select();
      setCopied('Could not copy: the link is selected, press Ctrl+C to copy it.');
    }
  }

  return (
    <div className="notice stack invitation">
      <p>
        <strong>Invitation for {invitation.person.name} created.</strong> Send them this link. It will not be shown
        again, and it works once, until {expires}.
      </p>
      <div className="field">
        <label htmlFor={id}>Invitation link</label>
        <input id={id} ref={input} readOnly value={invitation.inviteUrl} className="invitation-url" />
      </div>
      <div className="button-row">
        <button type="button" className="button secondary" onClick={copy}>
          Copy link
        </button>
        <span role="status">{copied}</span>
      </div>
    </div>
  );
}
