/**
 * `npm run setup -- <e-mail> [--link]`: prepares a new installation without SQL. Migrates the
 * database (DATABASE_URL, or the embedded one in DATA_DIR) and makes <e-mail> a platform
 * admin (lib/server/setup.ts). Run it again with another address to add a platform admin;
 * with the same address it changes nothing. `--link` makes a new sign-in link.
 */
import { configFromEnv, DatabaseLockedError, openDatabase } from "@/db";
import { ConfigError } from "@/lib/env";
import { describeSetup, runSetup } from "@/lib/server/setup";

const USAGE = [
  "Gebruik: npm run setup -- <e-mailadres> [--link]",
  "  Maakt het account met dit e-mailadres platformbeheerder (en voert eerst de migraties uit).",
  "  --link   maak een nieuwe inloglink, ook als het account al platformbeheerder is.",
];

async function main(args: string[]): Promise<number> {
  const newLink = args.includes("--link");
  const rest = args.filter((a) => a !== "--link");
  if (rest.length !== 1 || rest[0]!.startsWith("-")) {
    console.error(USAGE.join("\n"));
    return 2;
  }
  const config = configFromEnv();
  const handle = openDatabase(config);
  try {
    console.log(`Database: ${handle.kind === "pglite" ? "ingebouwd" : "PostgreSQL"} (${handle.location}).`);
    const outcome = await runSetup(handle, config, { email: rest[0]!, newLink });
    const lines = describeSetup(outcome);
    const failed = outcome.kind === "invalid_email" || outcome.kind === "disabled";
    (failed ? console.error : console.log)(lines.join("\n"));
    return failed ? 1 : 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DatabaseLockedError) console.error(error.message);
    else console.error("Het instellen is mislukt:", error);
    process.exit(1);
  },
);
