import type { ReactNode } from "react";

const tones = {
  info: "border-brand-600 bg-brand-50 text-slate-900",
  success: "border-green-700 bg-green-50 text-slate-900",
  warning: "border-amber-600 bg-amber-50 text-slate-900",
  error: "border-red-700 bg-red-50 text-slate-900",
} as const;

const labels = { info: "Let op", success: "Gelukt", warning: "Waarschuwing", error: "Fout" } as const;

/** A message box. The tone is written out as a word too, so colour is never the only signal. */
export function Alert({
  tone = "info",
  title,
  children,
  role,
}: {
  tone?: keyof typeof tones;
  title?: string;
  children?: ReactNode;
  role?: "alert" | "status";
}) {
  return (
    <div role={role} className={`rounded border-l-4 px-4 py-3 ${tones[tone]}`}>
      <p className="font-semibold">
        <span className="sr-only">{labels[tone]}: </span>
        {title ?? labels[tone]}
      </p>
      {children ? <div className="mt-1">{children}</div> : null}
    </div>
  );
}

/** The message of a whole form (the server's answer): an Alert announced to screen readers. */
export function FormMessage({ tone, title, children }: { tone: "error" | "success" | "warning"; title: string; children?: ReactNode }) {
  return (
    <Alert tone={tone} title={title} role={tone === "error" ? "alert" : "status"}>
      {children}
    </Alert>
  );
}
