/**
 * zod 4 speeds up object schemas by compiling them with `new Function`. In the browser the
 * Content-Security-Policy forbids eval (no 'unsafe-eval'), and zod's own test for it shows up
 * as a CSP violation; there, zod runs without compiling ("jitless"). On the server it compiles.
 * Must be evaluated before any schema is created: lib/validation/index.ts imports it first.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
