"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { GeoChangeList, GeoImportPreview } from "@/lib/data/staff/geo-import";
import { GEO_IMPORT_KIND_LABELS, geoImportKinds, type GeoImportKind } from "@/lib/domain/geo-import-kinds";
import { routes } from "@/lib/routes";
import { FormStatus } from "@/components/ui/form-status";
import type { StatusMessage as Message } from "@/components/ui/use-action-form";

/** What is sent at most (after gzip); the server refuses more (lib/server/security.ts). */
const MAX_SENT_BYTES = 8 * 1024 * 1024;

const KIND_HINTS: Record<GeoImportKind, string> = {
  wijken: "Kolommen wijkcode en wijknaam, en voor buurten buurtcode en buurtnaam (één regel per buurt).",
  postcodes: "De CBS-tabel postcode-huisnummer-wijk-buurt (PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024), of een lijst postcode;wijkcode.",
  aantallen: "Kolommen wijkcode en het aantal woningen of adressen (CBS kerncijfers wijken en buurten).",
};

type Answer = { preview?: GeoImportPreview; saved?: boolean; error?: { code: string; message: string } };

/** The file as sent: gzipped when the browser can (a postcode table shrinks about tenfold). */
async function packed(file: File): Promise<Blob> {
  if (typeof CompressionStream === "undefined") return file;
  return new Response(file.stream().pipeThrough(new CompressionStream("gzip"))).blob();
}

function ChangeSection({ title, list, open }: { title: string; list: GeoChangeList; open?: boolean }) {
  if (list.count === 0) return null;
  return (
    <details className="rounded border-2 border-slate-300 p-3" open={open}>
      <summary className="cursor-pointer font-semibold">
        {title}: {list.count.toLocaleString("nl-NL")}
      </summary>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {list.items.map((item, i) => (
          <li key={i} className="[overflow-wrap:anywhere]">
            {item}
          </li>
        ))}
      </ul>
      {list.count > list.items.length ? <p className="mt-2 text-sm">En nog {(list.count - list.items.length).toLocaleString("nl-NL")}.</p> : null}
    </details>
  );
}

function lines(n: number) {
  return `${n.toLocaleString("nl-NL")} ${n === 1 ? "regel" : "regels"}`;
}

