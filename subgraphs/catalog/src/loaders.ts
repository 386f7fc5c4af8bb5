import type { Database } from "@rnp/db";
import DataLoader from "dataloader";
import {
  type ApiKeyRow,
  findApiKeysByRequesters,
  findGrantsByRequesters,
  findRequestersByIds,
  type GrantRow,
  type RequesterRow,
} from "./repositories/accessRepository";
import {
  type DatasetRow,
  findDatasetsByCodes,
  findDatasetsByProviders,
  findProvidersByCodes,
  findProvidersByIds,
  type ProviderRow,
} from "./repositories/catalogRepository";

function byKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

/** Per-request loaders, so entity references and nested lists cost one statement per kind. */
export function createCatalogLoaders(db: Database) {
  return {
    providerById: new DataLoader<number, ProviderRow | null>(async (ids) =>
      byKey(ids, await findProvidersByIds(db, ids), (row) => row.id),
    ),
    providerByCode: new DataLoader<string, ProviderRow | null>(async (codes) =>
      byKey(codes, await findProvidersByCodes(db, codes), (row) => row.code),
    ),
    datasetByCode: new DataLoader<string, DatasetRow | null>(async (codes) =>
      byKey(codes, await findDatasetsByCodes(db, codes), (row) => row.code),
    ),
    datasetsByProvider: new DataLoader<number, DatasetRow[]>(async (ids) => {
      const rows = await findDatasetsByProviders(db, ids);
      return ids.map((id) => rows.filter((row) => row.providerId === id));
    }),
    requester: new DataLoader<number, RequesterRow | null>(async (ids) =>
      byKey(ids, await findRequestersByIds(db, ids), (row) => row.id),
    ),
    apiKeysByRequester: new DataLoader<number, ApiKeyRow[]>(async (ids) => {
      const rows = await findApiKeysByRequesters(db, ids);
      return ids.map((id) => rows.filter((row) => row.requesterId === id));
    }),
    grantsByRequester: new DataLoader<number, GrantRow[]>(async (ids) => {
      const rows = await findGrantsByRequesters(db, ids);
      return ids.map((id) => rows.filter((row) => row.requesterId === id));
    }),
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
