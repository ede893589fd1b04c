import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { registerGroupSchema, type RegisterGroupFormInput } from "@/lib/validation/group";
import { areaSchema, type AreaFormInput } from "@/lib/validation/staff";
import { checkWithSchema, lazily, lazyResolver } from "./schema-check";

/**
 * The forms' check loaded on demand (useActionForm's `schema`, checkWithSchema) gives the same
 * answer as react-hook-form's zod resolver on the same shared schema, loads once, and lets the
 * form through to the server's check when the schema cannot be loaded.
 */
const options = { fields: {}, shouldUseNativeValidation: false } as const;

const AREA_INPUTS: AreaFormInput[] = [
  { areaId: "", name: "", code: "", postcodes: "", totalAddresses: "" },
  { areaId: "", name: "x".repeat(500), code: "WK12", postcodes: "29xx", totalAddresses: "-3" },
  { areaId: "", name: "<script>alert(1)</script>", code: "'; DROP TABLE areas; --", postcodes: "2921 AB, 2922", totalAddresses: "12" },
  { areaId: "", name: "Langeland", code: "WK054201", postcodes: "2921 AB, 2922", totalAddresses: "1200" },
];

describe("lazyResolver", () => {
  it("gives the same values and the same messages at the same fields as zodResolver", async () => {
    const direct = zodResolver(areaSchema) as Resolver<AreaFormInput, unknown, unknown>;
    const lazy = lazyResolver(() => Promise.resolve(areaSchema)).resolver;
    for (const input of AREA_INPUTS) {
      expect(await lazy(input, undefined, options)).toEqual(await direct(input, undefined, options));
    }
  });

  it("gives the nested messages of a schema made for a day (the registration form)", async () => {
    const today = "2025-06-15";
    const input: RegisterGroupFormInput = {
      name: "",
      areaCode: "",
      areaDescription: "",
      admin: { name: "", phone: "12", birthDate: "2020-01-01", address: { postcode: "0000", houseNumber: "x", addition: "" } },
      coAdmins: [{ email: "geen-adres" }],
      addressList: "",
      whatsappInviteLink: "http://example.org",
      acceptHouseRules: false,
      residentsConfirmed: false,
    };
    const direct = await zodResolver(registerGroupSchema(today))(input, undefined, options);
    const lazy = await lazyResolver(() => import("@/lib/validation/group").then((m) => m.registerGroupSchema(today))).resolver(input, undefined, options);
    expect(lazy).toEqual(direct);
    expect(Object.keys(lazy.errors).length).toBeGreaterThan(3);
  });

  it("loads the schema once, however often the form is checked", async () => {
    let loads = 0;
    const { resolver, preload } = lazyResolver(() => {
      loads += 1;
      return Promise.resolve(areaSchema);
    });
    preload();
    preload();
    await Promise.all(AREA_INPUTS.map((input) => resolver(input, undefined, options)));
    await resolver(AREA_INPUTS[0], undefined, options);
    expect(loads).toBe(1);
  });

  it("lets the values through when the schema does not load, and tries again next time", async () => {
    let loads = 0;
    const { resolver } = lazyResolver<AreaFormInput, unknown>(() => {
      loads += 1;
      return loads === 1 ? Promise.reject(new Error("chunk failed")) : Promise.resolve(areaSchema);
    });
    const empty = AREA_INPUTS[0];
    expect(await resolver(empty, undefined, options)).toEqual({ values: empty, errors: {} });
    const second = await resolver(empty, undefined, options);
    expect(second.values).toEqual({});
    expect(Object.keys(second.errors)).toEqual(expect.arrayContaining(["name", "code", "postcodes"]));
    expect(loads).toBe(2);
  });
});

describe("checkWithSchema", () => {
  it("gives the first message per field, as the server's schema words it", async () => {
    const direct = areaSchema.safeParse(AREA_INPUTS[1]);
    expect(direct.success).toBe(false);
    const errors = await checkWithSchema(() => Promise.resolve(areaSchema), AREA_INPUTS[1]);
    expect(errors).not.toBeNull();
    for (const issue of direct.error!.issues) {
      const field = issue.path.join(".");
      expect(errors![field]).toBe(direct.error!.issues.find((i) => i.path.join(".") === field)!.message);
    }
  });

  it("is empty for a valid input and null when the schema does not load", async () => {
    expect(await checkWithSchema(() => Promise.resolve(areaSchema), AREA_INPUTS[3])).toEqual({});
    expect(await checkWithSchema(() => Promise.reject(new Error("offline")), AREA_INPUTS[0])).toBeNull();
  });
});

describe("lazily", () => {
  it("keeps a loaded value and forgets a failure", async () => {
    let calls = 0;
    const value = lazily(async () => {
      calls += 1;
      if (calls === 1) throw new Error("first fails");
      return calls;
    });
    await expect(value.get()).rejects.toThrow("first fails");
    expect(await value.get()).toBe(2);
    expect(await value.get()).toBe(2);
    expect(calls).toBe(2);
  });
});
