"use client";

import { formatAddress, isDomainError, parseAddressList, summarizeAddressList, type AddressListLine } from "@/lib/domain";

const SHOWN_OK_LINES = 100;

export type AddressListPreviewState =
  | { kind: "empty" }
  | { kind: "failed"; message: string }
  | { kind: "parsed"; lines: AddressListLine[] };

/** Reads the list in the browser with the same rules the server uses (parseAddressList). */
export function previewAddressList(text: string): AddressListPreviewState {
  if (text.trim() === "") return { kind: "empty" };
  try {
    return { kind: "parsed", lines: parseAddressList(text) };
  } catch (error) {
    if (isDomainError(error)) return { kind: "failed", message: error.message };
    throw error;
  }
}

/** The number of different correct addresses in a preview (0 when it is empty or failed). */
export function distinctAddressCount(state: AddressListPreviewState): number {
  return state.kind === "parsed" ? summarizeAddressList(state.lines).distinct : 0;
}

/**
 * What each line of a pasted or uploaded list becomes, before anything is saved: lines with an
 * error first (all of them), then the first correct ones.
 */
export function AddressListPreview({ state, id }: { state: AddressListPreviewState; id: string }) {
  if (state.kind === "empty") return null;
  if (state.kind === "failed") {
    return (
      <div id={id} role="status" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3">
        <p className="font-semibold">
          <span aria-hidden="true">⚠ </span>
          {state.message}
        </p>
      </div>
    );
  }
  const summary = summarizeAddressList(state.lines);
  const errors = state.lines.filter((l) => !l.ok && !l.street);
  const streetLines = state.lines.filter((l) => !l.ok && l.street).slice(0, SHOWN_OK_LINES);
  const ok = state.lines.filter((l) => l.ok).slice(0, SHOWN_OK_LINES);
  return (
    <div id={id} role="status" className="space-y-3 rounded border-2 border-slate-300 p-4">
      <p className="font-semibold">
        {summary.distinct} {summary.distinct === 1 ? "adres" : "adressen"} gevonden
        {summary.duplicates > 0 ? `, ${summary.duplicates} dubbel (telt één keer)` : ""}
        {summary.streetLines > 0 ? `, ${summary.streetLines} met straat en huisnummer (postcode zoeken we op bij het opslaan)` : ""}
        {summary.errors > 0 ? `, ${summary.errors} ${summary.errors === 1 ? "regel" : "regels"} met een fout` : ", geen fouten"}.
      </p>
      {summary.errors > 0 ? (
        <p className="font-semibold text-red-700">
          <span aria-hidden="true">⚠ </span>Verbeter of verwijder de regels met een fout. Pas daarna kunt u de adressen opslaan.
        </p>
      ) : null}
      <div className="relative max-h-96 overflow-auto" tabIndex={0} role="region" aria-label="Resultaat per regel">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Resultaat per regel</caption>
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="py-1 pr-3">Regel</th>
              <th scope="col" className="py-1 pr-3">Resultaat</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((line) => (
              <tr key={`e${line.line}`} className="border-b border-slate-200 bg-red-50">
                <td className="py-1 pr-3 align-top">{line.line}</td>
                <td className="py-1 pr-3 text-red-800">
                  <strong>Fout:</strong> {line.ok ? "" : line.error}
                </td>
              </tr>
            ))}
            {streetLines.map((line) =>
              !line.ok && line.street ? (
                <tr key={`s${line.line}`} className="border-b border-slate-200">
                  <td className="py-1 pr-3 align-top">{line.line}</td>
                  <td className="py-1 pr-3">
                    {line.street.street} {line.street.houseNumber}
                    {line.street.addition ? ` ${line.street.addition}` : ""} (postcode zoeken we op bij het opslaan)
                  </td>
                </tr>
              ) : null,
            )}
            {ok.map((line) =>
              line.ok ? (
                <tr key={`o${line.line}`} className="border-b border-slate-200">
                  <td className="py-1 pr-3 align-top">{line.line}</td>
                  <td className="py-1 pr-3">
                    <span aria-hidden="true">✓ </span>
                    {formatAddress(line.address)}
                    {line.duplicateOf !== undefined ? ` (dubbel, staat ook op regel ${line.duplicateOf})` : ""}
                  </td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      </div>
      {summary.valid > SHOWN_OK_LINES ? (
        <p className="text-sm">De eerste {SHOWN_OK_LINES} goede regels staan hierboven; de rest is ook goed.</p>
      ) : null}
    </div>
  );
}

/** Reads a chosen .csv or .txt file as text (at most 2 MB). */
export async function readListFile(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > 2_000_000) return { ok: false, message: "Dit bestand is te groot (meer dan 2 MB). Verdeel de lijst in delen." };
  const text = await file.text();
  if (text.includes("\u0000")) return { ok: false, message: "Dit bestand kunnen we niet lezen. Sla het op als CSV of als tekst en probeer het opnieuw." };
  return { ok: true, text };
}
