import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import { startSmtpSink } from "../tests/smtp";
import { getText, joinActionFields, postJoin, STACK_TRACE, statusOf, TRY_AGAIN } from "./support/join-form";
import { mailBarrier } from "./support/mail-barrier";
import { E2E_TEMPLATE_DIR } from "./support/servers";
import { connectionRefused, databaseCli, freePort, startApp, startPrivateCluster, type AppProcess, type PrivateCluster } from "./support/processes";
import { expect, test } from "./support/test";

/**
 * Faults against the built server (issue 10, items 5 and 6), over real HTTP:
 * - 20 identical join forms posted at the same moment: one request, one set of e-mails;
 * - the database stopped and started under a running server (a private PostgreSQL cluster):
 *   503 on /api/health, a Dutch error page, a Dutch "try again" from the join form, nothing
 *   written, and recovery without a restart;
 * - SIGTERM with a request in flight and an e-mail being sent: both finish, new connections are
 *   refused, nothing is left claimed, the process exits 0 and releases the data folder.
 *
 * These start their own servers (from the build CI made before the run; ports from
 * e2e/support/processes.ts freePort) next to the suite's.
 */

/** How often the polls below look (expect.poll's default backs off to once a second). */
const POLL = [100, 250];

async function mailboxLinks(baseUrl: string, to: string, subject: string): Promise<string[]> {
  const html = await getText(`${baseUrl}/dev/mailbox?aan=${encodeURIComponent(to)}`);
  const links: string[] = [];
  for (const match of html.matchAll(/<a href="(\/dev\/mailbox\/[^"]+)">([^<]*)<\/a>/g)) {
    if (match[2].replaceAll("&amp;", "&") === subject) links.push(match[1]);
  }
  return links;
}

test.describe("20 identical join forms at once, over HTTP", () => {
  test("one join request and one set of e-mails; every answer is the confirmation or a Dutch message, never an error", async ({ baseURL, request }) => {
    const slug = "boveneind-alert";
    const email = `twintig.tegelijk.${Date.now()}@bewoner.example`;
    const person = { name: "Twan Twintig", email, houseNumber: 40 };
    const action = await joinActionFields(await getText(`${baseURL}/groepen/${slug}`));

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postJoin(baseURL!, action, slug, person, { "x-forwarded-for": "192.0.2.120" })),
    );

    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.html).not.toMatch(STACK_TRACE);
    }
    const sent = answers.filter((a) => a.sent);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    // The rest were stopped by the rate limits (per connection, per e-mail), with their Dutch message.
    for (const answer of answers.filter((a) => !a.sent)) {
      expect(answer.shown).toMatch(/aanmeldingen verstuurd|al vaak een aanmelding/);
    }

    // The e-mails: one confirmation to the resident, one notice to the group's (only) admin.
    const confirmations = () => mailboxLinks(baseURL!, email, "Uw aanmelding voor Boveneind Alert");
    await expect.poll(async () => (await confirmations()).length, { timeout: 20_000, intervals: POLL }).toBe(1);
    const noticesAboutThisResident = async () => {
      const links = await mailboxLinks(baseURL!, "boveneind@krimpen.example", "Nieuwe aanmelding voor Boveneind Alert");
      const texts = await Promise.all(links.map((href) => getText(`${baseURL}${href}`)));
      return texts.filter((t) => t.includes(email)).length;
    };
    await expect.poll(noticesAboutThisResident, { timeout: 20_000, intervals: POLL }).toBe(1);
    // Later rounds of the outbox worker: every e-mail queued so far has been delivered (the
    // barrier's, queued after them all, has), and there is still one of each.
    await mailBarrier(request, baseURL!);
    expect(await confirmations()).toHaveLength(1);
    expect(await noticesAboutThisResident()).toBe(1);
  });
});

