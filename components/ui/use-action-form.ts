"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "./action-result";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";


export interface StatusMessage {
  tone: "success" | "error";
  text: string;
}

/**
 * A staff form: checked in the browser with the shared zod schema (zodResolver), then the
 * typed values go to the server action, which checks them again. Field errors from the server
 * land at their field; the values stay in the form; on success the page data is reloaded.
 */
export function useActionForm<I extends FieldValues, O>(options: {
  resolver: Resolver<I, unknown, O>;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  defaultValues: DefaultValues<I>;
  successMessage: string;
  resetOnSuccess?: boolean;
  /** Instead of showing the success message here (e.g. go to a URL that shows it). */
  onSuccess?: () => void;
  /** Instead of refreshing in place after a conflict (e.g. go to a URL that shows the message). */
  onConflict?: () => void;
}) {
  const router = useRouter();
  const form = useForm<I, unknown, O>({ resolver: options.resolver, defaultValues: options.defaultValues, mode: "onSubmit" });
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const [pending, startTransition] = useTransition();

  const onSubmit = form.handleSubmit(
    () => {
      setMessage(null);
      startTransition(async () => {
        const result = await options.action(form.getValues());
        if (result.ok) {
          if (options.onSuccess) {
            options.onSuccess();
            return;
          }
          setMessage({ tone: "success", text: options.successMessage });
          if (options.resetOnSuccess) form.reset(options.defaultValues);
          router.refresh();
          return;
        }
        if (result.code === "conflict" && options.onConflict) {
          options.onConflict();
          return;
        }
        for (const [key, text] of Object.entries(result.fieldErrors ?? {})) {
          form.setError(key as Path<I>, { type: "server", message: text });
        }
        setMessage({ tone: "error", text: result.message });
        if (result.code === "conflict") router.refresh();
      });
    },
    () => setMessage({ tone: "error", text: "Niet alles is goed ingevuld. Kijk naar de meldingen bij de velden." }),
  );

  const error = (name: string): string | undefined => {
    const parts = name.split(".");
    let node: unknown = form.formState.errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };

  return { form, onSubmit, message, pending, error };
}
