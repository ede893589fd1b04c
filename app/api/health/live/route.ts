export const dynamic = "force-dynamic";

const BODY = JSON.stringify({ status: "ok" });

/**
 * Liveness: the process answers. Touches nothing else, and is the cheapest answer the
 * framework can give (a plain Response, no NextResponse): the benchmark's framework floor.
 */
export function GET() {
  return new Response(BODY, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
