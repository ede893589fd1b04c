/**
 * The bare baseline: a plain node:http server with postgres.js answering the same look-up as
 * GET /api/v1/groepen?postcode=&huisnummer= from the same database: the product's own SQL text
 * (LOOKUP_SQL from lib/data/public/lookup.ts, passed in by bench/run.ts), prepared, with the same two
 * parameters (the postcode and its four digits: the look-up answers per postcode, not per house). No framework, no checks beyond a minimal parse, the rows sent as they come: the
 * ceiling for this query on this machine.
 */
import http from "node:http";
import postgres from "postgres";

const port = Number(process.argv[2] ?? 3401);
const lookupSql = process.env.LOOKUP_SQL;
if (!lookupSql) throw new Error("LOOKUP_SQL is not set (bench/run.ts passes it)");
const sql = postgres(process.env.DATABASE_URL, { max: 10, max_pipeline: 1, onnotice: () => {} });

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const postcode = (url.searchParams.get("postcode") ?? "").toUpperCase().replace(/\s/g, "");
  try {
    const rows = await sql.unsafe(lookupSql, [postcode, postcode.slice(0, 4)], { prepare: true });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ rows }));
  } catch {
    res.writeHead(500);
    res.end();
  }
});
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => sql.end().then(() => process.exit(0))));
