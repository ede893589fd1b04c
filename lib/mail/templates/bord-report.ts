import { renderMail, type MailContent } from "./layout";

export const BORD_REPORT_KIND = "sign_report";

export interface BordReportMail {
  groupName: string;
  areaName: string;
  location: string;
  kind: "damaged" | "missing";
  description: string;
  url: string;
}

export const BORD_REPORT_KIND_LABELS: Record<"damaged" | "missing", string> = {
  damaged: "Het bord is kapot",
  missing: "Het bord is weg",
};

/** A resident reported a damaged or missing bord: to the municipality's safety mailbox (team Veiligheid). */
export function bordReportMail(input: BordReportMail): MailContent {
  return renderMail({
    subject: `Melding over een buurtpreventiebord: ${input.groupName}`,
    greeting: "Beste team Veiligheid,",
    closing: "Dit bericht is automatisch verstuurd door het buurtpreventieregister.",
    blocks: [
      {
        type: "paragraph",
        text: `Een bewoner meldt een probleem met het buurtpreventiebord van ${input.groupName} (wijk ${input.areaName}).`,
      },
      {
        type: "facts",
        rows: [
          ["Wat is er mis", BORD_REPORT_KIND_LABELS[input.kind]],
          ["Plek", input.location],
          ...(input.description ? ([["Toelichting", input.description]] as Array<[string, string]>) : []),
        ],
      },
      { type: "button", label: "Bekijk het bord", url: input.url },
      { type: "paragraph", text: "Leg op de pagina van het bord vast wat er is gedaan: gerepareerd, vervangen of weggehaald." },
    ],
  });
}
