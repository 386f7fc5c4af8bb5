import type { Database } from "@rnp/db";
import DataLoader from "dataloader";
import { countMembers, findSetsOfPersons, type SetRow } from "./repositories/setRepository";

/** Per-request loaders, so member counts and Person.monitoringSets cost one statement each. */
export function createMonitoringLoaders(db: Database, requesterId: number, grantId: number | null) {
  return {
    memberCount: new DataLoader<number, number>(async (ids) => {
      const counts = await countMembers(db, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    setsOfPerson: new DataLoader<string, SetRow[]>(async (codes) => {
      if (grantId === null) return codes.map(() => []);
      const rows = await findSetsOfPersons(db, requesterId, grantId, codes);
      return codes.map((code) => rows.filter((row) => row.personCode === code).map((row) => row.set));
    }),
  };
}

export type MonitoringLoaders = ReturnType<typeof createMonitoringLoaders>;
