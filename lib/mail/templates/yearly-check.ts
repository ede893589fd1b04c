import { renderMail, type MailContent } from "./layout";

export const YEARLY_CHECK_ASK_KIND = "yearly_check_ask";
export const YEARLY_CHECK_REMINDER_KIND = "yearly_check_reminder";
export const YEARLY_CHECK_UNCONFIRMED_KIND = "yearly_check_unconfirmed";
export const YEARLY_CHECK_DECISION_KIND = "yearly_check_decision";

/**
 * To every admin of a group, a year after registration or the last confirmation (and again
 * as a reminder): one click says the group is still active; a second link leads to the
 * group's details to change them.
 */
export function yearlyCheckAskMail(input: {
  recipientName: string | null;
  groupName: string;
  confirmUrl: string;
  detailsUrl: string;
  reminder: boolean;
  /** The day after which the municipality is told, as Dutch text. */
  answerBefore: string;
}): MailContent {
  return renderMail({
    subject: `${input.reminder ? "Herinnering: " : ""}Is ${input.groupName} nog actief?`,
    greeting: input.recipientName ? `Beste ${input.recipientName},` : "Beste beheerder,",
    blocks: [
      {
        type: "paragraph",
        text: input.reminder
          ? `Twee weken geleden vroegen we of de WhatsApp-buurtpreventiegroep "${input.groupName}" nog actief is. We hebben nog geen antwoord.`
          : `U bent beheerder van de WhatsApp-buurtpreventiegroep "${input.groupName}". Eén keer per jaar vragen we of de groep nog actief is. Zo blijft de lijst van groepen kloppen.`,
      },
      { type: "paragraph", text: "Is de groep nog actief? Klik dan op de knop. U hoeft niet in te loggen." },
      { type: "button", label: "De groep is nog actief", url: input.confirmUrl },
      {
        type: "paragraph",
        text: "Is er iets veranderd, zoals de straten, de beheerders of de adressen? Pas de gegevens dan aan. Daarvoor logt u in.",
      },
      { type: "button", label: "Gegevens van de groep aanpassen", url: input.detailsUrl },
      {
        type: "paragraph",
        text: `Krijgen we voor ${input.answerBefore} geen antwoord? Dan laten we het team Veiligheid van de gemeente en de wijkagent weten dat de groep niet is bevestigd.`,
      },
      { type: "paragraph", text: "Is de groep gestopt? Dan kunt u haar opheffen op de pagina van de groep." },
    ],
  });
}

/**
 * To team Veiligheid and the wijkagent(en) of the wijk: the admins did not confirm in 30 days.
 * No admin contact details in the mail: staff and the wijkagent see them on their own pages.
 */
export function yearlyCheckUnconfirmedMail(input: { recipientName: string; groupName: string; areaName: string; url: string; askedOn: string }): MailContent {
  return renderMail({
    subject: `Niet bevestigd: ${input.groupName}`,
    greeting: `Beste ${input.recipientName},`,
    blocks: [
      {
        type: "paragraph",
        text: `Op ${input.askedOn} vroegen we de beheerders van de WhatsApp-buurtpreventiegroep "${input.groupName}" in de wijk ${input.areaName} of de groep nog actief is. Ze hebben na een herinnering nog steeds niet geantwoord.`,
      },
      {
        type: "paragraph",
        text: "De groep staat nu als \"niet bevestigd\" in het register. Weet u of de groep nog bestaat? Neem dan contact op met de beheerders.",
      },
      { type: "button", label: "Bekijk de groep", url: input.url },
    ],
  });
}

/** To team Veiligheid: 90 days without an answer; decide whether the group stays or is dissolved. */
export function yearlyCheckDecisionMail(input: { groupName: string; areaName: string; url: string }): MailContent {
  return renderMail({
    subject: `Beslissen: ${input.groupName} is niet bevestigd`,
    greeting: "Beste team Veiligheid,",
    blocks: [
      {
        type: "paragraph",
        text: `De beheerders van de WhatsApp-buurtpreventiegroep "${input.groupName}" in de wijk ${input.areaName} hebben 90 dagen niet bevestigd dat de groep nog actief is.`,
      },
      {
        type: "paragraph",
        text: "Beslis of de groep blijft of wordt opgeheven. Blijft de groep? Dan bevestigt u namens de beheerders. Wordt de groep opgeheven? Dan verdwijnt ze uit het register.",
      },
      { type: "button", label: "Naar de jaarcontrole", url: input.url },
    ],
  });
}
