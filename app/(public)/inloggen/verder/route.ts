/**
 * Where Auth.js sends someone who just signed in: on to the page they came from (`terug`, a
 * path on this site) or to the start page of their role.
 */
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getCurrentUser, startPathFor } from "@/lib/auth";
import { safeReturnPath } from "@/lib/validation";
import { routes } from "@/lib/routes";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<never> {
  const user = await getCurrentUser();
  const returnTo = safeReturnPath(request.nextUrl.searchParams.get("terug"));
  if (!user) redirect(returnTo ? `${routes.signIn}?terug=${encodeURIComponent(returnTo)}` : routes.signIn);
  redirect(returnTo ?? startPathFor(user));
}
