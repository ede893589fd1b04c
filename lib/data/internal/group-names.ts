/**
 * The rule that a group's name is its own within the municipality, as the registration and the
 * details form of a group admin refuse a taken or look-alike name (after their permission check).
 */
import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { groups } from "@/db/schema";
import { groupNameSkeleton } from "@/lib/domain/group-name";
import { AppError, isUniqueViolation } from "@/lib/errors";

// AppErrors here carry no `cause`: lib/actions' errorResult maps an error whose cause chain holds
// a database error to its generic message, which would hide the message at the name field.
export const NAME_TAKEN = "Deze naam is al in gebruik bij een andere groep in deze gemeente. Kies een andere naam, bijvoorbeeld met de naam van uw straat erin.";
/** Another active group's name looks the same (other letters that look alike, other case or spaces). */
const NAME_LOOKS_TAKEN = (existing: string) =>
  `Deze naam lijkt te veel op de naam van een andere groep in deze gemeente: "${existing}". Kies een naam die duidelijk anders is, bijvoorbeeld met de naam van uw straat erin.`;
/** Either unique index on names of active groups (lower(name) or the confusable skeleton). */
export const isNameTaken = (error: unknown) =>
  isUniqueViolation(error, "groups_municipality_name_unique") || isUniqueViolation(error, "groups_municipality_name_skeleton_unique");

/**
 * Refuses a name that looks like another active group's name in the municipality (a Cyrillic "О" twin of an existing name). The unique index on the skeleton refuses
 * it too when two registrations race; this check gives the clearer message.
 */
export async function refuseLookAlikeName(executor: Executor, municipalityId: string, name: string, exceptGroupId?: string): Promise<void> {
  const [twin] = await executor
    .select({ name: groups.name })
    .from(groups)
    .where(
      and(
        eq(groups.municipalityId, municipalityId),
        eq(groups.status, "active"),
        eq(groups.nameSkeleton, groupNameSkeleton(name)),
        exceptGroupId ? ne(groups.id, exceptGroupId) : undefined,
      ),
    )
    .limit(1);
  if (twin) {
    // Only case or spaces differ: the same name. Other letters that look alike: a look-alike.
    const plain = (text: string) => text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
    const message = plain(twin.name) === plain(name) ? NAME_TAKEN : NAME_LOOKS_TAKEN(twin.name);
    throw new AppError("conflict", message, { fieldErrors: { name: message } });
  }
}
