import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { aGroup, aMunicipality, anArea, aSignRequest, aUser } from "@/db/seed/builders";
import { auditLog, signPhotos, signs, type Municipality } from "@/db/schema";
import { MAX_PHOTO_BYTES } from "@/lib/domain/image-type";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { PHOTO_MESSAGES, getSignPhoto, getSignPhotoInfo, saveSignPhoto } from "./sign-photos";

const database = withTestDatabase();
let krimpen: Municipality;
let other: Municipality;
let signId: string;
let otherSignId: string;

async function placedSign(m: Municipality): Promise<string> {
  const { db } = database.current.handle;
  const area = await anArea(db, m, { postcodes: [] });
  const group = await aGroup(db, area);
  const request = await aSignRequest(db, group, { status: "placed", placedOn: "2026-11-20", placedLocation: "Hoek Tiendweg" });
  const [sign] = await db.select({ id: signs.id }).from(signs).where(eq(signs.signRequestId, request.id));
  return sign.id;
}

beforeAll(async () => {
  const { db } = database.current.handle;
  krimpen = await aMunicipality(db);
  other = await aMunicipality(db);
  signId = await placedSign(krimpen);
  otherSignId = await placedSign(other);
});

const base = () => sharp({ create: { width: 16, height: 12, channels: 3, background: { r: 200, g: 30, b: 30 } } });

/** A phone-like JPEG: EXIF with the camera and a GPS position. */
async function jpegWithGps(): Promise<Buffer> {
  return base()
    .jpeg()
    .withExif({
      IFD0: { Make: "Telefoon", Model: "Geheim 1", Copyright: "Sanne de Vries" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 55/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "4/1 35/1 0/1" },
    })
    .toBuffer();
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(`the photo of a placed bord (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("stores a JPEG without its EXIF and GPS, serves it with its type, and audits the upload", async () => {
    const { db } = database.current.handle;
    const staff = actorOf(await aUser(db, { role: "staff", municipalityId: krimpen.id }));
    const upload = await jpegWithGps();
    expect((await sharp(upload).metadata()).exif).toBeDefined();
    expect(upload.includes(Buffer.from("Geheim 1"))).toBe(true);

    await expect(saveSignPhoto(staff, signId, upload)).resolves.toMatchObject({ contentType: "image/jpeg" });
    const photo = (await getSignPhoto(staff, signId))!;
    expect(photo.contentType).toBe("image/jpeg");
    const meta = await sharp(photo.data).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(photo.data.includes(Buffer.from("Geheim 1"))).toBe(false);
    expect(photo.data.includes(Buffer.from("Sanne"))).toBe(false);
    expect(await getSignPhotoInfo(staff, signId)).toMatchObject({ contentType: "image/jpeg", byteSize: photo.data.byteLength });
    const audits = await db.select().from(auditLog).where(eq(auditLog.subjectId, signId));
    expect(audits.map((a) => a.action)).toContain("sign.photo");

    // A PNG and a WebP replace it; one photo per bord.
    await saveSignPhoto(staff, signId, await base().png().toBuffer());
    expect((await getSignPhoto(staff, signId))!.contentType).toBe("image/png");
    await saveSignPhoto(staff, signId, await base().webp().withExif({ IFD0: { Make: "Telefoon" } }).toBuffer());
    const webp = (await getSignPhoto(staff, signId))!;
    expect(webp.contentType).toBe("image/webp");
    expect((await sharp(webp.data).metadata()).exif).toBeUndefined();
    expect(await db.select().from(signPhotos).where(eq(signPhotos.signId, signId))).toHaveLength(1);
  });

  it("refuses by content, not by name: text renamed to .jpg, empty, too large, broken, someone else's bord", async () => {
    const { db } = database.current.handle;
    const staff = actorOf(await aUser(db, { role: "staff", municipalityId: krimpen.id }));
    const resident = actorOf(await aUser(db));
    const before = await getSignPhoto(staff, signId);

    expect((await errorOf(saveSignPhoto(staff, signId, Buffer.from("Dit is een tekstbestand met de naam foto.jpg")))).message).toBe(PHOTO_MESSAGES.notAPhoto);
    expect((await errorOf(saveSignPhoto(staff, signId, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')))).message).toBe(PHOTO_MESSAGES.notAPhoto);
    expect((await errorOf(saveSignPhoto(staff, signId, new Uint8Array(0)))).message).toBe(PHOTO_MESSAGES.empty);
    const huge = new Uint8Array(MAX_PHOTO_BYTES + 1);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    expect((await errorOf(saveSignPhoto(staff, signId, huge))).message).toBe(PHOTO_MESSAGES.tooLarge);
    // Starts like a JPEG, is not one (a polyglot or a broken file): it does not decode.
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<html><script>alert(1)</script></html>")]);
    expect((await errorOf(saveSignPhoto(staff, signId, fake))).message).toBe(PHOTO_MESSAGES.unreadable);

    // Someone else's bord, a made-up id, a resident: it does not exist for them.
    const jpeg = await jpegWithGps();
    expect((await errorOf(saveSignPhoto(staff, otherSignId, jpeg))).code).toBe("not_found");
    expect((await errorOf(saveSignPhoto(staff, "niet-een-id", jpeg))).code).toBe("not_found");
    expect((await errorOf(saveSignPhoto(staff, crypto.randomUUID(), jpeg))).code).toBe("not_found");
    expect((await errorOf(saveSignPhoto(resident, signId, jpeg))).code).toMatch(/forbidden|not_found|unauthorized/);
    expect(await getSignPhoto(staff, otherSignId)).toBeNull();
    const otherStaff = actorOf(await aUser(db, { role: "staff", municipalityId: other.id }));
    expect(await getSignPhoto(otherStaff, signId)).toBeNull();
    await expect(getSignPhoto(resident, signId)).rejects.toBeInstanceOf(AppError);

    // Nothing changed.
    expect((await getSignPhoto(staff, signId))!.data.equals(before!.data)).toBe(true);
    expect(await db.select().from(signPhotos).where(eq(signPhotos.signId, otherSignId))).toHaveLength(0);
  });
});
