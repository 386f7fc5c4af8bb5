import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, openSync } from "node:fs";
import { chmod, chown, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createDatabase } from "@rnp/db";
import { freePort } from "@rnp/db/embedded";
import {
  type ClusterNode,
  type ClusterState,
  type ClusterUrls,
  clusterUrls,
  DATABASE,
  DEBIAN_POSTGRES_BIN,
  etcdArguments,
  patroniConfig,
} from "./config";

export { type ClusterState, type ClusterUrls, clusterUrls } from "./config";

/** One member as Patroni's REST API (`GET /cluster`) reports it. */
export interface ClusterMember {
  name: string;
  role: string;
  state: string;
  port: number;
  lag?: number | string;
  timeline?: number;
}

export interface RunningCluster extends ClusterUrls {
  state: ClusterState;
  /** The members now (asks each node's REST API until one answers). */
  members(): Promise<ClusterMember[]>;
  /** Stops Patroni (which stops its PostgreSQL) on every node, then etcd. */
  stop(): Promise<void>;
}

const STATE_FILE = "cluster.json";

/** Says what to install when Debian's patroni, etcd or PostgreSQL 15 is missing; null when all are there. */
export function missingClusterSoftware(): string | null {
  const missing = ["/usr/bin/patroni", "/usr/bin/etcd", path.join(DEBIAN_POSTGRES_BIN, "postgres")].filter(
    (file) => !existsSync(file),
  );
  return missing.length === 0
    ? null
    : `${missing.join(", ")} not found: install Debian's packages with \`apt-get update && apt-get install -y patroni etcd-server\` (they bring PostgreSQL 15).`;
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readState(dir: string): Promise<ClusterState | null> {
  const text = await readFile(path.join(dir, STATE_FILE), "utf8").catch(() => null);
  return text ? (JSON.parse(text) as ClusterState) : null;
}

async function writeState(state: ClusterState): Promise<void> {
  const file = path.join(state.dir, STATE_FILE);
  await writeFile(file, JSON.stringify(state, null, 2), { mode: 0o600 });
}

async function newState(dir: string): Promise<ClusterState> {
  const nodes: ClusterNode[] = [];
  for (const name of ["node1", "node2", "node3"])
    nodes.push({ name, port: await freePort(), restPort: await freePort() });
  return {
    dir,
    etcd: { clientPort: await freePort(), peerPort: await freePort() },
    nodes,
    superuserPassword: randomBytes(18).toString("base64url"),
    replicationPassword: randomBytes(18).toString("base64url"),
    pids: { patroni: {} },
  };
}

/** Runs a long-lived process detached (its own process group, output to a log file) as `postgres` when root. */
function spawnDetached(
  command: string,
  args: string[],
  logFile: string,
  owner: { uid: number; gid: number } | null,
) {
  const out = openSync(logFile, "a");
  const child = spawn(command, args, {
    detached: true,
    stdio: ["ignore", out, out],
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: path.dirname(logFile), LANG: "C.UTF-8" },
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
  });
  child.unref();
  if (!child.pid) throw new Error(`${command} did not start; see ${logFile}`);
  return child.pid;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline)
      throw new Error(`the cluster did not come up: ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The members as the first node that answers reports them; [] when none answers. */
export async function clusterMembers(state: ClusterState): Promise<ClusterMember[]> {
  for (const node of state.nodes) {
    try {
      const response = await fetch(`http://127.0.0.1:${node.restPort}/cluster`, {
        signal: AbortSignal.timeout(1_000),
      });
      if (response.ok) return ((await response.json()) as { members: ClusterMember[] }).members;
    } catch {
      // This node's Patroni is down: ask the next one.
    }
  }
  return [];
}

/** True when one leader runs and every other node streams from it, one of them synchronously. */
export function clusterHealthy(members: ClusterMember[], size: number): boolean {
  return (
    members.length === size &&
    members.every((member) => member.state === "running" || member.state === "streaming") &&
    members.filter((member) => member.role === "leader").length === 1 &&
    members.some((member) => member.role === "sync_standby")
  );
}

/**
 * Starts (or starts again) the three-node Patroni cluster kept in `dir`: etcd, then Patroni
 * on each node (the first bootstraps the primary, the others clone it), waits until a
 * leader runs with a synchronous standby, and creates the `register` database when
 * missing. Throws a sentence when the Debian packages are missing or the cluster does not
 * come up in `timeoutMs` (the logs are in `dir`).
 */
