import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * The form kit's fields. Every control has a label; its hint and error are linked through
 * aria-describedby (`<id>-hint`, `<id>-error`), and an error sets aria-invalid. The error is
 * written out in words with a warning sign, so colour is never the only signal. No hooks: the
 * same markup works in server-rendered forms without JavaScript and with react-hook-form
 * (`{...register("name")}` passes its ref; React 19 passes `ref` as a prop).
 */
export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
}

/** The ids a control names in aria-describedby: its hint, then its error. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's error, in words, with the id its control points to. */
export function FieldError({ id, error, className = "mt-1" }: { id: string; error?: string; className?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className={`${className} font-semibold text-red-700`}>
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

/** Label, hint and error above a control (the control itself is the child). */
export function Field({ id, label, hint, error, className = "", children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

const controlClass = (error?: string) =>
  `mt-1 block w-full rounded border-2 bg-white px-3 py-2 text-base ${error ? "border-red-700" : "border-slate-600"}`;

/** Splits a field's props into the frame's (label, hint, error) and the control's own. */
function split<P extends FieldProps>({ id, label, hint, error, className, ...control }: P) {
  const frame: FieldProps = { id, label, hint, error, className };
  const aria = { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error), className: controlClass(error) };
  return { frame, aria, control };
}

export function TextField({ ref, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const { frame, aria, control } = split(props);
  return (
    <Field {...frame}>
      <input ref={ref} {...aria} {...control} />
    </Field>
  );
}

export function TextAreaField({ ref, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  const { frame, aria, control } = split(props);
  return (
    <Field {...frame}>
      <textarea ref={ref} {...aria} {...control} />
    </Field>
  );
}

export function SelectField({ ref, children, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  const { frame, aria, control } = split(props);
  return (
    <Field {...frame}>
      <select ref={ref} {...aria} {...control}>
        {children}
      </select>
    </Field>
  );
}

/** A checkbox with its label beside it; the error stands above, where it is read first. */
export function CheckboxField({
  id,
  label,
  error,
  className = "",
  ref,
  ...input
}: Omit<FieldProps, "hint"> & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <div className={className}>
      <FieldError id={id} error={error} className="mb-1" />
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
