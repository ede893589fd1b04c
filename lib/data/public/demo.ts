import "server-only";
import { db } from "@/db";
import { listDemoAccounts, type DemoAccount } from "@/db/seed/demo";
import { getEnv } from "@/lib/env";

export type { DemoAccount } from "@/db/seed/demo";

/** The seeded demo accounts for the sign-in page: in demo mode only, otherwise none. */
export async function demoAccountsForSignIn(): Promise<DemoAccount[]> {
  if (!getEnv().demoMode) return [];
  return listDemoAccounts(db);
}
