/**
 * CI's dependency check: `npm audit --omit=dev --audit-level=high`, failing on any high or
 * critical advisory in what the production server runs. When the registry's audit service
 * cannot be reached (some networks only allow package downloads: the service answers 405), it
 * says so and does not fail; docs/security.md lists the advisories checked by hand.
 */
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout || "{}");
} catch {
  report = {};
}

const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const reason = report.message ?? report.error?.summary ?? (run.stderr || "no answer").trim().split("\n")[0];
  console.log(`npm audit: the audit service could not be asked (${reason}); see docs/security.md, Dependencies.`);
  process.exit(0);
}

const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit (production dependencies): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
if (serious > 0) {
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
    if (v.severity === "high" || v.severity === "critical") console.log(`  ${v.severity}: ${name} ${v.range ?? ""}`);
  }
  process.exit(1);
}
