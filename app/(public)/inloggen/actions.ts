"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formDataOrEmpty, publicAction } from "@/lib/actions";
import { authSignIn } from "@/lib/auth/next-auth";
import { OIDC_PROVIDER_ID, oidcConfigured } from "@/lib/auth/config";
import { requestSignInLink } from "@/lib/auth/sign-in";
import type { SignInFormState } from "@/components/auth/sign-in-form";
import { AppError } from "@/lib/errors";
import { safeReturnPath, signInRequestSchema } from "@/lib/validation";
import { routes } from "@/lib/routes";

type SignInState = SignInFormState;

const sendLink = publicAction("auth.request_sign_in_link", signInRequestSchema, async (input, context) => {
  await requestSignInLink({ email: input.email, returnTo: input.terug, ip: context.ip, honeypot: input.website });
  return { email: input.email };
});

/** The sign-in form (useActionState): asks for a link; the same answer for every address. */
export async function requestSignInLinkAction(_previous: SignInState, posted: FormData): Promise<SignInState> {
  const formData = formDataOrEmpty(posted);
  const result = await sendLink(formData);
  if (result.ok) return { status: "sent", email: result.data.email, sentAt: Date.now() };
  const typed = formData.get("email");
  return {
    status: "error",
    code: result.code,
    message: result.message,
    fieldErrors: result.fieldErrors,
    email: typeof typed === "string" ? typed.slice(0, 300) : "",
  };
}

const oidcSignIn = publicAction(
  "auth.oidc_sign_in",
  z.object({ terug: z.string().nullish().transform((value) => safeReturnPath(value)) }),
  async (input) => {
    if (!oidcConfigured()) throw new AppError("not_found");
    const next = input.terug ? `${routes.signInContinue}?terug=${encodeURIComponent(input.terug)}` : routes.signInContinue;
    // Sets the state/PKCE cookies and redirects to the municipality's identity provider.
    await authSignIn(OIDC_PROVIDER_ID, { redirectTo: next });
  },
);

/** "Inloggen met uw gemeente-account" (only shown when OpenID Connect is configured). */
export async function signInWithOidcAction(formData: FormData): Promise<void> {
  // On success Auth.js has redirected to the identity provider; otherwise (provider unreachable,
  // misconfigured) the visitor sees a message on /inloggen.
  const result = await oidcSignIn(formData);
  if (!result.ok) redirect(`${routes.signIn}?error=OAuthSignin`);
}
