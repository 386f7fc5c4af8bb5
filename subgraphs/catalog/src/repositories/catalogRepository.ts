import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { asc, count, gt, inArray } from "drizzle-orm";

const { providers, datasets } = schema.catalog;

export type ProviderRow = typeof providers.$inferSelect;
export type DatasetRow = typeof datasets.$inferSelect;

export function findProviders(db: Database): Promise<ProviderRow[]> {
  return db.select().from(providers).orderBy(asc(providers.code));
}

export function findProvidersByIds(db: Database, ids: readonly number[]): Promise<ProviderRow[]> {
  return db
    .select()
    .from(providers)
    .where(inArray(providers.id, [...ids]));
}

export function findProvidersByCodes(db: Database, codes: readonly string[]): Promise<ProviderRow[]> {
  return db
    .select()
    .from(providers)
    .where(inArray(providers.code, [...codes]));
}

export function findDatasetsByCodes(db: Database, codes: readonly string[]): Promise<DatasetRow[]> {
  return db
    .select()
    .from(datasets)
    .where(inArray(datasets.code, [...codes]));
}

export function findDatasetsByProviders(db: Database, providerIds: readonly number[]): Promise<DatasetRow[]> {
  return db
    .select()
    .from(datasets)
    .where(inArray(datasets.providerId, [...providerIds]))
    .orderBy(asc(datasets.code));
}

/** A page of datasets ordered by code, after `afterCode`; one row more tells whether more follow. */
export async function findDatasetsPage(db: Database, first: number, afterCode: string | null) {
  const rows = await db
    .select()
    .from(datasets)
    .where(afterCode ? gt(datasets.code, afterCode) : undefined)
    .orderBy(asc(datasets.code))
    .limit(first + 1);
  const [total] = await db.select({ value: count() }).from(datasets);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: total?.value ?? 0 };
}

/** Every published dataset, ordered by code (the DCAT-AP export lists them all). */
export function findDatasets(db: Database): Promise<DatasetRow[]> {
  return db.select().from(datasets).orderBy(asc(datasets.code));
}
