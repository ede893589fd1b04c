"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { checkWithSchema } from "@/components/ui/schema-check";
import { FormStatus } from "@/components/ui/form-status";
import type { StatusMessage as Message } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";

/** The shared schema, loaded when a file is sent (not with the page). */
const importSchema = () => import("@/lib/validation/staff").then((m) => m.boundaryImportSchema);

interface ImportResult {
  updated: string[];
  unknown: string[];
  missing: string[];
}

/**
 * Upload the wijk boundaries: a GeoJSON file of the CBS wijk- en buurtkaart (PDOK). The browser
 * reads the file and sends its text; the server checks, converts and simplifies it.
 */
export function BoundaryImportForm({
  idPrefix,
  municipalityId,
  action,
}: {
  idPrefix: string;
  municipalityId: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `${idPrefix}-file`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    const text = file ? await file.text() : "";
    // Without the browser's check (the script did not load), the server checks alone.
    const problems = await checkWithSchema(importSchema, { geojson: text });
    const problem = problems ? Object.values(problems)[0] : undefined;
    if (problem !== undefined) {
      setError(problem);
      setMessage({ tone: "error", text: "Niet alles is goed ingevuld. Kijk naar de melding bij het bestand." });
      return;
    }
    setError(undefined);
    startTransition(async () => {
      const result = await action({ geojson: text, municipalityId });
      if (!result.ok) {
        setError(result.fieldErrors?.file ?? result.fieldErrors?.geojson);
        setMessage({ tone: "error", text: result.message });
        return;
      }
      const data = result.data as ImportResult;
      const parts = [`De grenzen van ${data.updated.length} ${data.updated.length === 1 ? "wijk zijn" : "wijken zijn"} opgeslagen.`];
      if (data.unknown.length > 0) parts.push(`Niet van uw gemeente, overgeslagen: ${data.unknown.join(", ")}.`);
      if (data.missing.length > 0) parts.push(`Geen grens in het bestand voor: ${data.missing.join(", ")}.`);
      setMessage({ tone: "success", text: parts.join(" ") });
      router.refresh();
    });
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormStatus message={message} />
      <div>
        <label htmlFor={id} className="block font-semibold">
          GeoJSON-bestand met wijkgrenzen
        </label>
        <p id={hintId} className="text-sm text-slate-700">
          Het bestand van de CBS wijk- en buurtkaart (PDOK), met per wijk de wijkcode (zoals WK054201). Coördinaten in WGS84 of
          RD. Hoogstens 900 kB. Alleen wijken die hier al staan krijgen een grens.
        </p>
        {error ? (
          <p id={errorId} className="mt-1 font-semibold text-red-700">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        ) : null}
        <input
          id={id}
          name="file"
          type="file"
          accept=".json,.geojson,application/geo+json,application/json"
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
          className={`mt-1 block w-full rounded border-2 px-3 py-2 text-base ${error ? "border-red-700" : "border-slate-600"}`}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Bezig…" : "Lees de wijkgrenzen in"}
      </Button>
    </form>
  );
}
