import { describe, expect, it } from "vitest";
import { adminInvitationMail } from "./admin-invitation";
import { signInLinkMail } from "./sign-in-link";

describe("the sign-in e-mail", () => {
  it("has the link in both parts, says how long it works, and escapes the HTML", () => {
    const url = "https://bp.example/inloggen/bevestigen?email=a%40b.nl&token=abc&x=<y>";
    const mail = signInLinkMail({ url, validMinutes: 15 });
    expect(mail.subject).toBe("Uw inloglink voor WhatsApp Buurtpreventie");
    expect(mail.text).toContain(url);
    expect(mail.text).toContain("15 minuten");
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain("&amp;token=abc&amp;x=&lt;y&gt;");
    expect(mail.html).not.toContain("<y>");
  });
});

describe("the admin invitation", () => {
  it("names the group and the inviting admin, and escapes their text", () => {
    const mail = adminInvitationMail({
      groupName: "Buurtpreventie <Langeland>",
      invitedByName: "Sanne & Co",
      url: "https://bp.example/uitnodiging/abc",
      validDays: 7,
    });
    expect(mail.subject).toBe("Uitnodiging: beheerder van Buurtpreventie <Langeland>");
    expect(mail.text).toContain('Sanne & Co nodigt u uit om samen de WhatsApp-buurtpreventiegroep "Buurtpreventie <Langeland>" te beheren.');
    expect(mail.text).toContain("7 dagen");
    expect(mail.html).toContain("Buurtpreventie &lt;Langeland&gt;");
    expect(mail.html).toContain("Sanne &amp; Co");
    expect(mail.html).toContain('href="https://bp.example/uitnodiging/abc"');
  });
});
