/** A "show the rest" button that goes away once pressed: focus then goes to what it completed, not to the page. */
import type { RefObject } from 'preact';

export interface ShowMoreProps {
  label: string;
  onShow: () => void;
  /** The element the rest appears in; focused once it is drawn. */
  completes: RefObject<HTMLElement | null>;
  controls?: string;
  describedBy?: string;
}

export function ShowMore({ label, onShow, completes, controls, describedBy }: ShowMoreProps) {
  return (
    <button
      type="button"
      class="text-button show-more"
      aria-controls={controls}
      aria-describedby={describedBy}
      onClick={() => {
        onShow();
        requestAnimationFrame(() => completes.current?.focus());
      }}
    >
      {label}
    </button>
  );
}
