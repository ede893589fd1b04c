/**
 * The shape every e-mail shares: a plain-text part and simple, accessible HTML (lang="nl", one
 * column, real headings and links, no images). One function per message kind lives next to
 * this file and builds its content with `renderMail`.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export type MailBlock =
  | { type: "paragraph"; text: string }
  | { type: "list"; items: string[] }
  | { type: "facts"; rows: Array<[label: string, value: string]> }
  | { type: "button"; label: string; url: string };

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function blockText(block: MailBlock): string {
  switch (block.type) {
    case "paragraph":
      return block.text;
    case "list":
      return block.items.map((i) => `- ${i}`).join("\n");
    case "facts":
      return block.rows.map(([label, value]) => `${label}: ${value}`).join("\n");
    case "button":
      return `${block.label}:\n${block.url}`;
  }
}

function blockHtml(block: MailBlock): string {
  switch (block.type) {
    case "paragraph":
      return `<p style="margin:0 0 16px">${escapeHtml(block.text).replaceAll("\n", "<br>")}</p>`;
    case "list":
      return `<ul style="margin:0 0 16px;padding-left:20px">${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
    case "facts":
      return `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${block.rows
        .map(
          ([label, value]) =>
            `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join("")}</table>`;
    case "button":
      return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;background:#154273;color:#ffffff;padding:12px 20px;border-radius:4px;font-weight:bold;text-decoration:none">${escapeHtml(block.label)}</a><br><span style="font-size:14px">Werkt de knop niet? Kopieer dan deze link: ${escapeHtml(block.url)}</span></p>`;
  }
}

const FOOTER = "Dit bericht komt van WhatsApp Buurtpreventie, de website van uw gemeente voor buurtpreventiegroepen.";

/** Builds subject, text and HTML from a greeting, blocks and a closing line. */
export function renderMail(input: { subject: string; greeting: string; blocks: MailBlock[]; closing?: string }): MailContent {
  const closing = input.closing ?? "Met vriendelijke groet,\nTeam Veiligheid van de gemeente";
  const text = [input.greeting, ...input.blocks.map(blockText), closing, "--", FOOTER].join("\n\n");
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head><body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff"><div style="max-width:600px"><p style="margin:0 0 16px">${escapeHtml(input.greeting)}</p>${input.blocks.map(blockHtml).join("")}<p style="margin:0 0 16px">${escapeHtml(closing).replaceAll("\n", "<br>")}</p><hr style="border:0;border-top:1px solid #cccccc"><p style="font-size:14px;color:#444444">${escapeHtml(FOOTER)}</p></div></body></html>`;
  return { subject: input.subject, text, html };
}
