import { can, getCurrentUser } from "@/lib/auth";
import { exportPersonalData } from "@/lib/data/platform/privacy-export";
import { formDataToObject } from "@/lib/actions";
import { privacyLookupSchema } from "@/lib/validation/privacy";

export const dynamic = "force-dynamic";

/**
 * "Exporteren" on /beheer/privacy: everything stored about one e-mail address, as a JSON file.
 * A POST (the address stays out of URLs and server logs); platform admins only, anyone else
 * gets 404. The export is written to the audit log (lib/data/platform/privacy-export.ts).
 */
/** The export is a POST only: an address in a URL ends up in histories and logs. */
export function GET(): Response {
  return new Response("Niet gevonden", { status: 404 });
}

export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!can(user, "privacy.manage")) return new Response("Niet gevonden", { status: 404 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return badRequest("Vul een e-mailadres in.");
  }
  const parsed = privacyLookupSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return badRequest(parsed.error.issues[0]?.message ?? "Vul een e-mailadres in.");
  const data = await exportPersonalData(user, parsed.data.email);
  const day = data.exportedAt.slice(0, 10);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // No address in the file name: downloads folders and browser histories keep it.
      "Content-Disposition": `attachment; filename="persoonsgegevens-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}

function badRequest(message: string): Response {
  return new Response(`${message} Ga terug en probeer het opnieuw.`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
