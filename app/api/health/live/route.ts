import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Touches nothing else (the benchmark's framework floor). */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
