import type { PublicBordStatus } from "@/lib/validation/public-api";

export const BORD_STATUS_LABELS: Record<PublicBordStatus, string> = {
  none: "Nog geen bord",
  requested: "Bord aangevraagd",
  placed: "Bord geplaatst",
};

const styles: Record<PublicBordStatus, string> = {
  none: "border-slate-400 bg-white text-slate-800",
  requested: "border-amber-600 bg-amber-50 text-slate-900",
  placed: "border-green-700 bg-green-50 text-slate-900",
};

const icons: Record<PublicBordStatus, string> = { none: "○", requested: "◐", placed: "●" };

/** The bord status as a label with words (colour and symbol only support the words). */
export function BordStatusBadge({ status }: { status: PublicBordStatus }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-semibold ${styles[status]}`}>
      <span aria-hidden="true">{icons[status]}</span>
      {BORD_STATUS_LABELS[status]}
    </span>
  );
}
