import { describe, expect, it } from "vitest";
import { AppError, fromDatabaseError } from "@/lib/errors";

describe("fromDatabaseError", () => {
  const uniqueViolation = Object.assign(new Error("duplicate key"), { code: "23505", constraint_name: "groups_municipality_name_unique" });

  it("turns a unique violation into a conflict", () => {
    expect(fromDatabaseError(uniqueViolation)).toMatchObject({ code: "conflict" });
  });

  it("keeps an AppError's own message even when a database error is its cause", () => {
    const specific = new AppError("conflict", "Er is al een groep met deze naam.", {
      fieldErrors: { name: "Er is al een groep met deze naam." },
      cause: uniqueViolation,
    });
    expect(fromDatabaseError(specific)).toBe(specific);
  });

  it("passes other errors through", () => {
    const other = new Error("boom");
    expect(fromDatabaseError(other)).toBe(other);
  });
});
