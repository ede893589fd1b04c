/**
 * The columns that name a group on staff pages: the group and the names of its wijk and
 * municipality (the query joins areas and municipalities). For lib/data only.
 */
import "server-only";
import { areas, groups, municipalities } from "@/db/schema";

export const groupNameColumns = {
  id: groups.id,
  name: groups.name,
  slug: groups.slug,
  status: groups.status,
  areaName: areas.name,
  municipalityName: municipalities.name,
};
