import type { GraphQLResolveInfo } from 'graphql';
import type { DataGroupDefinition } from '@rnp/schema';
import type { DatasetRow, ProviderRow } from '../repositories/catalogRepository';
import type { DatasetConnectionParent } from '../resolvers/Query';
import type { CatalogContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * A group of register fields that is granted, monitored and audited as one unit. Its field
 * list is read from the `@dataGroup` marks of the composed schema, so it cannot drift from
 * what the graph serves.
 */
export type DataGroup = {
  __typename?: 'DataGroup';
  /** What the group holds. */
  description: Scalars['String']['output'];
  /** Schema coordinates of the fields in the group, with their types and descriptions. */
  fields: Array<DataGroupField>;
  /** The group's name. */
  name: DataGroupName;
  /** Name of the subgraph that serves the group's fields, e.g. `person`. */
  subgraph: Scalars['String']['output'];
};

/** A field that belongs to a data group. */
export type DataGroupField = {
  __typename?: 'DataGroupField';
  /** Schema coordinate, e.g. `Person.surname`. */
  coordinate: Scalars['String']['output'];
  /** The field's description from the schema. */
  description?: Maybe<Scalars['String']['output']>;
  /** The field's GraphQL type, e.g. `String!` or `[IdentityDocument!]!`. */
  type: Scalars['String']['output'];
};

/** Data groups of the Register of Natural Persons (Cabinet Regulation No. 378 of 2013). */
export type DataGroupName =
  /** Declared residence address, additional addresses and address history. */
  | 'ADDRESS'
  /** Sex, date, place and country of birth. */
  | 'BIRTH'
  /** Citizenship status, country of citizenship and ethnic nationality. */
  | 'CITIZENSHIP'
  /** Death record: whether deceased, date and place of death. */
  | 'DEATH'
  /** Identity documents (passports and eID cards) with their numbers, dates and statuses. */
  | 'DOCUMENTS'
  /** Civil status, marriages, spouse, parents and children. */
  | 'FAMILY'
  /** Given name, surname, surname at birth and earlier name forms. */
  | 'NAME'
  /** Former personal codes and the format of the current one. */
  | 'PERSON_CODES';

/** A published dataset: a named, documented bundle of data groups. */
export type Dataset = {
  __typename?: 'Dataset';
  /** Stable code of the dataset, e.g. `person-basic`. */
  code: Scalars['String']['output'];
  /** Data groups the dataset bundles. */
  dataGroups: Array<DataGroup>;
  /** What the dataset is for and what it contains. */
  description: Scalars['String']['output'];
  /** Human-readable name. */
  name: Scalars['String']['output'];
  /** The organisation that provides the data. */
  provider: Provider;
};

/** A page of datasets. */
export type DatasetConnection = {
  __typename?: 'DatasetConnection';
  /** Pass as `after` to get the next page; `null` when this page is the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The datasets on this page. */
  nodes: Array<Dataset>;
  /** How many datasets exist in all. */
  totalCount: Scalars['Int']['output'];
};

/** An organisation that provides data to the platform. */
export type Provider = {
  __typename?: 'Provider';
  /** Stable code, e.g. `pmlp`. */
  code: Scalars['String']['output'];
  /** Where to write about the data. */
  contactEmail: Scalars['String']['output'];
  /** Datasets the organisation provides. */
  datasets: Array<Dataset>;
  /** What the organisation provides. */
  description: Scalars['String']['output'];
  /** Official name. */
  name: Scalars['String']['output'];
  /** Company registration number (11 digits). */
  registrationNumber: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One data group by name. */
  dataGroup?: Maybe<DataGroup>;
  /** Every data group of the register, with the fields it covers, derived from the composed schema. */
  dataGroups: Array<DataGroup>;
  /** One dataset by its code; `null` when unknown. */
  dataset?: Maybe<Dataset>;
  /** Published datasets, a page at a time, ordered by code. */
  datasets: DatasetConnection;
  /** Organisations that provide data to the platform. */
  providers: Array<Provider>;
};


export type QueryDataGroupArgs = {
  name: DataGroupName;
};


export type QueryDatasetArgs = {
  code: Scalars['String']['input'];
};


export type QueryDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Dataset: Dataset;
  Provider: Provider;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Dataset:
    ( { __typename: 'Dataset' }
    & GraphQLRecursivePick<FederationTypes['Dataset'], {"code":true}> );
  Provider:
    ( { __typename: 'Provider' }
    & GraphQLRecursivePick<FederationTypes['Provider'], {"code":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  DataGroup: ResolverTypeWrapper<DataGroupDefinition>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DataGroupField: ResolverTypeWrapper<DataGroupField>;
  DataGroupName: DataGroupName;
  Dataset: ResolverTypeWrapper<DatasetRow>;
  DatasetConnection: ResolverTypeWrapper<DatasetConnectionParent>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Provider: ResolverTypeWrapper<ProviderRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DataGroup: DataGroupDefinition;
  String: Scalars['String']['output'];
  DataGroupField: DataGroupField;
  Dataset: DatasetRow;
  DatasetConnection: DatasetConnectionParent;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  Provider: ProviderRow;
  Query: Record<PropertyKey, never>;
}>;

export type DataGroupResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['DataGroup'] = ResolversParentTypes['DataGroup']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['DataGroupField']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['DataGroupName'], ParentType, ContextType>;
  subgraph?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DataGroupFieldResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['DataGroupField'] = ResolversParentTypes['DataGroupField']> = ResolversObject<{
  coordinate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DatasetResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Dataset'] = ResolversParentTypes['Dataset'], FederationReferenceType extends FederationReferenceTypes['Dataset'] = FederationReferenceTypes['Dataset']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Dataset']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dataGroups?: Resolver<Array<ResolversTypes['DataGroup']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
}>;

export type DatasetConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['DatasetConnection'] = ResolversParentTypes['DatasetConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProviderResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Provider'] = ResolversParentTypes['Provider'], FederationReferenceType extends FederationReferenceTypes['Provider'] = FederationReferenceTypes['Provider']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Provider']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contactEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registrationNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  dataGroup?: Resolver<Maybe<ResolversTypes['DataGroup']>, ParentType, ContextType, RequireFields<QueryDataGroupArgs, 'name'>>;
  dataGroups?: Resolver<Array<ResolversTypes['DataGroup']>, ParentType, ContextType>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<QueryDatasetArgs, 'code'>>;
  datasets?: Resolver<ResolversTypes['DatasetConnection'], ParentType, ContextType, RequireFields<QueryDatasetsArgs, 'first'>>;
  providers?: Resolver<Array<ResolversTypes['Provider']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CatalogContext> = ResolversObject<{
  DataGroup?: DataGroupResolvers<ContextType>;
  DataGroupField?: DataGroupFieldResolvers<ContextType>;
  Dataset?: DatasetResolvers<ContextType>;
  DatasetConnection?: DatasetConnectionResolvers<ContextType>;
  Provider?: ProviderResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

