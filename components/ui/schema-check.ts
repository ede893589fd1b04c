/**
 * A form's shared zod schema, loaded when the form is first used. zod (with the phone number
 * rules) is most of a form's JavaScript; a page loads it only when someone starts filling in a
 * form (scripts/js-budget.mjs holds the pages to their budget). This file imports zod's types
 * only: each form names its schema in a dynamic import, so the bundler gives the schema a chunk
 * of its own:
 *
 *   schema: () => import("@/lib/validation/staff").then((m) => m.areaSchema)
 *
 * The browser's check is a courtesy: when the chunk cannot be loaded (network gone), the form is
 * sent as typed and the server's check, the one that counts, answers.
 */
import type { FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";

/** Loads a form's schema (input type I, clean output O). */
export type SchemaLoader<I = unknown, O = unknown> = () => Promise<ZodType<O, I>>;

/**
 * Loads once and keeps the answer; after a failed load the next call tries again. `preload`
 * starts the load without waiting (on the form's first focus).
 */
export function lazily<T>(load: () => Promise<T>): { get: () => Promise<T>; preload: () => void } {
  let loading: Promise<T> | undefined;
  const get = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return { get, preload: () => void get().catch(() => undefined) };
}

/**
 * Checks `input` with the schema: the first message per field ("address.postcode" for nested
 * fields), empty when all is well, or null when the schema could not be loaded.
 */
export async function checkWithSchema(schema: () => Promise<ZodType>, input: unknown): Promise<Record<string, string> | null> {
  let loaded: ZodType;
  try {
    loaded = await schema();
  } catch {
    return null;
  }
  const result = await loaded.safeParseAsync(input);
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
  return errors;
}

/**
 * A resolver that loads the schema (and zod's resolver) on first use. Without them (the chunk did
 * not load) the values pass as typed, and the server's check answers.
 */
export function lazyResolver<I extends FieldValues, O>(schema: SchemaLoader<I, O>) {
  const loaded = lazily(() =>
    Promise.all([import("./schema-resolver"), schema()]).then(([{ resolverFor }, s]) => resolverFor<I, O>(s)),
  );
  const resolver: Resolver<I, unknown, O> = async (values, context, options) => {
    let resolve: Resolver<I, unknown, O>;
    try {
      resolve = await loaded.get();
    } catch {
      return { values: values as unknown as O, errors: {} };
    }
    return resolve(values, context, options);
  };
  return { resolver, preload: loaded.preload };
}
