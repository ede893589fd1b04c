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
import { groups, signPhotos, signs } from "@/db/schema";
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
export async function saveSignPhoto(actor: Actor | null, signId: string, bytes: Uint8Array, executor: Executor = db): Promise<{ contentType: PhotoType; bytes: number }> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  if (!isUuid(signId)) throw notFound();
  if (bytes.byteLength === 0) throw new AppError("bad_request", PHOTO_MESSAGES.empty);
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new AppError("bad_request", PHOTO_MESSAGES.tooLarge);
  const type = detectPhotoType(bytes);
  if (!type) throw new AppError("bad_request", PHOTO_MESSAGES.notAPhoto);
  // Before decoding: someone else's bord id costs no image work.
  const [visible] = await executor
    .select({ id: signs.id })
    .from(signs)
    .innerJoin(groups, eq(groups.id, signs.groupId))
    .where(and(eq(signs.id, signId), municipalityCondition(staff, groups.municipalityId)));
  if (!visible) throw notFound();
  const clean = await cleanPhoto(bytes, type);
  return executor.transaction(async (tx) => {
    const [sign] = await tx
      .select({ id: signs.id, groupId: signs.groupId, municipalityId: groups.municipalityId })
      .from(signs)
      .innerJoin(groups, eq(groups.id, signs.groupId))
      .where(and(eq(signs.id, signId), municipalityCondition(staff, groups.municipalityId)))
      .for("update", { of: signs });
    if (!sign) throw notFound();
    const values = { contentType: type, data: clean, byteSize: clean.byteLength, uploadedByUserId: staff.id, createdAt: new Date() };
    await tx.insert(signPhotos).values({ signId: sign.id, ...values }).onConflictDoUpdate({ target: signPhotos.signId, set: values });
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "sign.photo",
      subjectType: "sign",
      subjectId: sign.id,
      municipalityId: sign.municipalityId,
      details: { groupId: sign.groupId, contentType: type, uploadedBytes: bytes.byteLength, storedBytes: clean.byteLength },
    });
    return { contentType: type, bytes: clean.byteLength };
  });
}

export interface SignPhotoInfo {
  contentType: PhotoType;
  byteSize: number;
  createdAt: Date;
}

/** Whether the bord has a photo (for its page); null when none or when the actor may not see the bord. */
export async function getSignPhotoInfo(actor: Actor | null, signId: string, executor: Executor = db): Promise<SignPhotoInfo | null> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  if (!isUuid(signId)) return null;
  const [row] = await executor
    .select({ contentType: signPhotos.contentType, byteSize: signPhotos.byteSize, createdAt: signPhotos.createdAt })
    .from(signPhotos)
    .innerJoin(signs, eq(signs.id, signPhotos.signId))
    .innerJoin(groups, eq(groups.id, signs.groupId))
    .where(and(eq(signPhotos.signId, signId), municipalityCondition(staff, groups.municipalityId)));
  return row ? { ...row, contentType: row.contentType as PhotoType } : null;
}

/** The photo's bytes for the photo route; null when none or when the actor may not see the bord. */
export async function getSignPhoto(actor: Actor | null, signId: string, executor: Executor = db): Promise<{ contentType: PhotoType; data: Buffer } | null> {
  requirePermission(actor, "bord.maintain");
  const staff = staffScope(actor);
  if (!isUuid(signId)) return null;
  const [row] = await executor
    .select({ contentType: signPhotos.contentType, data: signPhotos.data })
    .from(signPhotos)
    .innerJoin(signs, eq(signs.id, signPhotos.signId))
    .innerJoin(groups, eq(groups.id, signs.groupId))
    .where(and(eq(signPhotos.signId, signId), municipalityCondition(staff, groups.municipalityId)));
  return row ? { contentType: row.contentType as PhotoType, data: row.data } : null;
}
