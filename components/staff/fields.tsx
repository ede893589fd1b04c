import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function LabelHintError({ id, label, hint, error }: { id: string; label: ReactNode; hint?: ReactNode; error?: string }) {
  return (
    <>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 font-semibold text-red-700">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled text area with hint and error linked through aria-describedby. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  className = "",
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: ReactNode; hint?: ReactNode; error?: string }) {
  return (
    <div className={className}>
      <LabelHintError id={id} label={label} hint={hint} error={error} />
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`mt-1 block w-full rounded border-2 px-3 py-2 text-base ${error ? "border-red-700" : "border-slate-600"}`}
        {...props}
      />
    </div>
  );
}

/** A labelled select with hint and error. */
export function SelectField({
  id,
  label,
  hint,
  error,
  className = "",
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: ReactNode; hint?: ReactNode; error?: string }) {
  return (
    <div className={className}>
      <LabelHintError id={id} label={label} hint={hint} error={error} />
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`mt-1 block w-full rounded border-2 bg-white px-3 py-2 text-base ${error ? "border-red-700" : "border-slate-600"}`}
        {...props}
      >
        {children}
      </select>
    </div>
  );
}
