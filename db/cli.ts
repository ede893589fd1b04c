/**
 * `npm run db:migrate` and `npm run db:seed`: run the migrations, or seed the demo data into an
 * empty database on purpose. Uses DATABASE_URL when set, else the embedded database in DATA_DIR.
 */
import { ConfigError } from "@/lib/env";
import { configFromEnv, openDatabase } from "./index";
import { migrateDatabase } from "./migrate";
import { seedDemoData } from "./seed/demo";

async function main(command: string | undefined): Promise<void> {
  if (command !== "migrate" && command !== "seed") {
    throw new Error("Usage: tsx db/cli.ts migrate|seed");
  }
  const config = configFromEnv();
  const handle = openDatabase(config);
  try {
    await migrateDatabase(handle, config);
    console.log(`Migrations applied (${handle.kind}, ${handle.location}).`);
    if (command === "seed") {
      const seeded = await seedDemoData(handle.db);
      console.log(seeded ? "Demo data seeded." : "Demo data was already there; nothing seeded.");
    }
  } finally {
    await handle.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
