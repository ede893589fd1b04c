import { getPublicGroup } from "@/lib/data/public/groups";
import { AppError } from "@/lib/errors";
import { CACHE, handleGet, preflight } from "../../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/groepen/{slug}: one active group. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleGet(request, "GET /api/v1/groepen/{slug}", CACHE.data, async () => {
    const { slug } = await params;
    const group = await getPublicGroup(slug);
    if (!group) throw new AppError("not_found", "Er is geen actieve groep met deze naam.");
    return group;
  });
}

export function OPTIONS() {
  return preflight();
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/app/api/v1/_lib/http";
