import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";

const SIGN_IN_ACTIONS = "app/(public)/inloggen/actions.ts";

let actionId: string | undefined;

/** The build's id of requestSignInLinkAction (the sign-in form's server action). */
function signInLinkActionId(): string {
  if (actionId) return actionId;
  const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === SIGN_IN_ACTIONS && e.exportedName === "requestSignInLinkAction");
  if (!found) throw new Error(`requestSignInLinkAction of ${SIGN_IN_ACTIONS} is not in the build's server-reference-manifest.json`);
  actionId = found[0];
  return actionId;
}

/**
 * A positive signal that the outbox worker has handled every e-mail queued so far, for tests
 * that must show that something did NOT send an e-mail (instead of sleeping and hoping).
 *
 * It asks for a sign-in link for a fresh address (the sign-in form's public server action,
 * which wakes the outbox worker at once) and waits until the demo mailbox shows that message.
 * The worker sends due messages in the order they were queued (next_attempt_at, then id; see
 * lib/mail/worker.ts), so once the barrier's message is in the mailbox, every message queued
 * before it has been delivered too: "no e-mail to X" can be checked right away, and fails when
 * a refused request did queue one.
 *
 * `request` must point at the server under test; its cookies do not matter.
 */
export async function mailBarrier(request: APIRequestContext, origin: string): Promise<void> {
  const to = `barriere-${randomBytes(6).toString("hex")}@controle.example`;
  const multipart = new FormData();
  multipart.append("_1_email", to);
  multipart.append("_1_website", "");
  multipart.append("0", '[{"status":"idle"},"$K1"]');
  const response = await request.post("/", {
    headers: { "next-action": signInLinkActionId(), accept: "text/x-component", origin },
    multipart,
    maxRedirects: 0,
  });
  const body = await response.text();
  expect(response.status(), "the barrier's sign-in link request").toBe(200);
  expect(body, "the barrier's sign-in link was sent").toMatch(/^1:.*"status":"sent"/m);
  await expect
    .poll(async () => (await (await request.get(`/dev/mailbox?aan=${encodeURIComponent(to)}`)).text()).includes("Uw inloglink"), {
      message: `the barrier's e-mail to ${to} reached the demo mailbox`,
      timeout: 15_000,
      intervals: [100, 200, 250],
    })
    .toBe(true);
}
