import { SIGN_REQUEST_STATUS_LABELS, type SignRequestStatus } from "@/lib/domain";

const dateTime = new Intl.DateTimeFormat("nl-NL", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" });
const dateOnly = new Intl.DateTimeFormat("nl-NL", { dateStyle: "medium", timeZone: "Europe/Amsterdam" });
const number = new Intl.NumberFormat("nl-NL");

export const formatDateTime = (d: Date | null | undefined) => (d ? dateTime.format(d) : "—");
export const formatDate = (d: Date | null | undefined) => (d ? dateOnly.format(d) : "—");
export const formatNumber = (n: number) => number.format(n);
/** A YYYY-MM-DD calendar date as Dutch text. */
export function formatCalendarDay(iso: string | null | undefined): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-").map(Number);
  return dateOnly.format(new Date(Date.UTC(y, m - 1, d, 12)));
}
export function statusLabel(status: SignRequestStatus | null): string {
  return status ? SIGN_REQUEST_STATUS_LABELS[status] : "geen aanvraag";
}
export function days(n: number): string {
  return n === 1 ? "1 dag" : `${n} dagen`;
}
