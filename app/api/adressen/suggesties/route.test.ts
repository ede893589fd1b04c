import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/tests/db";
import { GET } from "./route";

// The demo municipality, for the suggestions (the hooks of withTestDatabase set it up and take it down).
withTestDatabase({ demo: true });
const savedEnv = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, { TRUSTED_PROXY_HOPS: "1", LOG_LEVEL: "silent" });
  resetEnvForTests();
});
afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

function ask(q: string, ip = "192.0.2.10") {
  return GET(new Request(`http://localhost:3000/api/adressen/suggesties?q=${encodeURIComponent(q)}`, { headers: { "x-forwarded-for": ip } }));
}

describe("GET /api/adressen/suggesties", () => {
  it("suggests demo register addresses of the installation's municipality by street and by postcode", async () => {
    const response = await ask("Lansinghlaan 15");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { suggestions: Array<{ label: string; postcode: string }>; available: boolean };
    expect(body.available).toBe(true);
    expect(body.suggestions[0]).toMatchObject({ label: "Lansinghlaan 15, 2925 AB Krimpen aan den IJssel", postcode: "2925AB" });
    const byPostcode = (await (await ask("2922 ab 12")).json()) as { suggestions: Array<{ label: string }> };
    expect(byPostcode.suggestions.map((s) => s.label)).toEqual([
      "Tiendweg 12, 2922 AB Krimpen aan den IJssel",
      "Tiendweg 12 A, 2922 AB Krimpen aan den IJssel",
      "Tiendweg 12 B, 2922 AB Krimpen aan den IJssel",
      "Tiendweg 120, 2922 AB Krimpen aan den IJssel",
    ]);
    // Rotterdam is in the register, but not a municipality of this installation.
    expect(((await (await ask("Coolsingel 1")).json()) as { suggestions: unknown[] }).suggestions).toEqual([]);
  });

  it("answers bad input without an error page: empty, script, SQL, wildcards; too long is a 400 in Dutch", async () => {
    for (const q of ["", "x", "<script>alert(1)</script>", "'; drop table register_addresses;--", "%%", "__"]) {
      const response = await ask(q, "192.0.2.11");
      expect(response.status, q).toBe(200);
      expect(((await response.json()) as { suggestions: unknown[] }).suggestions).toEqual([]);
    }
    const long = await ask("a".repeat(101), "192.0.2.11");
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ error: { code: "bad_request", message: "Typ hooguit 100 tekens." } });
  });

  it("limits one IP address to 120 look-ups a minute (429 in Dutch), others go on", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await ask("", "192.0.2.99")).status);
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    const limited = await ask("Lansinghlaan", "192.0.2.99");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringContaining("te veel adressen opgezocht") } });
    expect((await ask("Lansinghlaan", "192.0.2.98")).status).toBe(200);
  });
});
