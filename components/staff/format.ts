import { BORD_REQUEST_STATUS_LABELS, type BordRequestStatus } from "@/lib/domain";
import { formatCount, formatDate as formatDay, formatDateTime as formatMoment } from "@/lib/format";

/** "4 december 2026 om 14:05" (lib/format/index.ts). */
export const formatDateTime = (d: Date | null | undefined) => formatMoment(d);
/** "4 december 2026" (lib/format/index.ts). */
export const formatDate = (d: Date | null | undefined) => formatDay(d);
export const formatNumber = (n: number) => formatCount(n);
/** A YYYY-MM-DD calendar date as Dutch text: "4 december 2026". */
export function formatCalendarDay(iso: string | null | undefined): string {
  return formatDay(iso);
}
export function statusLabel(status: BordRequestStatus | null): string {
  return status ? BORD_REQUEST_STATUS_LABELS[status] : "geen aanvraag";
}
export function days(n: number): string {
  return n === 1 ? "1 dag" : `${n} dagen`;
}
