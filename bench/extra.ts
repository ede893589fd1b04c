/**
 * Figures measured in-process against the bench database through the product's own code:
 * the eligibility count for a group of 10,000 addresses, the bulk import and the staff lists.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db";
import { addresses, aGroup, anArea } from "@/db/seed/builders";
import { areas, groups, municipalities, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { countCountedAddresses } from "@/lib/data/internal/eligibility";
import { addMemberAddressList } from "@/lib/data/resident/member-addresses";
import { getGapsAndOverlaps } from "@/lib/data/staff/gaps";
import { listGroupsForStaff } from "@/lib/data/staff/groups";
import { parseGroupFilters } from "@/lib/validation/group-filters";
import { listBordRequestsForStaff } from "@/lib/data/staff/bord-request-list";
import { parseBordRequestFilters } from "@/lib/validation/bord-request-filters";
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

export async function benchExtraFigures(context: { handle: DatabaseHandle; runId: string }): Promise<Figure[]> {
  const { db } = context.handle;
  const figures: Figure[] = [];

  const [area] = await db.query.areas.findMany({ limit: 1 });
  const big = await aGroup(db, area, { name: `Bench groep 10k ${context.runId}`, slug: `bench-groep-10k-${context.runId}`, addresses: addresses(10_000, "9999") });
  // The rows a bench adds are analysed at once, as autovacuum would soon after a real import:
  // with the statistics of the national load only (no verified address), the planner scans the
  // partial index member_addresses_group_counted_idx in full for every address (minutes).
  await db.execute(sql`analyze member_addresses`);
  await timeRuns(10, () => countCountedAddresses(big.id));
  const eligibility = await timeRuns(100, () => countCountedAddresses(big.id));
  figures.push({ name: "eligibility_10k_p50_ms", value: p50(eligibility), unit: "ms" });

  // Bulk import: 5,000 pasted lines through the code the address form uses (parse, validate,
  // place in wijken, store in one transaction).
  const [resident] = await db
    .insert(users)
    .values({ email: `bench-resident-${context.runId}@bench.example`, name: "Bench bewoner" })
    .returning();
  const importGroup = await aGroup(db, area, { name: `Bench import ${context.runId}`, slug: `bench-import-${context.runId}`, admins: [resident] });
  const residentActor: Actor = { id: resident.id, email: resident.email, name: resident.name, role: "resident", municipalityId: null };
  const pasted = addresses(5_000, "9998")
    .map((a, i) => (i % 2 === 0 ? `${a.postcode.slice(0, 4)} ${a.postcode.slice(4).toLowerCase()} ${a.houseNumber}` : `${a.postcode},${a.houseNumber},`))
    .join("\n");
  const importStart = performance.now();
  const imported = await addMemberAddressList(residentActor, importGroup.id, pasted);
  figures.push({ name: "bulk_import_5k_ms", value: Math.round(performance.now() - importStart), unit: "ms" });
  if (imported.added !== 5_000) throw new Error(`bulk import stored ${imported.added} of 5,000 addresses`);

  // Staff lists, as a platform admin (all 20,000 groups): the bord request list (all statuses)
  // and the groups list filtered on status, first page and a deep page reached by its cursor.
  const [admin] = await db
    .insert(users)
    .values({ email: `bench-platform-${context.runId}@bench.example`, name: "Bench", role: "platform_admin" })
    .returning();
  const actor: Actor = { id: admin.id, email: admin.email, name: admin.name, role: "platform_admin", municipalityId: null };
  const groupFilters = parseGroupFilters({ status: "active" });
  const requestFilters = parseBordRequestFilters({ status: "alle" });
  await timeRuns(5, () => listGroupsForStaff(actor, groupFilters));
  const groupsFirstPage = await timeRuns(50, () => listGroupsForStaff(actor, groupFilters));
  const requestsFirstPage = await timeRuns(50, () => listBordRequestsForStaff(actor, requestFilters));
  // The median of both lists together (the figure kept since the first bench), and each alone.
  figures.push({ name: "staff_list_p50_ms", value: p50([...groupsFirstPage, ...requestsFirstPage]), unit: "ms" });
  figures.push({ name: "staff_groups_list_p50_ms", value: p50(groupsFirstPage), unit: "ms" });
  figures.push({ name: "staff_bord_requests_list_p50_ms", value: p50(requestsFirstPage), unit: "ms" });

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

  // Gaps and overlaps (issue 20; target 200 ms) for a municipality of 40,000 member addresses:
  // 40 groups of 1,000 in 4 wijken, every other group sharing 200 addresses with its neighbour.
  const [gapsMunicipality] = await db
    .insert(municipalities)
    .values({ code: `GM${String(9000 + (Number.parseInt(context.runId, 36) % 999)).padStart(4, "0")}`, name: `Bench gaten ${context.runId}`, slug: `bench-gaten-${context.runId}`, safetyEmail: "bench@bench.example" })
    .returning();
  const gapAreas = [];
  for (let w = 0; w < 4; w++) {
    // A CBS-style code of its own (the municipality's four digits, then the wijk's two), so that a
    // second run on a kept database (BENCH_DB) does not take the codes of the first.
    const code = `WK${gapsMunicipality.code.slice(2)}${String(w + 1).padStart(2, "0")}`;
    gapAreas.push(await anArea(db, gapsMunicipality, { code, name: `Bench wijk ${w} ${context.runId}`, postcodes: [String(8100 + w), `${8150 + w}AB`] }));
  }
  const gapGroupIds: string[] = [];
  for (let g = 0; g < 40; g++) {
    const base = String(8100 + (g % 4));
    const list = addresses(1_000, base).map((a) => ({ ...a, houseNumber: a.houseNumber + Math.floor(g / 4) * 800 }));
    const gapGroup = await aGroup(db, gapAreas[g % 4], { name: `Bench gatengroep ${g} ${context.runId}`, slug: `bench-gaten-${g}-${context.runId}`, addresses: list });
    gapGroupIds.push(gapGroup.id);
  }
  await db.execute(sql`analyze member_addresses`);
  await timeRuns(3, () => getGapsAndOverlaps(actor, gapsMunicipality.id));
  const gaps = await timeRuns(20, () => getGapsAndOverlaps(actor, gapsMunicipality.id));
  figures.push({ name: "gaps_overlaps_40k_p50_ms", value: p50(gaps), unit: "ms" });
  figures.push({ name: "gaps_overlaps_40k_max_ms", value: Math.round(Math.max(...gaps)), unit: "ms" });

  // What this part made goes again, so that a kept database (BENCH_DB) gives the next run the
  // same start: its groups' addresses would otherwise be shared with the next run's groups.
  await db.delete(groups).where(inArray(groups.id, [big.id, importGroup.id, ...gapGroupIds]));
  await db.delete(areas).where(inArray(areas.id, gapAreas.map((a) => a.id)));
  await db.delete(municipalities).where(eq(municipalities.id, gapsMunicipality.id));
  await db.delete(users).where(inArray(users.id, [resident.id, admin.id]));

  return figures;
}
