import { z } from "zod";

import { emailField } from "./fields";

/** The sign-in form: the e-mail address that receives the sign-in link. */
export const signInSchema = z.object({
  email: emailField,
});
export type SignInFormInput = z.input<typeof signInSchema>;
export type SignIn = z.output<typeof signInSchema>;
