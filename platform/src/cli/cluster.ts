import { projectDataDir } from "@rnp/db/embedded";
import {
  clusterHealthy,
  clusterMembers,
  clusterUrls,
  readCluster,
  startCluster,
  stopCluster,
} from "../cluster/cluster";

// `pnpm cluster up|down|status`: the Patroni cluster of docs/OPERATIONS.md, kept in .data/cluster.
const dir = process.env.CLUSTER_DATA_DIR ?? projectDataDir("cluster");
const command = process.argv[2];

async function status(): Promise<number> {
  const state = await readCluster(dir);
  if (!state) {
    console.log(`no cluster in ${dir}: run \`pnpm cluster up\``);
    return 1;
  }
  const members = await clusterMembers(state);
  if (members.length === 0) console.log(`the cluster in ${dir} is down: no Patroni node answers`);
  for (const member of members)
    console.log(
      `${member.name.padEnd(6)} ${member.role.padEnd(13)} ${member.state.padEnd(10)} port ${member.port}` +
        `${member.timeline ? ` timeline ${member.timeline}` : ""}${member.lag !== undefined ? ` lag ${member.lag}` : ""}`,
    );
  const urls = clusterUrls(state);
  console.log(`DATABASE_URL=${urls.writeUrl}\nDATABASE_READ_URL=${urls.readUrl}`);
  return clusterHealthy(members, state.nodes.length) ? 0 : 1;
}

if (command === "up") {
  const cluster = await startCluster({ dir, log: (line) => console.log(line) });
  console.log(`cluster up in ${dir}`);
  console.log(`DATABASE_URL=${cluster.writeUrl}\nDATABASE_READ_URL=${cluster.readUrl}`);
} else if (command === "down") {
  await stopCluster(dir);
  console.log(`cluster in ${dir} stopped (its data stays; \`pnpm cluster up\` starts it again)`);
} else if (command === "status") {
  process.exitCode = await status();
} else {
  console.error("usage: pnpm cluster up|down|status (docs/OPERATIONS.md)");
  process.exitCode = 2;
}
