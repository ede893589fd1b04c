import type { ComponentPropsWithRef, ReactNode } from "react";

/**
 * A labelled input with its hint and error linked through aria-describedby; an error also sets
 * aria-invalid. Works in server-rendered forms without JavaScript.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  className = "",
  ...input
}: ComponentPropsWithRef<"input"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 font-semibold text-red-700">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded border-2 px-3 py-2 text-base ${
          error ? "border-red-700" : "border-slate-600"
        }`}
        {...input}
      />
    </div>
  );
}
