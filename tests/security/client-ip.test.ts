import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { clientIp, UNKNOWN_IP } from "@/lib/server/client-ip";

const h = (values: Record<string, string>) => new Headers(values);

describe("clientIp without trusted proxies (TRUSTED_PROXY_HOPS=0)", () => {
  it("uses the address Next.js wrote from the connection (the last X-Forwarded-For entry)", () => {
    expect(clientIp(h({ "x-forwarded-for": "198.51.100.7" }), 0)).toBe("198.51.100.7");
  });

  it("does not believe an entry a client put in front", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.99, 198.51.100.7" }), 0)).toBe("198.51.100.7");
  });

  it("ignores X-Real-IP, which any client can send", () => {
    expect(clientIp(h({ "x-real-ip": "203.0.113.99" }), 0)).toBe(UNKNOWN_IP);
  });

  it("answers 'unknown' without any address", () => {
    expect(clientIp(h({}), 0)).toBe(UNKNOWN_IP);
  });
});

describe("clientIp behind trusted proxies", () => {
  it("takes the entry the nearest proxy added with one hop; forged entries to the left do not count", () => {
    const forged = h({ "x-forwarded-for": "10.9.9.9, 203.0.113.5, 198.51.100.20" });
    expect(clientIp(forged, 1)).toBe("198.51.100.20");
    expect(clientIp(forged, 2)).toBe("203.0.113.5");
    expect(clientIp(forged, 3)).toBe("10.9.9.9");
  });

  it("falls back to X-Real-IP when the chain is shorter than the number of hops", () => {
    expect(clientIp(h({ "x-forwarded-for": "198.51.100.20", "x-real-ip": "192.0.2.44" }), 2)).toBe("192.0.2.44");
    expect(clientIp(h({ "x-forwarded-for": "198.51.100.20" }), 2)).toBe(UNKNOWN_IP);
  });

  it("normalises ports, brackets, IPv4-mapped IPv6 and case", () => {
    expect(clientIp(h({ "x-forwarded-for": "192.0.2.1:5123" }), 1)).toBe("192.0.2.1");
    expect(clientIp(h({ "x-forwarded-for": "[2001:DB8::1]:443" }), 1)).toBe("2001:db8::1");
    expect(clientIp(h({ "x-forwarded-for": "::ffff:192.0.2.3" }), 0)).toBe("192.0.2.3");
  });

  it("turns anything that is not an IP address into 'unknown' (no free text in rate-limit keys)", () => {
    for (const junk of ["<script>alert(1)</script>", "'; drop table users; --", "x".repeat(500), "999.1.1.1", "localhost"]) {
      expect(clientIp(h({ "x-forwarded-for": junk }), 1)).toBe(UNKNOWN_IP);
      expect(clientIp(h({ "x-forwarded-for": junk }), 0)).toBe(UNKNOWN_IP);
    }
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("is 0 by default and accepts a small whole number", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
  });

  it("refuses a negative or fractional number with the name of the setting", () => {
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "1.5" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
