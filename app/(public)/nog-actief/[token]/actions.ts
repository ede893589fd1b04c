"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formDataOrEmpty, publicAction } from "@/lib/actions";
import { confirmGroupByLink } from "@/lib/data/public/yearly-check";
import { routes } from "@/lib/routes";

const confirmSchema = z.object({ token: z.string().trim().regex(/^[A-Za-z0-9_-]{43}$/, "Deze link is niet compleet.") });

const confirm = publicAction("group_check.confirm", confirmSchema, async ({ token }) => confirmGroupByLink(token));

/**
 * The button on /nog-actief/[token]: confirms the group is still active. Public by design: the
 * token from the e-mail is the authority, for that one check only (lib/data/public/yearly-check.ts).
 */
export async function confirmGroupActiveAction(formData: FormData): Promise<void> {
  const input = formDataOrEmpty(formData);
  const result = await confirm(input);
  const token = input.get("token");
  const path = routes.groupCheck(typeof token === "string" ? token.slice(0, 100) : "");
  if (result.ok) redirect(`${path}?klaar=1`);
  redirect(`${path}?fout=${result.code === "unprocessable" ? "verlopen" : "ongeldig"}`);
}
