import { NextResponse } from "next/server";
import { pingDatabase } from "@/db";
import { startupState } from "@/lib/server/startup";
import { getEnv } from "@/lib/env";
import { apiSecurityHeaders } from "@/lib/server/security";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database answers within 2 s and is migrated, else 503. */
export async function GET() {
  const ok = startupState() === "ready" && (await pingDatabase(2000).catch(() => false));
  const headers = { "Cache-Control": "no-store", ...apiSecurityHeaders(getEnv().appUrl) };
  if (!ok) return NextResponse.json({ status: "unavailable" }, { status: 503, headers });
  return NextResponse.json({ status: "ok", database: "ok" }, { headers });
}
