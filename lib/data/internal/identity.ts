/**
 * An account's identity (name, phone, date of birth, address) as the group forms use it
 * (registering a group, accepting a co-admin invitation). Issue 18 item 2: a form about
 * something else never overwrites it. What the account already holds stays; the form's
 * details only fill what the account does not have yet (a new account), and the group is
 * registered with the account's own details. The forms show the account's details prefilled.
 *
 * Internal: writes without an actor of its own; callers have checked the permission.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { users } from "@/db/schema";
import type { NormalizedAddress } from "@/lib/domain";

export interface AccountIdentity {
  name: string;
  phone: string;
  birthDate: string;
  address: NormalizedAddress;
}

/**
 * The identity to use for `userId`: each part the account already holds, else the one given.
 * The address is one part: postcode, house number and addition come from the same place.
 */
export async function identityForAccount(executor: Executor, userId: string, given: AccountIdentity): Promise<AccountIdentity> {
  const [row] = await executor
    .select({ name: users.name, phone: users.phone, birthDate: users.birthDate, postcode: users.postcode, houseNumber: users.houseNumber, addition: users.addition })
    .from(users)
    .where(eq(users.id, userId));
  const hasAddress = Boolean(row?.postcode) && row?.houseNumber != null;
  return {
    name: row?.name || given.name,
    phone: row?.phone || given.phone,
    birthDate: row?.birthDate || given.birthDate,
    address: hasAddress ? { postcode: row!.postcode!, houseNumber: row!.houseNumber!, addition: row!.addition ?? "" } : given.address,
  };
}

/**
 * Stores `identity` on the account only where the account has nothing yet, in one statement
 * (coalesce), so not even a registration racing another form overwrites what is there.
 */
export async function fillMissingIdentity(executor: Executor, userId: string, identity: AccountIdentity): Promise<void> {
  const noAddress = sql`(${users.postcode} is null or ${users.houseNumber} is null)`;
  await executor
    .update(users)
    .set({
      name: sql`coalesce(nullif(${users.name}, ''), ${identity.name})`,
      phone: sql`coalesce(nullif(${users.phone}, ''), ${identity.phone})`,
      birthDate: sql`coalesce(${users.birthDate}, ${identity.birthDate}::date)`,
      postcode: sql`case when ${noAddress} then ${identity.address.postcode} else ${users.postcode} end`,
      houseNumber: sql`case when ${noAddress} then ${identity.address.houseNumber}::integer else ${users.houseNumber} end`,
      addition: sql`case when ${noAddress} then ${identity.address.addition} else ${users.addition} end`,
    })
    // Only when something is missing: an account that has it all is not touched (not even updatedAt).
    .where(
      and(
        eq(users.id, userId),
        sql`(${users.name} is null or ${users.name} = '' or ${users.phone} is null or ${users.phone} = '' or ${users.birthDate} is null or ${noAddress})`,
      ),
    );
}
