/**
 * The photo of a placed bord (optional): staff of the bord's municipality upload a
 * JPEG, PNG or WebP of at most 5 MB and see it on the bord's page. Nobody else can fetch it.
 *
 * The file is checked by its first bytes (lib/domain/image-type.ts), never by its name, and is
 * then decoded and encoded again with sharp (already installed with Next.js, a well-kept
 * libvips binding): the stored picture carries no EXIF, GPS, XMP or other metadata (sharp drops
 * all metadata unless asked to keep it), and a file that only looks like a picture at its start
 * (a polyglot, a broken file) is refused because it does not decode. Re-encoding was chosen over
 * "refuse files with GPS": a phone photo nearly always has EXIF, and staff should not have to
 * strip it themselves; re-encoding removes what we do not look for as well.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { db, type Executor } from "@/db";
import { groups, bordPhotos, bords } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { MAX_PHOTO_BYTES, detectPhotoType, type PhotoType } from "@/lib/domain/image-type";
import { AppError, notFound } from "@/lib/errors";
import { municipalityCondition, staffScope } from "../internal/staff-scope";
import { isUuid } from "@/lib/domain/ids";

export const PHOTO_MESSAGES = {
  empty: "Het bestand is leeg. Kies een foto.",
  tooLarge: "De foto is te groot. Kies een foto van hooguit 5 MB.",
  notAPhoto: "Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-foto.",
  unreadable: "Deze foto kunnen wij niet openen. Misschien is het bestand beschadigd. Kies een andere foto.",
} as const;

/** Largest picture (in pixels) we decode: a 50-megapixel photo; more is refused, not decoded. */
const MAX_PIXELS = 50_000_000;

/** Decodes and encodes again in the same format, turned upright, without any metadata. */
async function cleanPhoto(bytes: Uint8Array, type: PhotoType): Promise<Buffer> {
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error" }).rotate();
    const encoded = type === "image/png" ? image.png() : type === "image/webp" ? image.webp({ quality: 85 }) : image.jpeg({ quality: 85 });
    const out = await encoded.toBuffer();
    const meta = await sharp(out).metadata();
    if (meta.exif || meta.xmp || meta.iptc) throw new Error("metadata left after re-encoding");
    return out;
  } catch {
    throw new AppError("bad_request", PHOTO_MESSAGES.unreadable);
  }
}

/** Stores (or replaces) the photo of a placed bord; audited. Throws AppError with a Dutch message. */
export async function saveBordPhoto(actor: Actor | null, bordId: string, bytes: Uint8Array, executor: Executor = db): Promise<{ contentType: PhotoType; bytes: number }> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  if (!isUuid(bordId)) throw notFound();
  if (bytes.byteLength === 0) throw new AppError("bad_request", PHOTO_MESSAGES.empty);
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new AppError("bad_request", PHOTO_MESSAGES.tooLarge);
  const type = detectPhotoType(bytes);
  if (!type) throw new AppError("bad_request", PHOTO_MESSAGES.notAPhoto);
  // Before decoding: someone else's bord id costs no image work.
  const [visible] = await executor
    .select({ id: bords.id })
    .from(bords)
    .innerJoin(groups, eq(groups.id, bords.groupId))
    .where(and(eq(bords.id, bordId), municipalityCondition(staff, groups.municipalityId)));
  if (!visible) throw notFound();
  const clean = await cleanPhoto(bytes, type);
  return executor.transaction(async (tx) => {
    const [bord] = await tx
      .select({ id: bords.id, groupId: bords.groupId, municipalityId: groups.municipalityId })
      .from(bords)
      .innerJoin(groups, eq(groups.id, bords.groupId))
      .where(and(eq(bords.id, bordId), municipalityCondition(staff, groups.municipalityId)))
      .for("update", { of: bords });
    if (!bord) throw notFound();
    const values = { contentType: type, data: clean, byteSize: clean.byteLength, uploadedByUserId: staff.id, createdAt: new Date() };
    await tx.insert(bordPhotos).values({ bordId: bord.id, ...values }).onConflictDoUpdate({ target: bordPhotos.bordId, set: values });
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "sign.photo",
      subjectType: "sign",
      subjectId: bord.id,
      municipalityId: bord.municipalityId,
      details: { groupId: bord.groupId, contentType: type, uploadedBytes: bytes.byteLength, storedBytes: clean.byteLength },
    });
    return { contentType: type, bytes: clean.byteLength };
  });
}

export interface BordPhotoInfo {
  contentType: PhotoType;
  byteSize: number;
  createdAt: Date;
}

/** Whether the bord has a photo (for its page); null when none or when the actor may not see the bord. */
export async function getBordPhotoInfo(actor: Actor | null, bordId: string, executor: Executor = db): Promise<BordPhotoInfo | null> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  if (!isUuid(bordId)) return null;
  const [row] = await executor
    .select({ contentType: bordPhotos.contentType, byteSize: bordPhotos.byteSize, createdAt: bordPhotos.createdAt })
    .from(bordPhotos)
    .innerJoin(bords, eq(bords.id, bordPhotos.bordId))
    .innerJoin(groups, eq(groups.id, bords.groupId))
    .where(and(eq(bordPhotos.bordId, bordId), municipalityCondition(staff, groups.municipalityId)));
  return row ? { ...row, contentType: row.contentType as PhotoType } : null;
}

/** The photo's bytes for the photo route; null when none or when the actor may not see the bord. */
export async function getBordPhoto(actor: Actor | null, bordId: string, executor: Executor = db): Promise<{ contentType: PhotoType; data: Buffer } | null> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  if (!isUuid(bordId)) return null;
  const [row] = await executor
    .select({ contentType: bordPhotos.contentType, data: bordPhotos.data })
    .from(bordPhotos)
    .innerJoin(bords, eq(bords.id, bordPhotos.bordId))
    .innerJoin(groups, eq(groups.id, bords.groupId))
    .where(and(eq(bordPhotos.bordId, bordId), municipalityCondition(staff, groups.municipalityId)));
  return row ? { contentType: row.contentType as PhotoType, data: row.data } : null;
}
