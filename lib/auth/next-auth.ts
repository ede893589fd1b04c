/**
 * The Auth.js instance for Next.js: the route handler (app/api/auth/[...nextauth]) and the
 * helpers that set cookies from server actions (OpenID Connect sign-in, sign-out).
 * The configuration is built lazily, so importing this opens no database.
 */
import "server-only";
import NextAuth from "next-auth";
import { authConfig } from "./config";

export const { handlers, signIn: authSignIn, signOut: authSignOut } = NextAuth(() => authConfig());
