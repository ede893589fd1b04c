/**
 * Figures measured in-process against the bench database through the product's own code:
 * the eligibility count for a group of 10,000 addresses, and the first-load JavaScript of pages
 * behind sign-in.
 */
import type { DatabaseHandle } from "@/db";
import { addresses, aGroup } from "@/db/seed/builders";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { countCountedAddresses } from "@/lib/data/eligibility";
import { listGroupsForStaff, parseGroupFilters } from "@/lib/data/staff/groups";
import { listSignRequestsForStaff, parseSignRequestFilters } from "@/lib/data/staff/sign-requests";
import type { Figure } from "./run";

export function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100;
}

export async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

export async function benchExtraFigures(context: { base: string; handle: DatabaseHandle }): Promise<{
  figures: Figure[];
  firstLoadJsKb: number[];
}> {
  const { db } = context.handle;
  const figures: Figure[] = [];

  const [area] = await db.query.areas.findMany({ limit: 1 });
  const big = await aGroup(db, area, { name: "Bench groep 10k", slug: "bench-groep-10k", addresses: addresses(10_000, "9999") });
  await timeRuns(10, () => countCountedAddresses(big.id));
  const eligibility = await timeRuns(100, () => countCountedAddresses(big.id));
  figures.push({ name: "eligibility_10k_p50_ms", value: p50(eligibility), unit: "ms" });

  // Staff lists, as a platform admin (all 20,000 groups): the bord request list (all statuses)
  // and the groups list filtered on status, first page and a deep page reached by its cursor.
  const [admin] = await db
    .insert(users)
    .values({ email: "bench-platform@bench.example", name: "Bench", role: "platform_admin" })
    .returning();
  const actor: Actor = { id: admin.id, email: admin.email, name: admin.name, role: "platform_admin", municipalityId: null };
  const groupFilters = parseGroupFilters({ status: "active" });
  const requestFilters = parseSignRequestFilters({ status: "alle" });
  await timeRuns(5, () => listGroupsForStaff(actor, groupFilters));
  const firstPage = [
    ...(await timeRuns(50, () => listGroupsForStaff(actor, groupFilters))),
    ...(await timeRuns(50, () => listSignRequestsForStaff(actor, requestFilters))),
  ];
  figures.push({ name: "staff_list_p50_ms", value: p50(firstPage), unit: "ms" });

  // Walk the groups list to its deepest page (500, or the last one when there are fewer).
  let cursor: string | null = null;
  let pageNumber = 1;
  for (; pageNumber < 500; pageNumber++) {
    const page = await listGroupsForStaff(actor, { ...groupFilters, cursor: cursor ?? undefined });
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const deep = await timeRuns(50, () => listGroupsForStaff(actor, { ...groupFilters, cursor: cursor ?? undefined }));
  figures.push({ name: "staff_list_page500_p50_ms", value: p50(deep), unit: "ms" });
  figures.push({ name: "staff_list_deep_page_number", value: pageNumber, unit: "page" });

  return { figures, firstLoadJsKb: [] };
}
