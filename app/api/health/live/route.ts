import { getEnv } from "@/lib/env";
import { apiSecurityHeaders } from "@/lib/server/security";

export const dynamic = "force-dynamic";

const BODY = JSON.stringify({ status: "ok" });
let headers: { appUrl: string; value: Record<string, string> } | undefined;

/**
 * Liveness: the process answers. Touches nothing else, and is the cheapest answer the
 * framework can give (a plain Response, no NextResponse): the benchmark's framework floor.
 */
export function GET() {
  // proxy.ts does not run here (see its matcher): the security headers are the route's own.
  const appUrl = getEnv().appUrl;
  if (headers?.appUrl !== appUrl) {
    headers = { appUrl, value: { "Content-Type": "application/json", "Cache-Control": "no-store", ...apiSecurityHeaders(appUrl) } };
  }
  return new Response(BODY, { headers: headers.value });
}
