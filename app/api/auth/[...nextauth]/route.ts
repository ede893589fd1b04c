/**
 * Auth.js's endpoints: the callback that turns a sign-in link (or an OpenID Connect answer)
 * into a session, sign-out, CSRF and session look-ups.
 *
 * Asking for a sign-in link goes only through /inloggen (a server action with rate limits), so
 * Auth.js's own "send a link" endpoint is closed here.
 *
 * A callbackUrl that does not lead to this site (query or cookie) is replaced before Auth.js
 * sees it, which would otherwise answer it with a 500 (lib/auth/callback-url.ts).
 */
import { NextRequest } from "next/server";
import { withSafeCallbackUrl } from "@/lib/auth/callback-url";
import { AUTH_BASE_PATH, EMAIL_PROVIDER_ID } from "@/lib/auth/config";
import { handlers } from "@/lib/auth/next-auth";

function forAuthJs(request: NextRequest): Promise<NextRequest> {
  return withSafeCallbackUrl(request, (url, init) => new NextRequest(url, { ...init, signal: request.signal }));
}

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(await forAuthJs(request));
}

export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.replace(/\/+$/, "") === `${AUTH_BASE_PATH}/signin/${EMAIL_PROVIDER_ID}`) {
    return Response.json(
      { error: { code: "not_found", message: "Vraag een inloglink aan op de pagina /inloggen." } },
      { status: 404, headers: { "cache-control": "no-store" } },
    );
  }
  return handlers.POST(await forAuthJs(request));
}
