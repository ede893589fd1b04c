/**
 * The bare baseline: a plain node:http server with postgres.js answering the same lookup as
 * GET /api/v1/groepen?postcode=&huisnummer= from the same database. No framework, no checks
 * beyond a minimal parse: the ceiling for this query on this machine.
 */
import http from "node:http";
import postgres from "postgres";

const port = Number(process.argv[2] ?? 3401);
const sql = postgres(process.env.DATABASE_URL, { max: 10, max_pipeline: 1, onnotice: () => {} });

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const postcode = (url.searchParams.get("postcode") ?? "").toUpperCase().replace(/\s/g, "");
  const houseNumber = Number(url.searchParams.get("huisnummer"));
  const addition = (url.searchParams.get("toevoeging") ?? "").toUpperCase();
  try {
    const rows = await sql`
      select g.slug, g.name, a.name as area_name, a.slug as area_slug
      from member_addresses m join groups g on g.id = m.group_id join areas a on a.id = g.area_id
      where m.postcode = ${postcode} and m.house_number = ${houseNumber} and m.addition = ${addition}
        and g.status = 'active'
      order by g.name limit 20`;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ groepen: rows }));
  } catch {
    res.writeHead(500);
    res.end();
  }
});
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => sql.end().then(() => process.exit(0))));
