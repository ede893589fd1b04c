/**
 * A server action called with arguments its form never sends (issue 18, point 7): Next.js
 * decodes a Next-Action body of `[]` into no arguments and `[1,2]` into 1 and 2, and calls the
 * action with them. Every exported action of every "use server" file answers with its own
 * refusal (`ok: false`, a form state with an error, or a redirect), never an error that
 * becomes a 500. A body that is no argument list at all ("x", {}) is refused by proxy.ts
 * (tests/security/bad-input.test.ts). Called as the most privileged user, so that every
 * action gets past its role check to the input.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { aUser } from "@/db/seed/builders";
import type { Actor } from "@/lib/auth/types";
import { resetEnvForTests } from "@/lib/env";
import { actorOf } from "@/tests/actors";
import { withTestDatabase } from "@/tests/db";

let signedIn: Actor | null = null;
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.9" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth")>()),
  getCurrentUser: async () => signedIn,
}));

const database = withTestDatabase();
const savedEnv = { ...process.env };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every "use server" file under app/ (tests/security/inventory.test.ts checks the same list). */
const actionFiles = walk(path.join(process.cwd(), "app"))
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "")));

const ODD_ARGUMENTS: unknown[][] = [[], [1, 2], ["x"], [{}], [null], [null, null], [[]], [{ status: "idle" }, "x"], [{ status: "idle" }, { email: 1 }]];

beforeAll(async () => {
  Object.assign(process.env, { LOG_LEVEL: "silent", TRUSTED_PROXY_HOPS: "0", AUTH_SECRET: "action-arguments-test-secret-".padEnd(48, "x"), APP_URL: "http://localhost:3999" });
  resetEnvForTests();
  signedIn = actorOf(await aUser(database.current.handle.db, { role: "platform_admin" }));
});

afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

/** What a call came to: its answer, or the redirect Next.js's redirect() throws. */
async function outcome(call: () => Promise<unknown>): Promise<{ answer?: unknown; redirect?: string; error?: unknown }> {
  try {
    return { answer: await call() };
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    return { error };
  }
}

describe("server actions called with arguments no form sends", () => {
  it("finds the action files", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of actionFiles) {
    const name = path.relative(process.cwd(), file);
    it(`${name}: every action refuses them clearly, never with an error`, async () => {
      const exports = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const actions = Object.entries(exports).filter(([, value]) => typeof value === "function") as Array<[string, (...args: unknown[]) => Promise<unknown>]>;
      expect(actions.length).toBeGreaterThan(0);
      for (const [exported, action] of actions) {
        for (const args of ODD_ARGUMENTS) {
          const what = `${exported}(${args.map((a) => JSON.stringify(a)).join(", ")})`;
          const result = await outcome(() => action(...args));
          expect(result.error, `${what} threw ${String(result.error)}`).toBeUndefined();
          const answer = result.answer as { ok?: boolean; code?: string; status?: string } | undefined;
          if (answer && typeof answer === "object" && "ok" in answer) {
            expect(answer.ok, what).toBe(false);
            expect(answer.code, what).not.toBe("unavailable");
          }
          if (answer && typeof answer === "object" && "status" in answer) expect(answer.status, what).toBe("error");
          if (result.redirect) expect(result.redirect, what).not.toMatch(/^https?:/);
        }
      }
    });
  }
});
