/** Dutch display formats for the public pages (dates through lib/format/index.ts). */
import { DEFAULT_BORD_THRESHOLD } from "@/lib/domain/eligibility";
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

/** A municipality's rule for a bord, as the public pages need it. */
export interface BordRule {
  bordThreshold: number;
  bordCondition: "addresses" | "household_share";
  bordHouseholdPercent: number | null;
}

/**
 * What a group needs for a bord, for "Doen er … of meer mee": "50 adressen", or "10% van de
 * adressen in uw wijk" where the municipality counts a share of households. The rule of the
 * installation's municipalities when they all have the same one (none yet: the default of 50);
 * null when their rules differ, so the page says it differs per municipality instead of a
 * number that is wrong for some.
 */
export function bordConditionText(municipalities: BordRule[]): string | null {
  const rules = new Set(
    municipalities.map((m) =>
      m.bordCondition === "household_share" && m.bordHouseholdPercent !== null
        ? `${m.bordHouseholdPercent}% van de adressen in uw wijk`
        : addressesLabel(m.bordThreshold),
    ),
  );
  if (rules.size === 0) return addressesLabel(DEFAULT_BORD_THRESHOLD);
  return rules.size === 1 ? [...rules][0] : null;
}
