import { describe, expect, it } from "vitest";
import { AppError, fromDatabaseError, isTransientDatabaseError } from "@/lib/errors";

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

describe("isTransientDatabaseError (the start retries these, and stops on the rest)", () => {
  const withCode = (code: string) => Object.assign(new Error("x"), { code });
  it("waits for a server that is away, starting, full, locked or not set up yet", () => {
    for (const code of ["08006", "08001", "57P03", "57P01", "53300", "3D000", "28P01", "25006", "55P03", "40001"]) {
      expect(isTransientDatabaseError(withCode(code)), code).toBe(true);
    }
    expect(isTransientDatabaseError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isTransientDatabaseError(new Error("timeout"))).toBe(true);
  });
  it("stops on a statement the database refuses, also when wrapped", () => {
    for (const code of ["42P07", "42710", "42601", "23505", "0A000", "XX000"]) {
      expect(isTransientDatabaseError(withCode(code)), code).toBe(false);
    }
    expect(isTransientDatabaseError(new Error("Failed query", { cause: withCode("42P07") }))).toBe(false);
  });
});
