import { getPublicArea } from "@/lib/data/public/areas";
import { AppError } from "@/lib/errors";
import { CACHE, handleGet, preflight } from "../../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/wijken/{slug}: one wijk with its active groups. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleGet(request, "GET /api/v1/wijken/{slug}", CACHE.data, async () => {
    const { slug } = await params;
    const area = await getPublicArea(slug);
    if (!area) throw new AppError("not_found", "Er is geen wijk met deze naam.");
    return area;
  });
}

export function OPTIONS() {
  return preflight();
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/app/api/v1/_lib/http";
