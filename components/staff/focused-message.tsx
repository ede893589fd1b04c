"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A message the page shows after an action (kept in the URL, so it outlives the refresh), that
 * takes the focus when it appears or changes: the form that had the focus is gone by then, and
 * without this a keyboard or screen-reader user would be sent back to the top of the page.
 */
export function FocusedMessage({ focusKey, children }: { focusKey: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div ref={ref} tabIndex={-1} className="mt-4 focus:outline-none">
      {children}
    </div>
  );
}
