import postgres from "postgres";
import { startSmtpSink, type SmtpSink } from "../tests/smtp";
import { getText, joinActionFields, postJoin, STACK_TRACE } from "./support/join-form";
import { databaseCli, startApp, startPrivateCluster, type AppProcess, type PrivateCluster } from "./support/processes";
import { expect, test } from "./support/test";

/**
 * Scale-out (issue 23): two server processes of the one build on one PostgreSQL database, as
 * behind a load balancer. What must hold across both (docs/performance.md, "Scale-out"):
 * - the rate limits of the forms count in the database (rate_limits), so a client that spreads
 *   its requests over both processes gets the limit once, not twice;
 * - each process runs an outbox worker, and every queued e-mail is sent exactly once.
 * The limit on the public read API counts per process on purpose (lib/server/rate-limit.ts).
 */
test.describe("two server processes on one PostgreSQL database", () => {
  test.describe.configure({ timeout: 240_000 });
  let cluster: PrivateCluster | undefined;
  let sink: SmtpSink | undefined;
  const apps: AppProcess[] = [];

  test.afterAll(async () => {
    for (const app of apps) app.kill();
    cluster?.destroy();
    await sink?.stop();
  });

  test("share the join form's limit per connection, and send every queued e-mail once", async () => {
    cluster = await startPrivateCluster();
    sink = await startSmtpSink();
    const env = { DATABASE_URL: cluster.url, AUTH_SECRET: "two-processes-".padEnd(48, "t"), SMTP_URL: sink.url };
    databaseCli("seed", env);
    // One after the other: each takes a free port once the one before listens.
    apps.push(await startApp(env));
    apps.push(await startApp(env));
    const [one] = apps;
    const slug = "boveneind-alert";
    const action = await joinActionFields(await getText(`${one.url}/groepen/${slug}`));

    // Ten residents behind one connection (127.0.0.1) post at the same moment, alternately to
    // each process. The limit is 5 per connection per hour (JOIN_IP_LIMIT): 5 in all. Counted per
    // process, each would have let its five through.
    const people = Array.from({ length: 10 }, (_, i) => ({ name: `Tweede Proces ${i}`, email: `twee.processen.${i}@bewoner.example`, houseNumber: 60 + i }));
    const answers = await Promise.all(people.map((person, i) => postJoin(apps[i % 2].url, action, slug, person)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.html).not.toMatch(STACK_TRACE);
    }
    const sent = people.filter((_, i) => answers[i].sent);
    const refused = answers.filter((a) => a.shown.includes("Er zijn vanaf uw internetverbinding veel aanmeldingen verstuurd"));
    expect(sent).toHaveLength(5);
    expect(refused).toHaveLength(5);
    const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
    try {
      const stored = await sql<Array<{ email: string }>>`select email from join_requests where email like 'twee.processen.%' order by email`;
      expect(stored.map((r) => r.email)).toEqual(sent.map((p) => p.email).sort());

      // Both outbox workers run; every message queued is delivered once, whichever sends it.
      const [{ n: queued }] = await sql<Array<{ n: number }>>`select count(*)::int as n from mail_outbox`;
      expect(queued).toBeGreaterThanOrEqual(10);
      await expect.poll(async () => (await sql`select count(*)::int as n from mail_outbox where status <> 'sent'`)[0].n, { timeout: 60_000 }).toBe(0);
      await expect.poll(() => sink!.received.length, { timeout: 10_000 }).toBe(queued);
      expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(queued);
      for (const person of sent) expect(sink.received.filter((m) => m.to.includes(person.email))).toHaveLength(1);
      for (const person of people.filter((p) => !sent.includes(p))) expect(sink.received.filter((m) => m.to.includes(person.email))).toHaveLength(0);
    } finally {
      await sql.end();
    }
  });
});
