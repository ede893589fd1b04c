"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { NETWORK_FAILURE, type ActionResult } from "@/components/ui/action-result";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A button for a small action on one thing (remove an address, withdraw a request): asks once
 * to confirm in the page itself (no browser dialog), then runs the server action and refreshes.
 */
export function ConfirmActionButton({
  label,
  srLabel,
  confirmQuestion,
  confirmLabel,
  action,
  payload,
  successMessage,
  redirectTo,
  variant = "secondary",
}: {
  label: string;
  /** Extra words for screen readers, e.g. which address. */
  srLabel?: string;
  confirmQuestion: string;
  confirmLabel: string;
  action: (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
  payload: Record<string, unknown>;
  successMessage?: string;
  redirectTo?: string;
  variant?: "secondary" | "danger";
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function run() {
    setBusy(true);
    const result = await action(payload).catch(() => NETWORK_FAILURE);
    setBusy(false);
    setAsking(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.message });
    setMessage(successMessage ? { tone: "success", text: successMessage } : null);
    if (redirectTo) router.push(redirectTo);
    else router.refresh();
  }

  return (
    <div className="space-y-2">
      {message ? <FormMessage tone={message.tone} title={message.text} /> : null}
      {asking ? (
        <div role="group" aria-label={confirmQuestion} className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{confirmQuestion}</span>
          <Button type="button" variant="danger" className="min-h-9 px-3 py-1" onClick={run} disabled={busy} autoFocus>
            {busy ? "Bezig…" : confirmLabel}
          </Button>
          <Button type="button" variant="secondary" className="min-h-9 px-3 py-1" onClick={() => setAsking(false)} disabled={busy}>
            Annuleren
          </Button>
        </div>
      ) : (
        <Button type="button" variant={variant} className="min-h-9 px-3 py-1" onClick={() => setAsking(true)}>
          {label}
          {srLabel ? <span className="sr-only"> {srLabel}</span> : null}
        </Button>
      )}
    </div>
  );
}
