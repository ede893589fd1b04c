import { can, getCurrentUser } from "@/lib/auth";
import { PHOTO_MESSAGES, getBordPhoto, saveBordPhoto } from "@/lib/data/staff/bord-photos";
import { MAX_PHOTO_BYTES } from "@/lib/domain/image-type";
import { AppError } from "@/lib/errors";
import { routes } from "@/lib/routes";

export const dynamic = "force-dynamic";

/**
 * The photo of a placed bord: GET shows it (staff of the bord's municipality only; anyone else
 * gets 404), POST stores a new one from the upload form on /beheer/geplaatste-borden/[id]
 * (multipart, field "foto") and goes back to that page with a message. The picture is served
 * with its real type, nosniff (lib/server/security.ts, every answer) and the page's CSP intact,
 * as a download-safe inline image that no cache keeps.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!can(user, "bord.maintain")) return notFound();
  const photo = await getBordPhoto(user, id).catch((error: unknown) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  if (!photo) return notFound();
  return new Response(new Uint8Array(photo.data), {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.data.byteLength),
      "Content-Disposition": `inline; filename="bord-${id}.${photo.contentType.split("/")[1].replace("jpeg", "jpg")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!can(user, "bord.maintain")) return notFound();
  // A POST from another site never gets here: proxy.ts checks the Origin of every POST, and
  // allows this path (only) a body up to the photo's 5 MB (lib/server/security.ts).
  const back = (query: string) => Response.redirect(new URL(`${routes.staff.placedBord(id)}?${query}`, request.url), 303);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_PHOTO_BYTES + 64 * 1024) return back("foto-fout=te-groot#foto-sectie");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return back("foto-fout=leeg#foto-sectie");
  }
  const file = form.get("foto");
  if (!(file instanceof File)) return back("foto-fout=leeg#foto-sectie");
  if (file.size > MAX_PHOTO_BYTES) return back("foto-fout=te-groot#foto-sectie");
  try {
    await saveBordPhoto(user, id, new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "not_found") return notFound();
    const code = (Object.keys(PHOTO_MESSAGES) as Array<keyof typeof PHOTO_MESSAGES>).find((k) => PHOTO_MESSAGES[k] === error.message) ?? "unreadable";
    return back(`foto-fout=${PHOTO_ERROR_PARAMS[code]}#foto-sectie`);
  }
  return back("gelukt=foto#foto-sectie");
}

const PHOTO_ERROR_PARAMS: Record<keyof typeof PHOTO_MESSAGES, string> = {
  empty: "leeg",
  tooLarge: "te-groot",
  notAPhoto: "geen-foto",
  unreadable: "onleesbaar",
};

function notFound(): Response {
  return new Response("Niet gevonden", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
