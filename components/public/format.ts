/** Dutch display formats for the public pages (dates through lib/format/index.ts). */
import { formatDate } from "@/lib/format";

const numberFormat = new Intl.NumberFormat("nl-NL");
const percentFormat = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "2025-02-10" → "10 februari 2025". */
export function formatDateNl(isoDate: string): string {
  return formatDate(isoDate);
}

/** 2800 → "2.800". */
export function formatNumberNl(value: number): string {
  return numberFormat.format(value);
}

/** 2.2 → "2,2%". */
export function formatPercentNl(value: number): string {
  return `${percentFormat.format(value)}%`;
}

/** "1 adres" / "62 adressen". */
export function addressesLabel(count: number): string {
  return `${formatNumberNl(count)} ${count === 1 ? "adres" : "adressen"}`;
}

/** "1 groep" / "3 groepen". */
export function groupsLabel(count: number): string {
  return `${formatNumberNl(count)} ${count === 1 ? "groep" : "groepen"}`;
}
