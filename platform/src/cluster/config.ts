import path from "node:path";

/** Where Debian's PostgreSQL 15 server binaries are (the `postgresql-15` package, a dependency of `patroni`). */
export const DEBIAN_POSTGRES_BIN = "/usr/lib/postgresql/15/bin";

/** The Patroni scope (cluster name in etcd). */
export const SCOPE = "rnp";

/** The database the platform uses on the cluster (created by `up` when missing). */
export const DATABASE = "register";

/** One PostgreSQL node: its Patroni name, PostgreSQL port and Patroni REST port. */
export interface ClusterNode {
  name: string;
  port: number;
  restPort: number;
}

/**
 * What `pnpm cluster up` chose once and keeps in `<dir>/cluster.json` (mode 0600): ports and
 * passwords, and the processes it started. A second `up` reuses them, so the URLs stay valid.
 */
export interface ClusterState {
  dir: string;
  etcd: { clientPort: number; peerPort: number };
  nodes: ClusterNode[];
  superuserPassword: string;
  replicationPassword: string;
  pids: { etcd?: number; patroni: Record<string, number> };
}

/** The URLs the parts use: writes (and own-write reads) on the primary, stale-tolerant reads on a standby. */
export interface ClusterUrls {
  /** Multi-host URL that connects only to the node in read-write mode (the primary). */
  writeUrl: string;
  /** Multi-host URL that prefers a standby and falls back to the primary. */
  readUrl: string;
}

/** Builds the multi-host URLs of the cluster (postgres.js and libpq read the same syntax). */
export function clusterUrls(state: Pick<ClusterState, "nodes" | "superuserPassword">): ClusterUrls {
  const hosts = state.nodes.map((node) => `127.0.0.1:${node.port}`).join(",");
  const base = `postgres://postgres:${encodeURIComponent(state.superuserPassword)}@${hosts}/${DATABASE}`;
  // postgres.js decides `read-write` by default_transaction_read_only alone, which a hot
  // standby does not report as on; `primary` checks in_hot_standby, so it never lands on a standby.
  return {
    writeUrl: `${base}?target_session_attrs=primary`,
    readUrl: `${base}?target_session_attrs=prefer-standby`,
  };
}

/**
 * The Patroni configuration of one node, as JSON (which is YAML, the format Patroni reads).
 * Synchronous mode with one synchronous standby: a commit is acknowledged only once a
 * standby has it, and Patroni promotes only that standby, so no acknowledged change is
 * lost at failover. `primary_start_timeout: 0` fails over at once when the primary's
 * PostgreSQL dies instead of restarting it in place for up to 5 minutes.
 */
export function patroniConfig(state: ClusterState, node: ClusterNode): string {
  const nodeDir = path.join(state.dir, node.name);
  return JSON.stringify(
    {
      scope: SCOPE,
      name: node.name,
      log: { level: "INFO" },
      restapi: { listen: `127.0.0.1:${node.restPort}`, connect_address: `127.0.0.1:${node.restPort}` },
      etcd3: { hosts: [`127.0.0.1:${state.etcd.clientPort}`] },
      bootstrap: {
        dcs: {
          ttl: 10,
          loop_wait: 1,
          retry_timeout: 3,
          maximum_lag_on_failover: 1_048_576,
          primary_start_timeout: 0,
          synchronous_mode: true,
          synchronous_node_count: 1,
          postgresql: {
            use_pg_rewind: true,
            use_slots: true,
            parameters: {
              wal_level: "replica",
              hot_standby: "on",
              wal_log_hints: "on",
              max_wal_senders: 10,
              max_replication_slots: 10,
              max_connections: 200,
              synchronous_commit: "on",
              // Reads on a standby never block the WAL replay for long, and never cancel for it either.
              max_standby_streaming_delay: "1s",
              hot_standby_feedback: "on",
            },
          },
        },
        initdb: [{ encoding: "UTF8" }, { locale: "C.UTF-8" }, "data-checksums"],
      },
      postgresql: {
        listen: `127.0.0.1:${node.port}`,
        connect_address: `127.0.0.1:${node.port}`,
        data_dir: path.join(nodeDir, "data"),
        bin_dir: DEBIAN_POSTGRES_BIN,
        pgpass: path.join(nodeDir, "pgpass"),
        authentication: {
          superuser: { username: "postgres", password: state.superuserPassword },
          replication: { username: "replicator", password: state.replicationPassword },
          rewind: { username: "postgres", password: state.superuserPassword },
        },
        parameters: { unix_socket_directories: nodeDir },
        pg_hba: [
          "local all all trust",
          "host all all 127.0.0.1/32 scram-sha-256",
          "host replication replicator 127.0.0.1/32 scram-sha-256",
        ],
      },
      tags: { nofailover: false, noloadbalance: false, clonefrom: false, nosync: false },
    },
    null,
    2,
  );
}

/** The etcd 3.4 command line of the cluster's one-member etcd (loopback only). */
export function etcdArguments(state: ClusterState): string[] {
  const client = `http://127.0.0.1:${state.etcd.clientPort}`;
  const peer = `http://127.0.0.1:${state.etcd.peerPort}`;
  return [
    "--name",
    "rnp-etcd",
    "--data-dir",
    path.join(state.dir, "etcd"),
    "--listen-client-urls",
    client,
    "--advertise-client-urls",
    client,
    "--listen-peer-urls",
    peer,
    "--initial-advertise-peer-urls",
    peer,
    "--initial-cluster",
    `rnp-etcd=${peer}`,
    "--initial-cluster-state",
    "new",
    "--log-level",
    "warn",
  ];
}
