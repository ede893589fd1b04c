"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import type { StatusMessage as Message } from "./use-action-form";

/** The answer to a form, announced and focused so keyboard and screen-reader users notice it. */
export function FormStatus({ message }: { message: Message | null }) {
  const ref = useRef<HTMLDivElement>(null);
  // Marks the form as interactive (tests wait for it before submitting).
  const hydrated = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="focus:outline-none" data-hydrated={hydrated ? "true" : undefined}>
      {message ? <Alert tone={message.tone} title={message.text} /> : null}
    </div>
  );
}
