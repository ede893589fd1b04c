import type { z } from "zod";

/** Test helper: the messages of a failed parse, keyed by dotted path ("admins.0.email"). */
export function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    (errors[path] ??= []).push(issue.message);
  }
  return errors;
}

/** Test helper: the parsed value, failing the test with the messages when invalid. */
export function parseOk<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`expected valid input, got: ${JSON.stringify(errorsOf(schema, input))}`);
  return result.data;
}
