/**
 * Helpers for the fault specs (e2e/faults.spec.ts): an extra server process from the same
 * production build, a private PostgreSQL cluster that the test may stop and start (the shared
 * server on 5432 is never touched), and small network helpers.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/**
 * The ports the fault specs may use for their own servers and PostgreSQL clusters: a range of
 * their own, next to the suite's demo servers (3100 and up) and the authorisation server (4100),
 * so that machines that share ports by ranges are respected. E2E_FAULT_PORTS="first-last".
 */
function faultPortRange(): [number, number] {
  const [first, last] = (process.env.E2E_FAULT_PORTS ?? "3150-3199").split("-").map(Number);
  return [first, last];
}

/** Whether nobody listens on `port`, on any address (IPv4 loopback and the wildcard). */
async function portIsFree(port: number): Promise<boolean> {
  for (const host of ["127.0.0.1", undefined]) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.unref();
      server.once("error", () => resolve(false));
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
    });
    if (!free) return false;
  }
  return true;
}

/** A TCP port of the fault specs' range that nobody listens on right now. */
export async function freePort(): Promise<number> {
  const [first, last] = faultPortRange();
  const count = last - first + 1;
  const start = Math.floor(Math.random() * count);
  for (let i = 0; i < count; i++) {
    const port = first + ((start + i) % count);
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port in ${first}-${last} (E2E_FAULT_PORTS)`);
}

/** Whether a new TCP connection to the port is refused (nobody listens). */
export async function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

export interface AppProcess {
  readonly port: number;
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server wrote (stdout and stderr), for the test's messages and checks. */
  output(): string;
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>;
  /** Ends the process and its children without a clean shutdown (test clean-up only). */
  kill(): void;
}

/**
 * Starts `npm start` (scripts/start.mjs, without building: the build is there before the run,
 * see playwright.config.ts) on a free port with `env`, and waits until /api/health/live answers.
 */
export async function startApp(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  let output = "";
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", SKIP_BUILD: "true", PORT: String(port), APP_URL: url, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // A process group of its own, so that kill() ends next-server (the child of start.mjs) too.
    detached: true,
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const app: AppProcess = {
    port,
    url,
    child,
    output: () => output,
    exited,
    kill: () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // the group has ended already
      }
    },
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped during start (code ${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/api/health/live`);
      if (response.ok) return app;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      app.kill();
      throw new Error(`The server did not start within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The folder with PostgreSQL's programs (initdb, pg_ctl), from pg_config or /usr/lib/postgresql. */
function postgresBinDir(): string {
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    if (existsSync(path.join(dir, "initdb"))) return dir;
  } catch {
    // no pg_config on the PATH
  }
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const dir = path.join(base, version, "bin");
    if (existsSync(path.join(dir, "initdb"))) return dir;
  }
  throw new Error("PostgreSQL's programs (initdb, pg_ctl) were not found; install the postgresql package.");
}

export interface PrivateCluster {
  readonly port: number;
  readonly url: string;
  stop(): void;
  start(): void;
  /** Stops the cluster (if running) and removes its folder. */
  destroy(): void;
}

/**
 * A PostgreSQL cluster of this test alone, in a temporary folder, on a free port. Running as
 * root (as CI does), its programs run as the `postgres` user, since PostgreSQL refuses root.
 */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = postgresBinDir();
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "bp-faults-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (program: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, program);
    const fullArgs = asRoot ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args;
    execFileSync(command, fullArgs, { stdio: "pipe", timeout: 120_000 });
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const cluster: PrivateCluster = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]),
    stop: () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]),
    destroy: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // not running
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

/** Runs `tsx db/cli.ts <command>` (migrate / seed) against `env`'s database. */
export function databaseCli(command: "migrate" | "seed", env: Record<string, string>): void {
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "db", "cli.ts"), command], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: "pipe",
    timeout: 120_000,
  });
}
