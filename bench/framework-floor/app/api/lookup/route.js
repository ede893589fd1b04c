import postgres from "postgres";

export const dynamic = "force-dynamic";

/**
 * The product's look-up SQL (LOOKUP_SQL from lib/data/lookup.ts, passed in by bench/run.ts),
 * prepared, through postgres.js with the product's pool size: GET /api/lookup?postcode=2922AB.
 * No validation, no rate limit, no headers beyond the content type: the framework's own cost
 * of the same query.
 */
const globalForSql = globalThis;
function sql() {
  globalForSql.floorSql ??= postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });
  return globalForSql.floorSql;
}

export async function GET(request) {
  const postcode = (new URL(request.url).searchParams.get("postcode") ?? "").toUpperCase().replace(/\s/g, "");
  const rows = await sql().unsafe(process.env.LOOKUP_SQL, [postcode, postcode.slice(0, 4)], { prepare: true });
  return Response.json({ rows });
}
