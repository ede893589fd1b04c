import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth";
import { getHouseRulesStatus } from "@/lib/data/resident/house-rules";
import { routes } from "@/lib/routes";

const statusOf = cache((actor: Actor) => getHouseRulesStatus(actor));

/**
 * Before their group pages: an admin who has not accepted the current version of the house
 * rules goes to /mijn-groepen/huisregels first, and comes back to `returnTo` afterwards.
 */
export async function requireCurrentHouseRules(actor: Actor, returnTo: string): Promise<void> {
  const status = await statusOf(actor);
  if (status.mustAccept) redirect(`${routes.myGroups.houseRules}?terug=${encodeURIComponent(returnTo)}`);
}
