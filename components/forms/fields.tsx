"use client";

import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * Form controls for react-hook-form (`{...register("name")}` passes its ref; React 19 passes
 * `ref` as a prop). Every control has a label; hint and error are linked with
 * aria-describedby, and an error sets aria-invalid. The error is written out in words with a
 * warning sign, so colour is never the only signal.
 */
interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
}

function describedBy(id: string, hint: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
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

const controlClass = (error?: string) =>
  `mt-1 block w-full rounded border-2 bg-white px-3 py-2 text-base ${error ? "border-red-700" : "border-slate-600"}`;

export function TextInput({
  id,
  label,
  hint,
  error,
  className = "",
  ref,
  ...input
}: FieldFrameProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass(error)}
        {...input}
      />
    </div>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  className = "",
  ref,
  ...input
}: FieldFrameProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass(error)}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  className = "",
  ref,
  children,
  ...select
}: FieldFrameProps & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass(error)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

export function CheckboxField({
  id,
  label,
  error,
  className = "",
  ref,
  ...input
}: Omit<FieldFrameProps, "hint"> & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <div className={className}>
      {error ? (
        <p id={`${id}-error`} className="mb-1 font-semibold text-red-700">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          ref={ref}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 h-6 w-6 shrink-0 accent-brand-700"
          {...input}
        />
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
      </div>
    </div>
  );
}

/** The message of a whole form (server answer), announced to screen readers. */
export function FormMessage({ tone, title, children }: { tone: "error" | "success" | "warning"; title: string; children?: ReactNode }) {
  const styles = {
    error: "border-red-700 bg-red-50",
    success: "border-green-700 bg-green-50",
    warning: "border-amber-600 bg-amber-50",
  } as const;
  const label = { error: "Fout", success: "Gelukt", warning: "Waarschuwing" } as const;
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded border-l-4 px-4 py-3 text-slate-900 ${styles[tone]}`}>
      <p className="font-semibold">
        <span className="sr-only">{label[tone]}: </span>
        {title}
      </p>
      {children ? <div className="mt-1">{children}</div> : null}
    </div>
  );
}
