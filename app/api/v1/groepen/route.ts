import { lookupAddress } from "@/lib/data/public/lookup";
import { AppError } from "@/lib/errors";
import { addressLookupQuerySchema } from "@/lib/validation";
import { zodFieldErrors } from "@/lib/actions";
import { CACHE, handleGet, preflight, queryValue } from "../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/groepen?postcode=2922AB&huisnummer=12&toevoeging=: the groups for one address. */
export async function GET(request: Request) {
  return handleGet(request, "GET /api/v1/groepen", CACHE.lookup, async () => {
    const url = new URL(request.url);
    const parsed = addressLookupQuerySchema.safeParse({
      postcode: queryValue(url, "postcode") ?? "",
      huisnummer: queryValue(url, "huisnummer") ?? "",
      toevoeging: queryValue(url, "toevoeging"),
    });
    if (!parsed.success) {
      throw new AppError("bad_request", "Controleer de postcode en het huisnummer.", {
        fieldErrors: zodFieldErrors(parsed.error),
      });
    }
    return lookupAddress(parsed.data);
  });
}

export function OPTIONS() {
  return preflight();
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/app/api/v1/_lib/http";
