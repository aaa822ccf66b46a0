import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../router';

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** A real link that moves within the app without a reload; modified clicks still open a new tab. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
  }
  return <a href={href} onClick={handleClick} {...rest} />;
}
