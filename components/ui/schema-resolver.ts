/**
 * react-hook-form's zod resolver, loaded by useActionForm together with the form's schema (not
 * with the page): the same resolver every form used before, so the browser's check gives the
 * same messages at the same fields.
 */
import "@/lib/validation/zod-config";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";

export function resolverFor<I extends FieldValues, O>(schema: ZodType<O, I>): Resolver<I, unknown, O> {
  return zodResolver(schema) as Resolver<I, unknown, O>;
}
