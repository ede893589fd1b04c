export const dynamic = "force-dynamic";

const BODY = JSON.stringify({ status: "ok" });

/** The empty route: what Next.js itself costs per request (the product's /api/health/live twin). */
export function GET() {
  return new Response(BODY, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
