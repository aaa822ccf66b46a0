import type { ServiceLink } from '@consultboard/domain';

/**
 * Issue 13: what a Resource card linked to the directory shows under its words, on the phone, the console and the
 * projector: the service's name (when the card's words are not just that) and how to access it.
 */
export function ServiceLine({ card, className }: { card: { text: string; service: ServiceLink }; className: string }) {
  const { name, access } = card.service;
  const named = card.text.trim().toLowerCase() !== name.trim().toLowerCase();
  return (
    <p className={className}>
      {named && <>From the directory: {name}. </>}
      <span className="service-label">How to access:</span> {access}
    </p>
  );
}
