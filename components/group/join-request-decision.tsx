"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { NETWORK_FAILURE, type ActionResult } from "@/components/ui/action-result";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { checkWithSchema } from "@/components/ui/schema-check";
import type { JoinRequestDecisionFormInput } from "@/lib/validation/join-request";

/** The shared schema, loaded when a decision is first made (not with the page). */
const decisionSchema = () => import("@/lib/validation/join-request").then((m) => m.joinRequestDecisionSchema);

/**
 * Accept or decline one join request, with an optional message to the resident. Declining asks
 * to confirm first. When done, the page shows a confirmation (`?afgehandeld=`) and the request
 * moves to the list of handled requests.
 */
export function JoinRequestDecisionForm({
  groupId,
  requestId,
  residentName,
  action,
}: {
  groupId: string;
  requestId: string;
  residentName: string;
  action: (input: JoinRequestDecisionFormInput & { groupId: string; requestId: string }) => Promise<ActionResult<{ status: string }>>;
}) {
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [confirmDecline, setConfirmDecline] = useState(false);
  const router = useRouter();
  const fieldId = `decision-message-${requestId}`;

  async function decide(decision: "accept" | "decline") {
    setError(null);
    // Without the browser's check (the script did not load), the server checks alone.
    const problems = await checkWithSchema(decisionSchema, { decision, message });
    const problem = problems ? Object.values(problems)[0] : undefined;
    if (problem !== undefined) {
      setFieldError(problem);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setFieldError(undefined);
    if (decision === "decline" && !confirmDecline) return setConfirmDecline(true);
    setBusy(true);
    const result = await action({ decision, message, groupId, requestId }).catch(() => NETWORK_FAILURE);
    setBusy(false);
    setConfirmDecline(false);
    if (!result.ok) {
      setFieldError(result.fieldErrors?.message);
      return setError(result.message);
    }
    // No name in the address bar: the page says which kind of decision, the list below says whom.
    router.replace(`?afgehandeld=${decision === "accept" ? "geaccepteerd" : "afgewezen"}`, { scroll: true });
  }

  return (
    <div className="space-y-3" onFocus={() => void decisionSchema().catch(() => undefined)}>
      {error ? <FormMessage tone="error" title={error} /> : null}
      <TextAreaField
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
        {!confirmDecline ? (
          <Button type="button" variant="secondary" onClick={() => decide("decline")} disabled={busy} aria-label={`Afwijzen: ${residentName}`}>
            Afwijzen
          </Button>
        ) : null}
      </div>
      {confirmDecline ? (
        <div role="group" aria-label={`Afwijzen bevestigen: ${residentName}`} className="flex flex-wrap items-center gap-2 rounded border-2 border-red-700 p-3">
          <span className="font-semibold">Weet u zeker dat u de aanmelding van {residentName} wilt afwijzen? De bewoner krijgt een e-mail.</span>
          <Button type="button" variant="danger" onClick={() => decide("decline")} disabled={busy} autoFocus>
            {busy ? "Bezig…" : "Ja, afwijzen"}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirmDecline(false)} disabled={busy}>
            Annuleren
          </Button>
        </div>
      ) : null}
    </div>
  );
}
