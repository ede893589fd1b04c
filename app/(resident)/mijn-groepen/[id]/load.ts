import "server-only";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requirePagePermission, type Actor } from "@/lib/auth";
import { getGroupForAdmin, type GroupForAdmin } from "@/lib/data/resident/my-groups";
import { requireCurrentHouseRules } from "../house-rules-gate";

/**
 * The signed-in admin and their group `id` for a page under /mijn-groepen/[id]; someone
 * else's or an unknown group is a 404. Not signed in: to /inloggen and back to the page,
 * `page(id)` (one of routes.myGroups).
 */
export async function loadAdminPage(id: string, page: (id: string) => string): Promise<{ user: Actor; group: GroupForAdmin }> {
  await connection();
  const user = await requirePagePermission("group.manage", page(id));
  const group = await getGroupForAdmin(user, id);
  if (!group) notFound();
  await requireCurrentHouseRules(user, page(id));
  return { user, group };
}

/** Runs a lib/data read; its null (someone else's or an unknown group) becomes the 404 page. */
export async function orNotFound<T>(promise: Promise<T | null>): Promise<T> {
  const value = await promise;
  if (value === null) notFound();
  return value;
}