export async function startCluster(options: {
  dir: string;
  timeoutMs?: number;
  log?: (line: string) => void;
}): Promise<RunningCluster> {
  const missing = missingClusterSoftware();
  if (missing) throw new Error(missing);
  const log = options.log ?? (() => {});
  const dir = path.resolve(options.dir);
  const owner = postgresUser();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // PostgreSQL runs as `postgres` under root: it must reach (o+x) every folder above its data.
  for (let folder = path.dirname(dir); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const mode = Number.parseInt(execFileSync("stat", ["-c", "%a", folder], { encoding: "utf8" }).trim(), 8);
    if (owner && (mode & 0o001) === 0) await chmod(folder, mode | 0o001);
  }
  const state = (await readState(dir)) ?? (await newState(dir));
  if (owner) await chown(dir, owner.uid, owner.gid);
  const chownTo = async (file: string) => {
    if (owner) await chown(file, owner.uid, owner.gid);
  };

  if (!alive(state.pids.etcd)) {
    log(`starting etcd on 127.0.0.1:${state.etcd.clientPort}`);
    state.pids.etcd = spawnDetached("/usr/bin/etcd", etcdArguments(state), path.join(dir, "etcd.log"), owner);
  }
  await writeState(state);
  await until("etcd healthy", 20_000, async () => {
    const response = await fetch(`http://127.0.0.1:${state.etcd.clientPort}/health`);
    return response.ok ? true : null;
  });
  for (const node of state.nodes) {
    if (alive(state.pids.patroni[node.name])) continue;
    const nodeDir = path.join(dir, node.name);
    await mkdir(nodeDir, { recursive: true, mode: 0o700 });
    await chownTo(nodeDir);
    const configFile = path.join(nodeDir, "patroni.yml");
    await writeFile(configFile, patroniConfig(state, node), { mode: 0o600 });
    await chownTo(configFile);
    log(`starting Patroni ${node.name}: PostgreSQL on 127.0.0.1:${node.port}, REST on ${node.restPort}`);
    state.pids.patroni[node.name] = spawnDetached(
      "/usr/bin/patroni",
      [configFile],
      path.join(nodeDir, "patroni.log"),
      owner,
    );
    await writeState(state);
  }
  const timeoutMs = options.timeoutMs ?? 120_000;
  await until("a leader with a synchronous standby", timeoutMs, async () =>
    clusterHealthy(await clusterMembers(state), state.nodes.length) ? true : null,
  );
  const urls = clusterUrls(state);
  const admin = createDatabase(urls.writeUrl.replace(`/${DATABASE}?`, "/postgres?"), {
    max: 1,
    applicationName: "rnp-cluster",
  });
  try {
    const [exists] = await admin.sql`select 1 from pg_database where datname = ${DATABASE}`;
    if (!exists) await admin.sql.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.close();
  }
  return {
    ...urls,
    state,
    members: () => clusterMembers(state),
    stop: () => stopCluster(dir),
  };
}

/** Reads the state of the cluster kept in `dir`, or null when `up` never ran there. */
export async function readCluster(dir: string): Promise<ClusterState | null> {
  return readState(path.resolve(dir));
}

async function terminate(pid: number | undefined, signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid!, signal);
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive(pid)) process.kill(pid!, "SIGKILL");
}

/**
 * Stops the cluster kept in `dir`: each Patroni (SIGTERM: it stops its PostgreSQL with a fast
 * shutdown), any PostgreSQL left behind (its postmaster.pid), then etcd. Data stays; `up` starts it again.
 */
export async function stopCluster(dir: string): Promise<void> {
  const state = await readState(path.resolve(dir));
  if (!state) return;
  await Promise.all(state.nodes.map((node) => terminate(state.pids.patroni[node.name], "SIGTERM", 30_000)));
  for (const node of state.nodes) {
    const pidFile = path.join(state.dir, node.name, "data", "postmaster.pid");
    const text = await readFile(pidFile, "utf8").catch(() => "");
    const pid = Number(text.split("\n")[0]);
    if (pid > 0) await terminate(pid, "SIGINT", 30_000);
  }
  await terminate(state.pids.etcd, "SIGTERM", 10_000);
  state.pids = { patroni: {} };
  await writeState(state);
}

/** The PostgreSQL server process (postmaster) of the node named `name`, from its postmaster.pid. */
export async function postmasterPid(state: ClusterState, name: string): Promise<number | null> {
  const text = await readFile(path.join(state.dir, name, "data", "postmaster.pid"), "utf8").catch(() => "");
  const pid = Number(text.split("\n")[0]);
  return pid > 0 && alive(pid) ? pid : null;
}
