import { describe, expect, it } from "vitest";
import { assertServerSettings, ConfigError, parseEnv } from "@/lib/env";

describe("settings", () => {
  it("runs in demo mode without DATABASE_URL, with mail to the demo mailbox", () => {
    const env = parseEnv({});
    expect(env.demoMode).toBe(true);
    expect(env.mailboxEnabled).toBe(true);
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(() => assertServerSettings(env)).not.toThrow();
  });

  it("stops a production start that lacks settings, naming each one", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://db.example/app" });
    expect(env.demoMode).toBe(false);
    expect(() => assertServerSettings(env)).toThrow(ConfigError);
    expect(() => assertServerSettings(env)).toThrow(/AUTH_SECRET, APP_URL, SMTP_URL/);
    const partly = parseEnv({ DATABASE_URL: "postgres://db.example/app", AUTH_SECRET: "s".repeat(32), APP_URL: "https://bp.example" });
    expect(() => assertServerSettings(partly)).toThrow(/Missing required setting: SMTP_URL/);
  });

  it("refuses malformed values with the name of the setting", () => {
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
    expect(() => parseEnv({ SMTP_URL: "not a url" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).demoMode).toBe(true);
  });

  it("limits sign-in links to 5 per address and 20 per IP address unless set otherwise; 0 switches a limit off", () => {
    expect(parseEnv({})).toMatchObject({ SIGN_IN_LIMIT_PER_EMAIL: 5, SIGN_IN_LIMIT_PER_IP: 20 });
    expect(parseEnv({ SIGN_IN_LIMIT_PER_EMAIL: "0", SIGN_IN_LIMIT_PER_IP: "100" })).toMatchObject({
      SIGN_IN_LIMIT_PER_EMAIL: 0,
      SIGN_IN_LIMIT_PER_IP: 100,
    });
    expect(() => parseEnv({ SIGN_IN_LIMIT_PER_IP: "-1" })).toThrow(/SIGN_IN_LIMIT_PER_IP/);
  });

  it("keeps the limits on signed-in actions as they are (factor 1) unless multiplied; they cannot be switched off", () => {
    expect(parseEnv({}).ACTION_LIMIT_FACTOR).toBe(1);
    expect(parseEnv({ ACTION_LIMIT_FACTOR: "100" }).ACTION_LIMIT_FACTOR).toBe(100);
    for (const value of ["0", "-1", "1.5", "veel", "100000"]) expect(() => parseEnv({ ACTION_LIMIT_FACTOR: value }), value).toThrow(/ACTION_LIMIT_FACTOR/);
  });
});
