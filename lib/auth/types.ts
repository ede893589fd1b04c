import type { UserRole } from "@/db/schema";

/**
 * The signed-in person as every lib/data function receives it: read fresh from the database
 * at each request (never from a stale token). `null` where a function allows the public.
 */
export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  /** The municipality of staff and wijkagenten; null for residents and platform admins. */
  municipalityId: string | null;
}
