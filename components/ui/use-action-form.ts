"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type BaseSyntheticEvent, type Dispatch, type SetStateAction } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
} from "react-hook-form";
import { applyFieldErrors, NETWORK_FAILURE, type ActionResult } from "./action-result";
import { lazyResolver, type SchemaLoader } from "./schema-check";

export type { SchemaLoader };

export interface StatusMessage {
  tone: "success" | "error" | "warning";
  text: string;
}

/** The summary a form shows when the browser's check finds mistakes (where the form shows one). */
export const INVALID_FORM_MESSAGE = "Niet alles is goed ingevuld. Kijk naar de meldingen bij de velden.";

export interface ActionFormOptions<I extends FieldValues, O, T> {
  /**
   * The form's shared zod schema, loaded on first use (first focus in the form, or the first
   * check): `() => import("@/lib/validation/x").then((m) => m.xSchema)`. A dynamic import per
   * form, so the page does not load zod; the server checks with the same schema.
   */
  schema: SchemaLoader<I, O>;
  defaultValues: DefaultValues<I>;
  /**
   * Sends what was typed (the server action, or a wrapper that adds ids); `parsed` is the
   * browser's clean reading of it. The server checks the input again; its check counts.
   */
  action: (values: I, parsed: O) => Promise<ActionResult<T>>;
  /** The message after success (the page data is then reloaded). */
  successMessage?: string;
  /**
   * After success, instead of `successMessage`: returns the message to show (the page data is
   * then reloaded), or nothing when it goes elsewhere itself (router.push).
   */
  onSuccess?: (data: T, parsed: O) => StatusMessage | void;
  /** Empty the form after success (a form that adds things). */
  resetOnSuccess?: boolean;
  /** Instead of refreshing in place after a conflict (e.g. go to a URL that shows the message). */
  onConflict?: () => void;
  /** Before the server's field errors are put at their fields (e.g. show the step that holds them). */
  onRefused?: (result: Extract<ActionResult<T>, { ok: false }>) => void;
  /** When the browser's check finds mistakes (react-hook-form has focused the first field). */
  onInvalid?: (errors: FieldErrors<I>) => void;
  /** A summary to show when the browser's check finds mistakes (INVALID_FORM_MESSAGE). */
  invalidMessage?: string;
  /** Which of the server's field errors belong to this form's fields (default: all). */
  knownFields?: (name: string) => boolean;
  /** One message shared by several forms (useState in the component that shows it). */
  status?: [StatusMessage | null, Dispatch<SetStateAction<StatusMessage | null>>];
}

/**
 * A react-hook-form form that sends a server action: every form of the application uses it.
 * - The browser checks with the form's shared zod schema, loaded on demand (`schema`) and kept
 *   after the first load; `preload` (on the form's first focus) starts loading it early, so the
 *   first submit rarely waits. react-hook-form puts the messages at the fields and focuses the
 *   first wrong one.
 * - Then `action` runs with what was typed; a thrown action (network down) becomes a message.
 *   The server's field errors land at their fields (the first is focused), what was typed stays.
 * - On success the page data is reloaded (router.refresh) unless `onSuccess` went elsewhere.
 */
export function useActionForm<I extends FieldValues, O = I, T = unknown>(options: ActionFormOptions<I, O, T>) {
  const router = useRouter();
  const [check] = useState(() => lazyResolver(options.schema));
  const form = useForm<I, unknown, O>({ resolver: check.resolver, defaultValues: options.defaultValues, mode: "onSubmit" });
  const ownStatus = useState<StatusMessage | null>(null);
  const [message, setMessage] = options.status ?? ownStatus;
  const [transitionPending, startTransition] = useTransition();
  // One send at a time (Enter in a field while the button is off).
  const sending = useRef(false);

  const send = (parsed: O) => {
    if (sending.current) return;
    sending.current = true;
    setMessage(null);
    startTransition(async () => {
      const result = await options.action(form.getValues(), parsed).catch(() => NETWORK_FAILURE as ActionResult<T>);
      sending.current = false;
      if (result.ok) {
        let shown: StatusMessage | undefined;
        if (options.onSuccess) {
          const answer = options.onSuccess(result.data, parsed);
          if (!answer) return;
          shown = answer;
        } else if (options.successMessage) {
          shown = { tone: "success", text: options.successMessage };
        }
        if (shown) setMessage(shown);
        if (options.resetOnSuccess) form.reset(options.defaultValues);
        router.refresh();
        return;
      }
      if (result.code === "conflict" && options.onConflict) {
        options.onConflict();
        return;
      }
      options.onRefused?.(result);
      applyFieldErrors(form.setError, result.fieldErrors, options.knownFields);
      setMessage({ tone: "error", text: result.message });
      if (result.code === "conflict") router.refresh();
    });
  };

  const refuse = (errors: FieldErrors<I>) => {
    if (options.invalidMessage) setMessage({ tone: "error", text: options.invalidMessage });
    options.onInvalid?.(errors);
  };

  const onSubmit = (event?: BaseSyntheticEvent) => form.handleSubmit(send, refuse)(event);

  const error = (name: string): string | undefined => {
    let node: unknown = form.formState.errors;
    for (const part of name.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as { message?: string } | undefined)?.message;
  };

  // Busy while the check runs (the first time it may wait for the schema) and while the action
  // and the reload that follows it run.
  const pending = transitionPending || form.formState.isSubmitting;
  return { form, onSubmit, message, setMessage, pending, error, preload: check.preload };
}