function PreviewView({ preview, headingRef }: { preview: GeoImportPreview; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const f = preview.file;
  const separator = f ? ({ ";": "puntkomma", ",": "komma", "\t": "tab" } as const)[f.delimiter] : "";
  const nothing = preview.added.count + preview.changed.count + preview.moved.count + preview.removed.count === 0;
  return (
    <section aria-labelledby="voorbeeld-titel" className="mt-6 space-y-3">
      <h2 id="voorbeeld-titel" ref={headingRef} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
        {preview.errorCount > 0 ? "Fouten in het bestand" : "Voorbeeld: dit verandert er"}
      </h2>
      {f ? (
        <p>
          Gelezen: {lines(f.dataLines)} ({f.encoding === "utf-8" ? "UTF-8" : "Windows-1252"}, gescheiden door {separator}
          {preview.format === "cbs" ? ", één regel per adres" : preview.format === "pc6" ? ", één regel per postcode" : ""}).
          {f.skippedOtherMunicipality.count > 0
            ? ` Overgeslagen: ${lines(f.skippedOtherMunicipality.count)} van een andere gemeente (zoals regel ${f.skippedOtherMunicipality.firstLines.join(", ")}).`
            : ""}
          {f.skippedOtherLevel.count > 0 ? ` Overgeslagen: ${lines(f.skippedOtherLevel.count)} over een gemeente of buurt in plaats van een wijk.` : ""}
        </p>
      ) : null}
      {preview.errorCount > 0 ? (
        <div>
          <Alert tone="error" title={`${preview.errorCount === 1 ? "Er staat 1 fout" : `Er staan ${preview.errorCount.toLocaleString("nl-NL")} fouten`} in het bestand. Er is niets opgeslagen.`}>
            <p>Verbeter het bestand en kies het opnieuw.</p>
          </Alert>
          <ul className="mt-3 list-disc space-y-1 pl-6" aria-label="Fouten per regel">
            {preview.errors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
          {preview.errorCount > preview.errors.length ? (
            <p className="mt-2">En nog {(preview.errorCount - preview.errors.length).toLocaleString("nl-NL")} fouten; de eerste {preview.errors.length} staan hierboven.</p>
          ) : null}
        </div>
      ) : (
        <>
          {nothing ? <p className="font-semibold">Er verandert niets: alles staat al zo.</p> : null}
          <ChangeSection title="Nieuw" list={preview.added} open />
          <ChangeSection title="Anders" list={preview.changed} open />
          <ChangeSection title="Naar een andere wijk" list={preview.moved} open />
          <ChangeSection title="Verdwijnt" list={preview.removed} open />
          <ChangeSection title="Blijft zoals het is (niet in het bestand)" list={preview.kept} />
          {preview.unchanged > 0 ? <p>Al goed: {preview.unchanged.toLocaleString("nl-NL")}.</p> : null}
          {preview.perArea && preview.perArea.length > 0 ? (
            <table className="mt-2 w-full max-w-xl border-collapse text-left">
              <caption className="text-left font-semibold">Postcodes per wijk</caption>
              <thead>
                <tr>
                  <th scope="col" className="border-b-2 border-slate-400 py-1 pr-3">Wijk</th>
                  <th scope="col" className="border-b-2 border-slate-400 py-1 pr-3 text-right">Nu</th>
                  <th scope="col" className="border-b-2 border-slate-400 py-1 text-right">Straks</th>
                </tr>
              </thead>
              <tbody>
                {preview.perArea.map((a) => (
                  <tr key={a.code}>
                    <th scope="row" className="border-b border-slate-200 py-1 pr-3 font-normal">
                      {a.name} ({a.code})
                    </th>
                    <td className="border-b border-slate-200 py-1 pr-3 text-right">{a.before.toLocaleString("nl-NL")}</td>
                    <td className="border-b border-slate-200 py-1 text-right">{a.after.toLocaleString("nl-NL")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
      {preview.notices.length > 0 ? (
        <details className="rounded border-2 border-slate-300 p-3">
          <summary className="cursor-pointer font-semibold">Opmerkingen (geen fouten): {preview.noticeCount.toLocaleString("nl-NL")}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {preview.notices.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/**
 * Upload → preview → confirm for one geography file. The file stays in the browser between
 * the two steps and is sent again with the confirm; the server reads and checks it again and
 * stores it only when the changes are those of the preview (its token).
 */
export function GeoImportForm({ municipalityId }: { municipalityId: string }) {
  const router = useRouter();
  const [kind, setKind] = useState<GeoImportKind>("postcodes");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [preview, setPreview] = useState<GeoImportPreview | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (preview && !message) headingRef.current?.focus();
  }, [preview, message]);

  async function send(step: "voorbeeld" | "opslaan"): Promise<{ status: number; answer: Answer } | null> {
    if (!file) return null;
    const body = await packed(file);
    if (body.size > MAX_SENT_BYTES) {
      setFileError("Dit bestand is te groot (meer dan 8 MB, ook ingepakt). Neem alleen de regels van uw gemeente.");
      return null;
    }
    const form = new FormData();
    form.set("soort", kind);
    form.set("gemeente", municipalityId);
    form.set("stap", step);
    if (step === "opslaan" && preview?.token) form.set("token", preview.token);
    form.set("bestand", body, file.name);
    const response = await fetch(routes.staff.geoImportUpload, { method: "POST", body: form });
    const answer = (await response.json().catch(() => ({}))) as Answer;
    return { status: response.status, answer };
  }

  async function onPreview(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    setSaved(false);
    setPreview(null);
    if (!file) {
      setFileError("Kies een bestand.");
      setMessage({ tone: "error", text: "Niet alles is goed ingevuld. Kijk naar de melding bij het bestand." });
      return;
    }
    setFileError(undefined);
    setPending(true);
    try {
      const result = await send("voorbeeld");
      if (!result) return;
      if (result.answer.preview) setPreview(result.answer.preview);
      else setMessage({ tone: "error", text: result.answer.error?.message ?? "Het lukt nu even niet. Probeer het over een paar minuten opnieuw." });
    } catch {
      setMessage({ tone: "error", text: "Het versturen lukte niet. Controleer de verbinding en probeer het opnieuw." });
    } finally {
      setPending(false);
    }
  }

  async function onConfirm() {
    setMessage(null);
    setPending(true);
    try {
      const result = await send("opslaan");
      if (!result) return;
      const { status, answer } = result;
      if (status === 200 && answer.saved) {
        setSaved(true);
        setPreview(null);
        setMessage({ tone: "success", text: `Opgeslagen: ${GEO_IMPORT_KIND_LABELS[kind].toLowerCase()} van het bestand ${file?.name ?? ""}.` });
        router.refresh();
        return;
      }
      if (answer.preview) setPreview(answer.preview);
      setMessage({ tone: "error", text: answer.error?.message ?? "Het lukt nu even niet. Probeer het over een paar minuten opnieuw." });
    } catch {
      setMessage({ tone: "error", text: "Het versturen lukte niet. Controleer de verbinding en probeer het opnieuw." });
    } finally {
      setPending(false);
    }
  }

  function startOver() {
    setPreview(null);
    setMessage(null);
    setSaved(false);
    setFile(null);
    if (inputRef.current) {
      inputRef.current.value = "";
      inputRef.current.focus();
    }
  }

  const fileId = "geo-import-file";
  const hintId = `${fileId}-hint`;
  const errorId = `${fileId}-error`;
  return (
    <div>
      <form method="post" onSubmit={onPreview} noValidate className="space-y-4">
        <FormStatus message={message} />
        <fieldset>
          <legend className="font-semibold">Wat staat er in het bestand?</legend>
          <div className="mt-2 space-y-2">
            {geoImportKinds.map((k) => (
              <div key={k} className="flex items-start gap-2">
                <input
                  id={`geo-kind-${k}`}
                  type="radio"
                  name="soort"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    setPreview(null);
                    setSaved(false);
                  }}
                  aria-describedby={`geo-kind-${k}-hint`}
                  className="mt-1 h-5 w-5"
                />
                <label htmlFor={`geo-kind-${k}`} className="min-w-0">
                  <span className="font-semibold">{GEO_IMPORT_KIND_LABELS[k]}</span>
                  <span id={`geo-kind-${k}-hint`} className="block text-sm text-slate-700 [overflow-wrap:anywhere]">
                    {KIND_HINTS[k]}
                  </span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={fileId} className="block font-semibold">
            CSV-bestand
          </label>
          <p id={hintId} className="text-sm text-slate-700">
            Puntkomma&apos;s of komma&apos;s, UTF-8 of Windows-1252 (zoals Excel het opslaat). Kolomnamen op de eerste regel.
          </p>
          {fileError ? (
            <p id={errorId} className="mt-1 font-semibold text-red-700">
              <span aria-hidden="true">⚠ </span>
              {fileError}
            </p>
          ) : null}
          <input
            ref={inputRef}
            id={fileId}
            name="bestand"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setPreview(null);
              setSaved(false);
              setFileError(undefined);
            }}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[hintId, fileError ? errorId : ""].filter(Boolean).join(" ")}
            className={`mt-1 block w-full rounded border-2 px-3 py-2 text-base ${fileError ? "border-red-700" : "border-slate-600"}`}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending && !preview ? "Bezig met lezen…" : "Bekijk wat er verandert"}
        </Button>
      </form>

      {preview ? <PreviewView preview={preview} headingRef={headingRef} /> : null}
      {preview ? (
        <div className="mt-4 flex flex-wrap gap-3">
          {preview.token ? (
            <Button type="button" onClick={onConfirm} disabled={pending}>
              {pending ? "Bezig met opslaan…" : "Bevestig en sla op"}
            </Button>
          ) : null}
          <Button type="button" variant="secondary" onClick={startOver} disabled={pending}>
            Kies een ander bestand
          </Button>
        </div>
      ) : null}
      {saved ? (
        <p className="mt-4">
          <a href={`${routes.staff.areas}?gemeente=${municipalityId}`}>Terug naar de wijken</a>
        </p>
      ) : null}
    </div>
  );
}
