/**
 * Auth.js's endpoints: the callback that turns a sign-in link (or an OpenID Connect answer)
 * into a session, sign-out, CSRF and session look-ups.
 *
 * Asking for a sign-in link goes only through /inloggen (a server action with rate limits), so
 * Auth.js's own "send a link" endpoint is closed here.
 */
import type { NextRequest } from "next/server";
import { AUTH_BASE_PATH, EMAIL_PROVIDER_ID } from "@/lib/auth/config";
import { handlers } from "@/lib/auth/next-auth";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.replace(/\/+$/, "") === `${AUTH_BASE_PATH}/signin/${EMAIL_PROVIDER_ID}`) {
    return Response.json(
      { error: { code: "not_found", message: "Vraag een inloglink aan op de pagina /inloggen." } },
      { status: 404, headers: { "cache-control": "no-store" } },
    );
  }
  return handlers.POST(request);
}
