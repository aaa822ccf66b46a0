import type { ReactNode } from 'react';

/**
 * A console button that stays focusable when it cannot act now (`aria-disabled` rather than `disabled`): after
 * Next stage at the last stage, or Next case at the last case, focus stays on the button instead of falling to the
 * page, and a keyboard user carries on from where they were.
 */
export function ControlButton({
  unavailable,
  onPress,
  className = 'secondary',
  id,
  children,
}: {
  unavailable: boolean;
  onPress: () => void;
  className?: string;
  id?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      id={id}
      className={`button ${className}`}
      aria-disabled={unavailable || undefined}
      onClick={() => {
        if (!unavailable) onPress();
      }}
    >
      {children}
    </button>
  );
}
