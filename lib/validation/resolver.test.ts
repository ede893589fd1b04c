import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import { describe, expect, it } from "vitest";

import {
  type JoinRequest,
  type JoinRequestFormInput,
  type RegisterGroup,
  type RegisterGroupFormInput,
  joinRequestSchema,
  registerGroupSchema,
} from "./index";

/** The schemas work with react-hook-form's zodResolver, the way the client forms use them. */
const TODAY = "2025-06-15";
const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as const;

describe("zodResolver", () => {
  const joinResolver: Resolver<JoinRequestFormInput, unknown, JoinRequest> = zodResolver(joinRequestSchema(TODAY));

  it("returns clean values for a valid form", async () => {
    const result = await joinResolver(
      {
        name: "Sanne de Vries",
        email: "Sanne@Voorbeeld.nl",
        phone: "06 12345678",
        birthDate: "1980-05-31",
        address: { postcode: "2922 ab", houseNumber: "12", addition: "" },
        acceptHouseRules: true,
      },
      undefined,
      resolverOptions,
    );
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ email: "sanne@voorbeeld.nl", phone: "+31612345678", address: { postcode: "2922AB", houseNumber: 12 } });
  });

  it("returns Dutch messages at nested fields", async () => {
    const resolver: Resolver<RegisterGroupFormInput, unknown, RegisterGroup> = zodResolver(registerGroupSchema(TODAY));
    const defaults: RegisterGroupFormInput = {
      name: "",
      areaCode: "",
      areaDescription: "",
      admin: { name: "", phone: "", birthDate: "", address: { postcode: "", houseNumber: "", addition: "" } },
      coAdmins: [{ email: "" }],
      addressList: "",
      whatsappInviteLink: "",
      acceptHouseRules: false,
      residentsConfirmed: false,
    };
    const result = await resolver(defaults, undefined, resolverOptions);
    expect(result.values).toEqual({});
    const errors = result.errors as Record<string, unknown> & {
      admin?: Record<string, { message?: string }>;
      coAdmins?: Array<Record<string, { message?: string }>>;
    };
    expect((errors.name as { message?: string }).message).toBe("Vul een naam voor de groep in.");
    expect(errors.coAdmins?.[0]?.email?.message).toBe("Vul een e-mailadres in.");
    expect((errors.admin?.address as unknown as Record<string, { message?: string }>).postcode.message).toBe(
      "Vul een postcode in zoals 2922 AB.",
    );
    expect((errors.acceptHouseRules as { message?: string }).message).toBe("Lees de huisregels en vink aan dat u zich eraan houdt.");
  });
});