test.describe("the database stopped and started under a running server", () => {
  test.describe.configure({ timeout: 240_000 });
  let cluster: PrivateCluster | undefined;
  let app: AppProcess | undefined;
  let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;

  test.afterAll(async () => {
    app?.kill();
    cluster?.destroy();
    await sink?.stop();
  });

  test("503 and Dutch messages while it is down, nothing written, and back without a restart", async ({ page }) => {
    cluster = await startPrivateCluster();
    sink = await startSmtpSink();
    const env = { DATABASE_URL: cluster.url, AUTH_SECRET: "faults-secret-".padEnd(48, "f"), SMTP_URL: sink.url };
    databaseCli("seed", env);
    app = await startApp(env);
    const pid = app.child.pid;
    const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
    try {
      await expect.poll(() => statusOf(`${app!.url}/api/health`), { timeout: 30_000, intervals: POLL }).toBe(200);
      const groupPage = await fetch(`${app.url}/groepen/boveneind-alert`);
      expect(groupPage.status).toBe(200);
      const action = await joinActionFields(await groupPage.text());
      const before = await postJoin(app.url, action, "boveneind-alert", { name: "Eva Eerst", email: "eva.eerst@bewoner.example", houseNumber: 41 });
      expect(before.sent).toBe(true);
      // Eva's e-mails go out before the database stops. (The worker is woken as soon as they are
      // queued; a message it claimed just as the database went away waits for its claim to
      // expire, as lib/mail/worker.test.ts tests, which is not what this test is about.)
      await expect.poll(() => sink!.received.filter((m) => m.to.includes("eva.eerst@bewoner.example")).length, { timeout: 30_000, intervals: POLL }).toBe(1);

      cluster.stop();

      await expect.poll(() => statusOf(`${app!.url}/api/health`), { timeout: 30_000, intervals: POLL }).toBe(503);
      // A page that needs the database: our Dutch error page (app/error.tsx), no technical details.
      const down = await page.goto(`${app.url}/groepen/boveneind-alert`);
      expect([500, 503]).toContain(down!.status());
      expect(await down!.text()).not.toMatch(STACK_TRACE);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Er ging iets mis");
      await expect(page.getByText(TRY_AGAIN)).toBeVisible();
      expect(await page.locator("body").innerText()).not.toMatch(STACK_TRACE);

      const during = await postJoin(app.url, action, "boveneind-alert", { name: "Dirk Donker", email: "dirk.donker@bewoner.example", houseNumber: 42 });
      expect(during.html).toContain(TRY_AGAIN);
      expect(during.sent).toBe(false);
      expect(during.html).not.toMatch(STACK_TRACE);

      cluster.start();

      await expect.poll(() => statusOf(`${app!.url}/api/health`), { timeout: 60_000, intervals: POLL }).toBe(200);
      expect(app.child.exitCode).toBeNull();
      expect(app.child.pid).toBe(pid);
      // Nothing of the refused attempt reached the database.
      const refused = await sql`select count(*)::int as n from join_requests where email = 'dirk.donker@bewoner.example'`;
      expect(refused[0].n).toBe(0);
      const refusedMail = await sql`select count(*)::int as n from mail_outbox where to_address = 'dirk.donker@bewoner.example'`;
      expect(refusedMail[0].n).toBe(0);

      // The same form again now works, with its e-mails.
      const after = await postJoin(app.url, action, "boveneind-alert", { name: "Dirk Donker", email: "dirk.donker@bewoner.example", houseNumber: 42 });
      expect(after.sent).toBe(true);
      const stored = await sql`select count(*)::int as n from join_requests where email = 'dirk.donker@bewoner.example'`;
      expect(stored[0].n).toBe(1);
      await expect.poll(() => sink!.received.filter((m) => m.to.includes("dirk.donker@bewoner.example")).length, { timeout: 30_000, intervals: POLL }).toBe(1);
      expect(sink.received.filter((m) => m.to.includes("eva.eerst@bewoner.example"))).toHaveLength(1);

      // And it stops cleanly on PostgreSQL too.
      process.kill(app.child.pid!, "SIGTERM");
      expect(await app.exited).toBe(0);
      expect(app.output()).toContain("Stopped cleanly");
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});

/** An SMTP server that holds every message until release() (a slow mail server). */
async function startSlowSmtp() {
  const received: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let receiving!: () => void;
  const firstReceiving = new Promise<void>((resolve) => (receiving = resolve));
  let holding = true;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (holding) {
          receiving();
          await released;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push(raw.match(/^Message-ID:\s*(.+)$/im)?.[1].trim() ?? "");
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    firstReceiving,
    release: () => {
      holding = false;
      release();
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * An address service (PDOK-like) that answers 503 at once (the app then stores the address as
 * unverified), or, after hold(), holds every request until release(). The app gives up on a
 * held request after its own timeout and retries once, so a request that waits for it stays in
 * flight for a few seconds.
 */
async function startAddressService() {
  let holding: { release: () => void; released: Promise<void>; arrived: () => void; firstArrived: Promise<void> } | null = null;
  const server: Server = createServer((_request: IncomingMessage, response: ServerResponse) => {
    const answer = () => {
      if (response.destroyed) return;
      response.writeHead(503, { "content-type": "application/json" });
      response.end("{}");
    };
    if (!holding) return answer();
    holding.arrived();
    void holding.released.then(answer);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1`,
    /** From now on, hold requests; resolves `firstArrived` when one comes in. */
    hold() {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let arrived!: () => void;
      const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
      holding = { release, released, arrived, firstArrived };
      return firstArrived;
    },
    release() {
      holding?.release();
      holding = null;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test.describe("graceful shutdown on SIGTERM", () => {
  test.describe.configure({ timeout: 240_000 });
  let dataDir = "";
  let app: AppProcess | undefined;
  const stops: Array<() => Promise<void>> = [];

  test.afterAll(async () => {
    app?.kill();
    for (const stop of stops) await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test("finishes the request in flight and the e-mail being sent, refuses new connections, leaves nothing claimed, exits 0 and frees the data folder", async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "bp-faults-sigterm-"));
    // The demo data the suite seeded once (e2e/support/e2e-seed.ts), copied: the server starts on
    // a migrated, seeded folder as after a first start, without initdb and seeding (seconds of CPU).
    cpSync(path.join(E2E_TEMPLATE_DIR, "pglite"), path.join(dataDir, "pglite"), { recursive: true });
    const smtp = await startSlowSmtp();
    const addresses = await startAddressService();
    stops.push(smtp.stop, addresses.stop);
    // Demo mode (embedded database in its own folder) with a real mail server and address service.
    const env = { DATA_DIR: dataDir, SMTP_URL: smtp.url, ADDRESS_LOOKUP_URL: addresses.url };
    app = await startApp(env);
    await expect.poll(() => statusOf(`${app!.url}/api/health`), { timeout: 60_000, intervals: POLL }).toBe(200);
    expect(existsSync(path.join(dataDir, "server.pid"))).toBe(true);
    const action = await joinActionFields(await (await fetch(`${app.url}/groepen/boveneind-alert`)).text());

    // 1. A join request queues its e-mails; the outbox worker starts sending them, and the mail
    //    server holds the first.
    const earlier = await postJoin(app.url, action, "boveneind-alert", { name: "Vera Vroeg", email: "vera.vroeg@bewoner.example", houseNumber: 44 });
    expect(earlier.sent).toBe(true);
    await smtp.firstReceiving;

    // 2. Another join request, held up by the address service: a request in flight.
    const arrived = addresses.hold();
    let settled = false;
    const slowRequest = postJoin(app.url, action, "boveneind-alert", { name: "Lotte Laat", email: "lotte.laat@bewoner.example", houseNumber: 43 }).finally(() => {
      settled = true;
    });
    await arrived;

    // 3. SIGTERM while that request waits: new connections are refused, the process keeps
    //    running for now.
    const inFlightAtSigterm = !settled;
    process.kill(app.child.pid!, "SIGTERM");
    expect(inFlightAtSigterm).toBe(true);
    await expect.poll(() => connectionRefused(app!.port), { timeout: 30_000, intervals: POLL }).toBe(true);
    expect(app.child.exitCode).toBeNull();

    // 4. The request in flight completes, whole.
    addresses.release();
    const finished = await slowRequest;
    expect(finished.status).toBe(200);
    expect(finished.sent).toBe(true);
    expect(finished.html.trimEnd()).toMatch(/<\/html>$/);

    // 5. The e-mail being sent completes; then the process ends cleanly.
    smtp.release();
    expect(await app.exited).toBe(0);
    expect(app.output()).toContain("Stopped cleanly");
    expect(existsSync(path.join(dataDir, "server.pid"))).toBe(false);
    expect(smtp.received).toHaveLength(1);

    // 6. The outbox as the server left it: one message sent, the rest waiting, none claimed.
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = new PGlite(path.join(dataDir, "pglite"));
    let queued: number;
    try {
      const { rows } = await pglite.query<{ status: string; n: number }>("select status::text, count(*)::int as n from mail_outbox group by status order by status");
      const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      expect(byStatus.sending).toBeUndefined();
      expect(byStatus.sent).toBe(1);
      expect(byStatus.pending).toBeGreaterThanOrEqual(2);
      queued = rows.reduce((sum, r) => sum + r.n, 0);
      const joins = await pglite.query<{ email: string }>("select email from join_requests where email in ('lotte.laat@bewoner.example', 'vera.vroeg@bewoner.example') order by email");
      expect(joins.rows.map((r) => r.email)).toEqual(["lotte.laat@bewoner.example", "vera.vroeg@bewoner.example"]);
    } finally {
      await pglite.close();
    }

    // 7. Started again on the same folder, the server sends the rest: every message once.
    app = await startApp(env);
    await expect.poll(() => smtp.received.length, { timeout: 60_000, intervals: POLL }).toBe(queued);
    expect(new Set(smtp.received).size).toBe(queued);
    process.kill(app.child.pid!, "SIGTERM");
    expect(await app.exited).toBe(0);
  });
});
