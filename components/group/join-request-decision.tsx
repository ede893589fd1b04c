"use client";

import { useState } from "react";
import { NETWORK_FAILURE, type ClientActionResult } from "@/components/forms/action-result";
import { FormMessage, TextArea } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { joinRequestDecisionSchema, type JoinRequestDecisionFormInput } from "@/lib/validation";

/** Accept or decline one join request, with an optional message to the resident. */
export function JoinRequestDecisionForm({
  groupId,
  requestId,
  residentName,
  action,
}: {
  groupId: string;
  requestId: string;
  residentName: string;
  action: (input: JoinRequestDecisionFormInput & { groupId: string; requestId: string }) => Promise<ClientActionResult<{ status: string }>>;
}) {
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const fieldId = `decision-message-${requestId}`;

  async function decide(decision: "accept" | "decline") {
    setError(null);
    const parsed = joinRequestDecisionSchema.safeParse({ decision, message });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    const result = await action({ decision, message, groupId, requestId }).catch(() => NETWORK_FAILURE);
    setBusy(false);
    if (!result.ok) {
      setFieldError(result.fieldErrors?.message);
      return setError(result.message);
    }
    setDone(decision === "accept" ? `${residentName} is geaccepteerd en krijgt een e-mail.` : `De aanmelding van ${residentName} is afgewezen. Er gaat een e-mail naar de bewoner.`);
  }

  if (done) return <FormMessage tone="success" title={done} />;
  return (
    <div className="space-y-3">
      {error ? <FormMessage tone="error" title={error} /> : null}
      <TextArea
        id={fieldId}
        label="Bericht aan de bewoner (niet verplicht)"
        hint="Bijvoorbeeld waarom u de aanmelding afwijst. Dit komt in de e-mail."
        rows={2}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        error={fieldError}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={() => decide("accept")} disabled={busy} aria-label={`Accepteren: ${residentName}`}>
          Accepteren
        </Button>
        <Button type="button" variant="secondary" onClick={() => decide("decline")} disabled={busy} aria-label={`Afwijzen: ${residentName}`}>
          Afwijzen
        </Button>
      </div>
    </div>
  );
}
