/** Test helper: the Actor lib/data functions receive, for a user row from the builders. */
import type { User } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";

export function actorOf(user: User): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, municipalityId: user.municipalityId };
}
