/**
 * Test-only: writes the fictional municipality of e2e/support/authz-fixture.ts into the embedded
 * database of the authorisation matrix's own e2e server before that server starts
 * (e2e/support/e2e-seed.ts runs it on a copy of the demo servers' seeded folder; on an empty
 * folder it applies the same migrations and demo seed the server would apply itself first).
 * The server then finds the seed mark and leaves the data as it is.
 *
 * Not part of the application: nothing under app/, lib/ or db/ imports it, and it only runs
 * against a PGlite folder (it refuses DATABASE_URL).
 *
 *   DATA_DIR=.e2e-authz-data npx tsx e2e/support/authz-seed.ts
 */
import { createHash, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { aContact, addresses, aGroup, anArea, aBordRequest, aUser, inAddressRegister } from "@/db/seed/builders";
import { seedDemoData } from "@/db/seed/demo";
import { groupAdminInvitations, groupChecks, joinRequests, mailOutbox, memberAddresses, municipalities, sessions, bordPhotos, bords, users } from "@/db/schema";
import { AUTHZ_DATA_DIR, AUTHZ_FIXTURE_FILE, AUTHZ_PEOPLE, AUTHZ_PHOTO_MARK, AUTHZ_TARGET, VOORBEELDSTAD, type AuthzFixture, type AuthzPersonKey } from "./authz-fixture";

async function main(): Promise<void> {
  if (process.env.DATABASE_URL) throw new Error("authz-seed writes the e2e server's embedded database only; unset DATABASE_URL.");
  const dataDir = path.resolve(process.env.DATA_DIR ?? AUTHZ_DATA_DIR);
  const handle = openDatabase({ kind: "pglite", dataDir });
  try {
    await migrateDatabase(handle);
    await seedDemoData(handle.db);
    const fixture = await handle.db.transaction(async (tx) => {
      const [municipality] = await tx.insert(municipalities).values(VOORBEELDSTAD).returning();
      const noord = await anArea(tx, municipality, {
        code: "WK990101",
        name: "Noorderhaven",
        slug: "noorderhaven",
        postcodes: [AUTHZ_TARGET.postcodeArea],
        totalAddresses: 900,
      });
      const zuid = await anArea(tx, municipality, {
        code: "WK990102",
        name: "Zuiderhaven",
        slug: "zuiderhaven",
        postcodes: [AUTHZ_TARGET.otherPostcodeArea],
        totalAddresses: 800,
      });

      // The fictional municipality's addresses in the address register, so that forms which verify
      // an address (accepting an invitation, adding addresses) find them, as the demo's do.
      const registerList = ["9901AA", "9901AB", "9901AC", "9901AD", "9902AA", "9902AB"].flatMap((postcode) =>
        Array.from({ length: 60 }, (_, i) => ({ postcode, houseNumber: i + 1, street: "Havenstraat", town: municipality.name })),
      );
      await inAddressRegister(tx, municipality, registerList);

      const person = (key: AuthzPersonKey, extra: Partial<typeof users.$inferInsert> = {}) => {
        const p = AUTHZ_PEOPLE[key];
        return aUser(tx, { email: p.email, name: p.name, phone: p.phone, ...extra });
      };
      const owner = await person("owner", { birthDate: "1970-02-02", postcode: "9901AB", houseNumber: 1 });
      const coOwner = await person("coOwner", { birthDate: "1971-03-03", postcode: "9901AB", houseNumber: 2 });
      const otherAdmin = await person("otherAdmin", { birthDate: "1972-04-04", postcode: "9902AB", houseNumber: 1 });
      const resident = await person("resident");
      const invitee = await person("invitee");
      const staff = await person("staff", { role: "staff", municipalityId: municipality.id });
      const wijkagent = await person("wijkagent", { role: "wijkagent", municipalityId: municipality.id });
      const otherWijkagent = await person("otherWijkagent", { role: "wijkagent", municipalityId: municipality.id });
      const byEmail = async (email: string) => (await tx.select().from(users).where(eq(users.email, email)))[0];
      const foreignStaff = await byEmail(AUTHZ_PEOPLE.foreignStaff.email);
      const platformAdmin = await byEmail(AUTHZ_PEOPLE.platformAdmin.email);

      const wijkagentContact = await aContact(tx, municipality, "wijkagent", [noord], {
        name: wijkagent.name!,
        email: wijkagent.email,
        phone: AUTHZ_PEOPLE.wijkagent.phone,
        userId: wijkagent.id,
      });
      await aContact(tx, municipality, "wijkagent", [zuid], {
        name: otherWijkagent.name!,
        email: otherWijkagent.email,
        phone: AUTHZ_PEOPLE.otherWijkagent.phone,
        userId: otherWijkagent.id,
      });
      const wethouderContact = await aContact(tx, municipality, "wethouder", [noord, zuid], {
        name: AUTHZ_TARGET.wethouder.name,
        email: AUTHZ_TARGET.wethouder.email,
      });

      const group = await aGroup(tx, noord, {
        name: AUTHZ_TARGET.groupName,
        slug: AUTHZ_TARGET.groupSlug,
        description: "De kades en hofjes van Noorderhaven.",
        admins: [owner, coOwner],
        addresses: addresses(AUTHZ_TARGET.addressCount, AUTHZ_TARGET.postcodeArea, AUTHZ_TARGET.street).map((a) => ({ ...a, town: "Voorbeeldstad" })),
        whatsappInviteUrl: AUTHZ_TARGET.whatsappInviteUrl,
      });
      const otherGroup = await aGroup(tx, zuid, {
        name: AUTHZ_TARGET.otherGroupName,
        slug: AUTHZ_TARGET.otherGroupSlug,
        description: "De zuidkant van de haven.",
        admins: [otherAdmin],
        addresses: addresses(8, AUTHZ_TARGET.otherPostcodeArea, "Zuiderkade").map((a) => ({ ...a, town: "Voorbeeldstad" })),
      });
      // A yearly check the admins left unanswered for 40 days: staff see "niet bevestigd" (keepGroupAction's target).
      const fortyDaysAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
      await tx.insert(groupChecks).values({ groupId: group.id, municipalityId: municipality.id, dueAt: fortyDaysAgo, startedAt: fortyDaysAgo, stage: "unconfirmed", stageAt: new Date(Date.now() - 10 * 24 * 60 * 60 * 1000) });
      const [address] = await tx.select({ id: memberAddresses.id }).from(memberAddresses).where(eq(memberAddresses.groupId, group.id)).limit(1);

      const bordRequest = await aBordRequest(tx, group, { status: "submitted", requestedBy: owner, street: AUTHZ_TARGET.street, nearHouseNumber: 3 });
      // An earlier bord of the group stands (a placed request has its own record).
      const placed = await aBordRequest(tx, group, { status: "placed", requestedBy: owner, street: AUTHZ_TARGET.street, nearHouseNumber: 5 });
      const [bord] = await tx.select({ id: bords.id }).from(bords).where(eq(bords.bordRequestId, placed.id));
      const [joinRequest] = await tx
        .insert(joinRequests)
        .values({
          groupId: group.id,
          ...AUTHZ_TARGET.joinRequest,
          birthDate: "1980-05-05",
          postcode: "9901AC",
          houseNumber: 7,
          addition: "",
        })
        .returning({ id: joinRequests.id });
      const invitationToken = randomBytes(32).toString("base64url");
      const [invitation] = await tx
        .insert(groupAdminInvitations)
        .values({
          groupId: group.id,
          email: AUTHZ_TARGET.invitationEmail,
          tokenHash: createHash("sha256").update(invitationToken).digest("hex"),
          invitedByUserId: owner.id,
          expiresAt: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000),
        })
        .returning({ id: groupAdminInvitations.id });
      const [deadMail] = await tx
        .insert(mailOutbox)
        .values({
          idempotencyKey: `authz-dead-mail:${randomBytes(6).toString("hex")}`,
          kind: "authz_test",
          toAddress: AUTHZ_TARGET.deadMailTo,
          subject: AUTHZ_TARGET.deadMailSubject,
          text: "Dit bericht kon niet worden afgeleverd.",
          status: "dead",
          attempts: 8,
          lastError: "550 mailbox unavailable",
        })
        .returning({ id: mailOutbox.id });

      const userIds: Record<AuthzPersonKey, string> = {
        owner: owner.id,
        coOwner: coOwner.id,
        otherAdmin: otherAdmin.id,
        resident: resident.id,
        staff: staff.id,
        wijkagent: wijkagent.id,
        otherWijkagent: otherWijkagent.id,
        invitee: invitee.id,
        foreignStaff: foreignStaff.id,
        platformAdmin: platformAdmin.id,
      };
      const sessionTokens = {} as Record<AuthzPersonKey, string>;
      for (const [key, userId] of Object.entries(userIds) as [AuthzPersonKey, string][]) {
        const token = randomBytes(32).toString("hex");
        await tx.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 24 * 60 * 60 * 1000) });
        sessionTokens[key] = token;
      }

      // The bord's photo (issue 21): bytes the matrix looks for in the photo route's answer.
      const photo = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(AUTHZ_PHOTO_MARK)]);
      await tx.insert(bordPhotos).values({ bordId: bord.id, contentType: "image/png", data: photo, byteSize: photo.byteLength });

      const result: AuthzFixture = {
        municipalityId: municipality.id,
        areaId: noord.id,
        otherAreaId: zuid.id,
        groupId: group.id,
        otherGroupId: otherGroup.id,
        addressId: address.id,
        joinRequestId: joinRequest.id,
        invitationId: invitation.id,
        invitationToken,
        bordRequestId: bordRequest.id,
        bordId: bord.id,
        wijkagentContactId: wijkagentContact.id,
        wethouderContactId: wethouderContact.id,
        deadMailId: deadMail.id,
        users: userIds,
        sessions: sessionTokens,
      };
      return result;
    });
    writeFileSync(path.join(dataDir, AUTHZ_FIXTURE_FILE), JSON.stringify(fixture, null, 2));
    console.log(`authz-seed: ${VOORBEELDSTAD.name} written to ${dataDir}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
