/**
 * An admin's own details (issue 21): name, phone and address change with bad input refused at
 * the field (nothing stored), only the actor's own account, and an audit entry without values.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { aUser } from "@/db/seed/builders";
import { auditLog, users } from "@/db/schema";
import { getOwnDetails, updateOwnDetails } from "@/lib/data/resident/account";
import { ownDetailsSchema } from "@/lib/validation";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
const valid = { name: "Sanne de Vries", phone: "06 12345678", address: { postcode: "2922 ab", houseNumber: "12", addition: "a" } };

describe(`own details (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("shows and changes the actor's own name, phone and address; the audit says which fields, not the values", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db, { name: "Oude Naam", phone: "+31611111111", postcode: "2923AB", houseNumber: 5 });
    const other = await aUser(db, { name: "Buurman", phone: "+31622222222" });
    expect(await getOwnDetails(actorOf(me))).toMatchObject({ name: "Oude Naam", phone: "06 11111111", postcode: "2923 AB", houseNumber: "5", addition: "" });

    expect(await updateOwnDetails(actorOf(me), ownDetailsSchema.parse(valid))).toEqual({ changed: ["name", "phone", "address"] });
    const [row] = await db.select().from(users).where(eq(users.id, me.id));
    expect(row).toMatchObject({ name: "Sanne de Vries", phone: "+31612345678", postcode: "2922AB", houseNumber: 12, addition: "A", email: me.email });
    const [untouched] = await db.select().from(users).where(eq(users.id, other.id));
    expect(untouched).toMatchObject({ name: "Buurman", phone: "+31622222222" });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.actorUserId, me.id));
    expect(entry).toMatchObject({ action: "account.update_details", subjectId: me.id, details: { fields: ["name", "phone", "address"] } });
    expect(JSON.stringify(entry.details)).not.toContain("Sanne");

    // The same details again: nothing changes, nothing is logged.
    expect(await updateOwnDetails(actorOf(me), ownDetailsSchema.parse(valid))).toEqual({ changed: [] });
    expect(await db.select().from(auditLog).where(eq(auditLog.actorUserId, me.id))).toHaveLength(1);
  });

  it("a name with script text is stored as plain text (pages escape it), never run", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    await updateOwnDetails(actorOf(me), ownDetailsSchema.parse({ ...valid, name: "<script>alert(1)</script>" }));
    expect((await getOwnDetails(actorOf(me))).name).toBe("<script>alert(1)</script>");
  });

  it("refuses wrong formats, missing fields, too long, script and SQL text at the field, in Dutch", () => {
    const cases: Array<[string, unknown, string]> = [
      ["missing everything", {}, "name"],
      ["no name", { ...valid, name: "" }, "name"],
      ["name too long", { ...valid, name: "x".repeat(201) }, "name"],
      ["script as phone", { ...valid, phone: "<script>alert(1)</script>" }, "phone"],
      ["phone letters", { ...valid, phone: "bel mij" }, "phone"],
      ["SQL as phone", { ...valid, phone: "'; drop table users;--" }, "phone"],
      ["postcode SA", { ...valid, address: { ...valid.address, postcode: "2922 SA" } }, "address.postcode"],
      ["postcode 0", { ...valid, address: { ...valid.address, postcode: "0922 AB" } }, "address.postcode"],
      ["house number 0", { ...valid, address: { ...valid.address, houseNumber: "0" } }, "address.houseNumber"],
      ["addition too long", { ...valid, address: { ...valid.address, addition: "abcdefghij" } }, "address.addition"],
    ];
    for (const [what, input, field] of cases) {
      const result = ownDetailsSchema.safeParse(input);
      expect(result.success, what).toBe(false);
      const issue = result.error!.issues.find((i) => i.path.join(".") === field || (field === "name" && i.path.length === 0));
      expect(issue, `${what}: an error at ${field}`).toBeDefined();
      expect(issue!.message, what).toMatch(/[a-z]/);
    }
  });
});
