import { gunzipSync } from "node:zlib";
import { revalidatePath } from "next/cache";
import { can, getCurrentUser } from "@/lib/auth";
import { confirmGeoImport, previewGeoImport } from "@/lib/data/staff/geo-import";
import { AppError, fromDatabaseError, isAppError } from "@/lib/errors";
import { routes } from "@/lib/routes";
import { MAX_GEO_IMPORT_BODY_BYTES } from "@/lib/server/security";
import { logger } from "@/lib/server/logger";
import { geoImportRequestSchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

/** The most a gzipped file may unpack to (a postcode table of a large city is about 20 MB). */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const refuse = (code: string, message: string, status: number, extra: Record<string, unknown> = {}) => json({ error: { code, message }, ...extra }, status);

/**
 * POST a geography file (multipart form: soort, gemeente, stap, token, bestand) for the import
 * of /beheer/wijken/import: `stap=voorbeeld` answers what would change, `stap=opslaan` (with the
 * preview's token and the same file) stores it when nothing changed since. A route handler, not
 * a server action, because a postcode table is larger than the 1 MB a server action may take
 * (lib/server/security.ts GEO_IMPORT_PATH). The browser sends the file gzipped when it can.
 *
 * Answers JSON: 200 with the preview (or the saved result); 400 when the file has bad lines
 * (with the preview naming them) or the fields are wrong; 409 when the changes differ from the
 * preview (with the new preview); 404 for anyone who may not import for this municipality.
 */
export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!can(user, "area.edit")) return refuse("not_found", new AppError("not_found").message, 404);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > MAX_GEO_IMPORT_BODY_BYTES) {
    return refuse("too_large", "Het bestand is te groot (meer dan 8 MB, ook ingepakt). Lees het in delen in of neem alleen de regels van uw gemeente.", 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse("bad_request", "Kies een bestand en probeer het opnieuw.", 400);
  }
  const fields = geoImportRequestSchema.safeParse({
    soort: form.get("soort") ?? undefined,
    gemeente: form.get("gemeente") ?? undefined,
    stap: form.get("stap") ?? undefined,
    token: form.get("token") || undefined,
  });
  if (!fields.success) return refuse("bad_request", fields.error.issues[0]?.message ?? "Niet alles is goed ingevuld.", 400);
  const { soort: kind, gemeente: municipalityId, stap: step, token } = fields.data;

  const file = form.get("bestand");
  let bytes: Uint8Array;
  if (typeof file === "string") bytes = new TextEncoder().encode(file);
  else if (file instanceof Blob) bytes = new Uint8Array(await file.arrayBuffer());
  else return refuse("bad_request", "Kies een bestand.", 400);
  if (bytes.length === 0) return refuse("bad_request", "Het bestand is leeg. Kies het bestand met de gegevens.", 400);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = new Uint8Array(gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES }));
    } catch {
      return refuse("bad_request", "Het bestand kon niet worden uitgepakt, of is groter dan 200 MB. Kies het CSV-bestand zelf.", 400);
    }
  }

  try {
    if (step === "voorbeeld") {
      const preview = await previewGeoImport(user, { kind, municipalityId, bytes });
      if (preview.errorCount > 0) return refuse("bad_request", errorsMessage(preview.errorCount), 400, { preview });
      return json({ preview });
    }
    if (!token) return refuse("bad_request", "Bekijk eerst het voorbeeld en bevestig dan.", 400);
    const outcome = await confirmGeoImport(user, { kind, municipalityId, bytes, token });
    if (outcome.status === "invalid") return refuse("bad_request", `${errorsMessage(outcome.preview.errorCount)} Er is niets opgeslagen.`, 400, { preview: outcome.preview });
    if (outcome.status === "changed") {
      return refuse(
        "conflict",
        "Er is intussen iets veranderd aan de wijken (of het bestand is een ander). Er is niets opgeslagen. Bekijk het nieuwe voorbeeld en bevestig opnieuw.",
        409,
        { preview: outcome.preview },
      );
    }
    revalidatePath(routes.staff.areas);
    revalidatePath(routes.areas);
    return json({ saved: true, preview: outcome.preview });
  } catch (error) {
    const mapped = fromDatabaseError(error);
    if (isAppError(mapped)) return refuse(mapped.code, mapped.message, mapped.status);
    logger.error("Geography import failed", error);
    return refuse("unavailable", new AppError("unavailable").message, 503);
  }
}

function errorsMessage(count: number): string {
  return count === 1 ? "Er staat 1 fout in het bestand." : `Er staan ${count} fouten in het bestand.`;
}
