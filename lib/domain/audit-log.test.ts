import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ACTION_FILTERS, AUDIT_SENTENCES, auditActorPhrase, describeAuditEntry, isAuditAction, shortPersonName } from "./audit-log";

const staff = { role: "staff" as const, name: "Marieke Jansen" };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("audit sentences", () => {
  it("reads as the example in the issue", () => {
    expect(
      describeAuditEntry({ action: "sign_request.approve", actor: staff, groupName: "Buurtpreventie Langeland-Noord", subjectName: null, details: {} }),
    ).toBe("Medewerker M. Jansen keurde de bordaanvraag van Buurtpreventie Langeland-Noord goed.");
  });

  it.each(AUDIT_ACTIONS)("has its own sentence for %s", (action) => {
    const sentence = describeAuditEntry({ action, actor: staff, groupName: "Buurtpreventie Oost", subjectName: "Krimpen", details: {} });
    expect(sentence).toMatch(/^Medewerker M\. Jansen .+\.$/);
    expect(sentence).not.toContain("nog niet in woorden");
    expect(sentence).not.toContain("undefined");
    expect(sentence).not.toContain("null");
    expect(sentence).not.toContain(action);
  });

  it("has a sentence for every kind in the list, and every kind in the list is in the sentences", () => {
    expect(Object.keys(AUDIT_SENTENCES).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("knows every kind the application records (a new recordAudit kind without a sentence fails here)", () => {
    const recorded = new Set<string>();
    for (const file of [...sourceFiles("lib"), ...sourceFiles("app")]) {
      const text = readFileSync(file, "utf8");
      if (!text.includes("recordAudit") && !text.includes("audit:")) continue;
      for (const m of text.matchAll(/\b(?:action|audit):\s*(?:[^"`\n]*\?\s*)?["`]([a-z_]+\.[a-z_]+)["`](?:\s*:\s*["`]([a-z_]+\.[a-z_]+)["`])?/g)) {
        recorded.add(m[1]);
        if (m[2]) recorded.add(m[2]);
      }
    }
    expect(recorded.size).toBeGreaterThan(30);
    expect([...recorded].filter((a) => !isAuditAction(a))).toEqual([]);
  });

  it("gives an unknown kind a fallback sentence with the kind in it", () => {
    expect(describeAuditEntry({ action: "test.page", actor: null, groupName: null, subjectName: null, details: {} })).toBe(
      "Het systeem deed iets wat dit overzicht nog niet in woorden kan zeggen (test.page).",
    );
  });

  it("uses the details where they say more, and never prints raw values of the wrong type", () => {
    expect(describeAuditEntry({ action: "group.add_addresses", actor: staff, groupName: "Oost", subjectName: null, details: { added: 12 } })).toBe(
      "Medewerker M. Jansen voegde 12 adressen toe aan Oost.",
    );
    expect(describeAuditEntry({ action: "group.add_addresses", actor: staff, groupName: "Oost", subjectName: null, details: { added: 1 } })).toContain("1 adres toe");
    expect(describeAuditEntry({ action: "group.add_addresses", actor: staff, groupName: "Oost", subjectName: null, details: { added: "<script>" } })).toBe(
      "Medewerker M. Jansen voegde adressen toe aan Oost.",
    );
    expect(describeAuditEntry({ action: "user.change_role", actor: staff, groupName: null, subjectName: "Piet Bakker", details: { from: "resident", to: "staff" } })).toBe(
      "Medewerker M. Jansen veranderde de rol van Piet Bakker van bewoner in medewerker.",
    );
    expect(describeAuditEntry({ action: "sign_request.approve", actor: staff, groupName: null, subjectName: null, details: {} })).toContain(
      "een groep die niet meer bestaat",
    );
  });

  it("names the actor by role, and residents without a visible name as 'Een bewoner'", () => {
    expect(auditActorPhrase({ role: "wijkagent", name: "Kees van der Berg" }, "wijkagent.export")).toBe("Wijkagent K. van der Berg");
    expect(auditActorPhrase({ role: "resident", name: null }, "group.update")).toBe("Een bewoner");
    expect(auditActorPhrase(null, "join_request.submit")).toBe("Een bewoner");
    expect(auditActorPhrase(null, "group_check.ask")).toBe("Het systeem");
    expect(shortPersonName("  jan   de Vries ")).toBe("J. de Vries");
    expect(shortPersonName("Cher")).toBe("Cher");
  });

  it("offers filters that each match at least one kind", () => {
    for (const [value] of AUDIT_ACTION_FILTERS) expect(AUDIT_ACTIONS.some((a) => a.startsWith(value))).toBe(true);
  });
});
