"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, signedInAction } from "@/lib/actions";
import { sessionCookieName, usesSecureCookies } from "@/lib/auth/config";
import { authSignOut } from "@/lib/auth/next-auth";
import { endAllSessions } from "@/lib/data/platform/users";
import { routes } from "@/lib/routes";

const noInput = z.object({});

const signOutHere = publicAction("auth.sign_out", noInput, async () => {
  // Deletes this session in the database (Auth.js records it through events.signOut) and the cookie.
  await authSignOut({ redirect: false });
});

const signOutEverywhere = signedInAction("session.end_own", noInput, async (_input, { user }) => {
  await endAllSessions(user, user.id);
  // Expire the cookie with the attributes it was set with (a __Secure- cookie needs Secure).
  (await cookies()).set(sessionCookieName(), "", {
    expires: new Date(0),
    path: routes.home,
    httpOnly: true,
    sameSite: "lax",
    secure: usesSecureCookies(),
  });
});

/** Ends this session (POST from /uitloggen or the header). */
export async function signOutAction(): Promise<void> {
  const result = await signOutHere({});
  redirect(`${routes.signOut}?${result.ok ? "klaar=1" : "fout=1"}`);
}

/** Ends every session of the signed-in user, on all devices. */
export async function signOutEverywhereAction(): Promise<void> {
  const result = await signOutEverywhere({});
  // Not signed in (any more) is fine too: there is nothing left to end.
  redirect(`${routes.signOut}?${result.ok || result.code === "unauthorized" ? "klaar=alle" : "fout=1"}`);
}
