/**
 * Next.js calls register() once when the server starts, before it handles a request. In the
 * Node.js runtime it migrates the database and seeds the demo data (lib/server/startup.ts).
 * NEXT_RUNTIME is set by Next itself, not a setting of ours.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("./lib/server/startup");
  await boot();
}
