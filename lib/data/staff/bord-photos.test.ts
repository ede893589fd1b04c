import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import { auditLog, bordPhotos, bords, type Municipality } from "@/db/schema";
import { MAX_PHOTO_BYTES } from "@/lib/domain/image-type";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { PHOTO_MESSAGES, getBordPhoto, getBordPhotoInfo, saveBordPhoto } from "./bord-photos";

const database = withTestDatabase();
let krimpen: Municipality;
let other: Municipality;
let bordId: string;
let otherBordId: string;

async function placedBord(m: Municipality): Promise<string> {
  const { db } = database.current.handle;
  const area = await anArea(db, m, { postcodes: [] });
  const group = await aGroup(db, area);
  const request = await aBordRequest(db, group, { status: "placed", placedOn: "2026-11-20", placedLocation: "Hoek Tiendweg" });
  const [bord] = await db.select({ id: bords.id }).from(bords).where(eq(bords.bordRequestId, request.id));
  return bord.id;
}

beforeAll(async () => {
  const { db } = database.current.handle;
  krimpen = await aMunicipality(db);
  other = await aMunicipality(db);
  bordId = await placedBord(krimpen);
  otherBordId = await placedBord(other);
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

    await expect(saveBordPhoto(staff, bordId, upload)).resolves.toMatchObject({ contentType: "image/jpeg" });
    const photo = (await getBordPhoto(staff, bordId))!;
    expect(photo.contentType).toBe("image/jpeg");
    const meta = await sharp(photo.data).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(photo.data.includes(Buffer.from("Geheim 1"))).toBe(false);
    expect(photo.data.includes(Buffer.from("Sanne"))).toBe(false);
    expect(await getBordPhotoInfo(staff, bordId)).toMatchObject({ contentType: "image/jpeg", byteSize: photo.data.byteLength });
    const audits = await db.select().from(auditLog).where(eq(auditLog.subjectId, bordId));
    expect(audits.map((a) => a.action)).toContain("sign.photo");

    // A PNG and a WebP replace it; one photo per bord.
    await saveBordPhoto(staff, bordId, await base().png().toBuffer());
    expect((await getBordPhoto(staff, bordId))!.contentType).toBe("image/png");
    await saveBordPhoto(staff, bordId, await base().webp().withExif({ IFD0: { Make: "Telefoon" } }).toBuffer());
    const webp = (await getBordPhoto(staff, bordId))!;
    expect(webp.contentType).toBe("image/webp");
    expect((await sharp(webp.data).metadata()).exif).toBeUndefined();
    expect(await db.select().from(bordPhotos).where(eq(bordPhotos.bordId, bordId))).toHaveLength(1);
  });

  it("refuses by content, not by name: text renamed to .jpg, empty, too large, broken, someone else's bord", async () => {
    const { db } = database.current.handle;
    const staff = actorOf(await aUser(db, { role: "staff", municipalityId: krimpen.id }));
    const resident = actorOf(await aUser(db));
    const before = await getBordPhoto(staff, bordId);

    expect((await errorOf(saveBordPhoto(staff, bordId, Buffer.from("Dit is een tekstbestand met de naam foto.jpg")))).message).toBe(PHOTO_MESSAGES.notAPhoto);
    expect((await errorOf(saveBordPhoto(staff, bordId, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')))).message).toBe(PHOTO_MESSAGES.notAPhoto);
    expect((await errorOf(saveBordPhoto(staff, bordId, new Uint8Array(0)))).message).toBe(PHOTO_MESSAGES.empty);
    const huge = new Uint8Array(MAX_PHOTO_BYTES + 1);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    expect((await errorOf(saveBordPhoto(staff, bordId, huge))).message).toBe(PHOTO_MESSAGES.tooLarge);
    // Starts like a JPEG, is not one (a polyglot or a broken file): it does not decode.
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<html><script>alert(1)</script></html>")]);
    expect((await errorOf(saveBordPhoto(staff, bordId, fake))).message).toBe(PHOTO_MESSAGES.unreadable);

    // Someone else's bord, a made-up id, a resident: it does not exist for them.
    const jpeg = await jpegWithGps();
    expect((await errorOf(saveBordPhoto(staff, otherBordId, jpeg))).code).toBe("not_found");
    expect((await errorOf(saveBordPhoto(staff, "niet-een-id", jpeg))).code).toBe("not_found");
    expect((await errorOf(saveBordPhoto(staff, crypto.randomUUID(), jpeg))).code).toBe("not_found");
    expect((await errorOf(saveBordPhoto(resident, bordId, jpeg))).code).toMatch(/forbidden|not_found|unauthorized/);
    expect(await getBordPhoto(staff, otherBordId)).toBeNull();
    const otherStaff = actorOf(await aUser(db, { role: "staff", municipalityId: other.id }));
    expect(await getBordPhoto(otherStaff, bordId)).toBeNull();
    await expect(getBordPhoto(resident, bordId)).rejects.toBeInstanceOf(AppError);

    // Nothing changed.
    expect((await getBordPhoto(staff, bordId))!.data.equals(before!.data)).toBe(true);
    expect(await db.select().from(bordPhotos).where(eq(bordPhotos.bordId, otherBordId))).toHaveLength(0);
  });
});
