import { renderMail, type MailContent } from "./layout";

export const SIGN_IN_LINK_KIND = "sign_in_link";

/**
 * The e-mail with the sign-in link. It says how long the link works, that it works once, and
 * what to do when the reader did not ask for it. It never says whether an account exists.
 */
export function signInLinkMail(input: { url: string; validMinutes: number }): MailContent {
  return renderMail({
    subject: "Uw inloglink voor WhatsApp Buurtpreventie",
    greeting: "Hallo,",
    blocks: [
      { type: "paragraph", text: "U heeft gevraagd om in te loggen op de website voor WhatsApp-buurtpreventie. Klik op de knop om verder te gaan." },
      { type: "button", label: "Inloggen", url: input.url },
      {
        type: "list",
        items: [
          `De link werkt ${input.validMinutes} minuten.`,
          "U kunt de link één keer gebruiken. Daarna vraagt u een nieuwe aan.",
          "Stuur deze e-mail niet door: met de link kan iedereen inloggen als u.",
        ],
      },
      { type: "paragraph", text: "Heeft u niet om deze e-mail gevraagd? Dan hoeft u niets te doen. Zonder de link kan niemand inloggen." },
    ],
  });
}
