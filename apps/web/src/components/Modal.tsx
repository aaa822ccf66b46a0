import { type ReactNode, type RefObject, useEffect, useRef } from 'react';

/**
 * A real modal: a `<dialog>` opened with showModal (the rest of the page is inert, Escape closes it), focus moved
 * into it on opening and given back to where it was on closing. `initialFocus` names the control to start on (the
 * safe answer, such as Keep going); without it the first control in the dialog takes focus.
 */
export function Modal({
  open,
  onClose,
  labelledBy,
  describedBy,
  initialFocus,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const closing = useRef(onClose);
  closing.current = onClose;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      initialFocus?.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open, initialFocus]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Escape (the dialog's cancel), a form's method="dialog" and close() all end here.
    const closed = () => {
      closing.current();
      const back = returnTo.current;
      returnTo.current = null;
      if (back?.isConnected) back.focus();
    };
    element.addEventListener('close', closed);
    return () => element.removeEventListener('close', closed);
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
    >
      {open && children}
    </dialog>
  );
}
