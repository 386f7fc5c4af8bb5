import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { SetRow } from '../repositories/setRepository';
import type { NotificationRow } from '../repositories/notificationRepository';
import type { MembershipChangeParent, PersonReference } from '../resolvers/membership';
import type { MonitoringContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A point in time in ISO 8601 form with time zone, e.g. `2026-11-23T10:15:00.000Z`. */
  DateTime: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A page of change notifications. */
export type ChangeConnection = {
  __typename?: 'ChangeConnection';
  /** Pass as `after` to continue; the cursor of the last notification, or `after` itself on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more notifications are already waiting. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The notifications on this page, oldest first. */
  nodes: Array<ChangeNotification>;
};

/** A change of a monitored person in the set's data groups. */
export type ChangeNotification = {
  __typename?: 'ChangeNotification';
  /** When the change was registered. */
  changedAt: Scalars['DateTime']['output'];
  /** Opaque position in the set's notifications; resume after it. */
  cursor: Scalars['String']['output'];
  /** Which of the set's data groups changed. */
  dataGroups: Array<Scalars['String']['output']>;
  /**
   * The notification's number in the set: 1, 2, 3 … without gaps in the set, so a missed one
   * shows. Changes of members outside the grant's conditions get no number; only a member who
   * left the conditions between its change and the delivery leaves an unused number.
   */
  eventNo: Scalars['Int']['output'];
  /** The person's current data, as the caller's grant allows (fields outside its groups are refused). */
  person?: Maybe<Person>;
  /** The person who changed, with the hyphen. */
  personCode: Scalars['String']['output'];
};

/** What to monitor. */
export type CreateMonitoringSetInput = {
  /** Data groups whose changes are notified, e.g. `[ADDRESS, NAME]`. */
  dataGroups: Array<Scalars['String']['input']>;
  /** A name of the requester's choosing, e.g. `clients`. */
  name: Scalars['String']['input'];
};

/** A page of members. */
export type MemberConnection = {
  __typename?: 'MemberConnection';
  /** Pass as `after` to get the next page; `null` when this page is the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Personal codes on this page, with the hyphen. */
  personCodes: Array<Scalars['String']['output']>;
};

/** The outcome of adding or removing personal codes. */
export type MembershipChange = {
  __typename?: 'MembershipChange';
  /** Codes added (or removed) by this call. */
  changed: Scalars['Int']['output'];
  /** Members of the set after the call. */
  memberCount: Scalars['Int']['output'];
  /** Codes refused, each with its position in the list and the reason. */
  rejected: Array<RejectedCode>;
  /** Valid codes that needed no change (already in, or not in, the set). */
  unchanged: Scalars['Int']['output'];
};

/** A requester's set of monitored persons. */
export type MonitoringSet = {
  __typename?: 'MonitoringSet';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Data groups whose changes are notified. */
  dataGroups: Array<Scalars['String']['output']>;
  /** The number of the grant it was created under, the only grant it is monitored under. */
  grantNumber?: Maybe<Scalars['String']['output']>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** The number of the newest notification of the set (0 before the first); it counts only changes of members the grant covered. */
  lastEventNo: Scalars['Int']['output'];
  /** How many persons it holds. */
  memberCount: Scalars['Int']['output'];
  /** Its members, ordered by personal code, a page at a time. */
  members: MemberConnection;
  /** The requester's name for it. */
  name: Scalars['String']['output'];
};


/** A requester's set of monitored persons. */
export type MonitoringSetMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds personal codes to a set, up to 100 000 a call, under the set's own grant. Invalid codes
   * are reported one by one with their position and reason; the valid ones are added all the
   * same. A member is notified only of changes registered after it was added.
   */
  addMonitoredPersons: MembershipChange;
  /**
   * Creates a monitoring set for data groups. The request's grant (the `Grant` header) must
   * allow monitoring and cover every group asked for.
   */
  createMonitoringSet: MonitoringSet;
  /** Deletes a set and stops its notifications; its members are no longer counted. Allowed under any of the requester's grants. */
  deleteMonitoringSet: Scalars['Boolean']['output'];
  /**
   * Removes personal codes from a set, up to 100 000 a call; their changes stop being notified.
   * Allowed under any of the requester's grants, so a set whose grant was revoked can be emptied.
   */
  removeMonitoredPersons: MembershipChange;
};


export type MutationAddMonitoredPersonsArgs = {
  personCodes: Array<Scalars['String']['input']>;
  setId: Scalars['ID']['input'];
};


export type MutationCreateMonitoringSetArgs = {
  input: CreateMonitoringSetInput;
};


export type MutationDeleteMonitoringSetArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveMonitoredPersonsArgs = {
  personCodes: Array<Scalars['String']['input']>;
  setId: Scalars['ID']['input'];
};

/** A person of the register, extended with the monitoring that concerns the caller. */
export type Person = {
  __typename?: 'Person';
  /** The caller's monitoring sets that hold this person. */
  monitoringSets: Array<MonitoringSet>;
  /** The personal code. */
  personCode: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * The register's "fact of change" service: changes to the set's members in its data groups,
   * in order, after `after` (a cursor of an earlier page or notification). Each change says
   * who changed, which groups and when; select `person` for the current data. Runs only under
   * the set's own grant (FORBIDDEN otherwise, e.g. once it is revoked or no longer allows
   * monitoring). A notification is a disclosure, audited like a query. A change is numbered
   * only when the grant covers the member as it is registered (the grant's conditions hold), so
   * the set's counters (`lastEventNo`, cursors, `eventNo`) never move for a member the grant
   * does not cover. A member who has left the conditions between the change and its delivery
   * is skipped on delivery (its event number stays unused on the page, `endCursor` moves past
   * it), so a page may hold fewer than `first` nodes, even none, while `hasNextPage` is true.
   */
  changes: ChangeConnection;
  /** How many distinct persons the caller monitors across all its sets: the basis of the monitoring fee. */
  monitoredPersonCount: Scalars['Int']['output'];
  /**
   * One of the caller's monitoring sets; `null` when it has no set with that id. Like every
   * operation on a set, refused (FORBIDDEN) unless the request's grant is the set's own grant,
   * still allows monitoring and still covers the set's groups.
   */
  monitoringSet?: Maybe<MonitoringSet>;
  /** The caller's monitoring sets created under the request's grant, oldest first. */
  monitoringSets: Array<MonitoringSet>;
};


export type QueryChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  setId: Scalars['ID']['input'];
};


export type QueryMonitoringSetArgs = {
  id: Scalars['ID']['input'];
};

/** A personal code that was refused. */
export type RejectedCode = {
  __typename?: 'RejectedCode';
  /** The code as sent. */
  personCode: Scalars['String']['output'];
  /** Position in the list sent, from 0. */
  position: Scalars['Int']['output'];
  /** What is wrong with it. */
  reason: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * A set's change notifications as they happen, served by the gateway over graphql-ws on
   * the same `/graphql` URL. With `after` (the `cursor` of the last notification received) it
   * first replays what was missed, then goes live: in order, without gaps or duplicates, across
   * reconnects and gateway replicas. Each notification carries whatever is selected of
   * `person`, under the grant named in the connection's `grant` parameter, and is audited like
   * a query. It runs under the set's own grant: revoking it, or its no longer allowing
   * monitoring or covering the set's groups, ends the subscription with a FORBIDDEN error.
   */
  setChanges: ChangeNotification;
};


export type SubscriptionSetChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  setId: Scalars['ID']['input'];
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
  Person: Person;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"personCode":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ChangeConnection: ResolverTypeWrapper<Omit<ChangeConnection, 'nodes'> & { nodes: Array<ResolversTypes['ChangeNotification']> }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChangeNotification: ResolverTypeWrapper<NotificationRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CreateMonitoringSetInput: CreateMonitoringSetInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  MemberConnection: ResolverTypeWrapper<MemberConnection>;
  MembershipChange: ResolverTypeWrapper<MembershipChangeParent>;
  MonitoringSet: ResolverTypeWrapper<SetRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Person: ResolverTypeWrapper<PersonReference>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RejectedCode: ResolverTypeWrapper<RejectedCode>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ChangeConnection: Omit<ChangeConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['ChangeNotification']> };
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  ChangeNotification: NotificationRow;
  Int: Scalars['Int']['output'];
  CreateMonitoringSetInput: CreateMonitoringSetInput;
  DateTime: Scalars['DateTime']['output'];
  MemberConnection: MemberConnection;
  MembershipChange: MembershipChangeParent;
  MonitoringSet: SetRow;
  ID: Scalars['ID']['output'];
  Mutation: Record<PropertyKey, never>;
  Person: PersonReference;
  Query: Record<PropertyKey, never>;
  RejectedCode: RejectedCode;
  Subscription: Record<PropertyKey, never>;
}>;

export type ChangeConnectionResolvers<ContextType = MonitoringContext, ParentType extends ResolversParentTypes['ChangeConnection'] = ResolversParentTypes['ChangeConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ChangeNotification']>, ParentType, ContextType>;
}>;

export type ChangeNotificationResolvers<ContextType = MonitoringContext, ParentType extends ResolversParentTypes['ChangeNotification'] = ResolversParentTypes['ChangeNotification']> = ResolversObject<{
  changedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dataGroups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  eventNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  personCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MemberConnectionResolvers<ContextType = MonitoringContext, ParentType extends ResolversParentTypes['MemberConnection'] = ResolversParentTypes['MemberConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  personCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MembershipChangeResolvers<ContextType = MonitoringContext, ParentType extends ResolversParentTypes['MembershipChange'] = ResolversParentTypes['MembershipChange']> = ResolversObject<{
  changed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<Array<ResolversTypes['RejectedCode']>, ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MonitoringSetResolvers<ContextType = MonitoringContext, ParentType extends ResolversParentTypes['MonitoringSet'] = ResolversParentTypes['MonitoringSet']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataGroups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  grantNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastEventNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['MemberConnection'], ParentType, ContextType, RequireFields<MonitoringSetMembersArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = MonitoringContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addMonitoredPersons?: Resolver<ResolversTypes['MembershipChange'], ParentType, ContextType, RequireFields<MutationAddMonitoredPersonsArgs, 'personCodes' | 'setId'>>;
  createMonitoringSet?: Resolver<ResolversTypes['MonitoringSet'], ParentType, ContextType, RequireFields<MutationCreateMonitoringSetArgs, 'input'>>;
  deleteMonitoringSet?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteMonitoringSetArgs, 'id'>>;
  removeMonitoredPersons?: Resolver<ResolversTypes['MembershipChange'], ParentType, ContextType, RequireFields<MutationRemoveMonitoredPersonsArgs, 'personCodes' | 'setId'>>;
}>;

export type PersonResolvers<ContextType = MonitoringContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  monitoringSets?: Resolver<Array<ResolversTypes['MonitoringSet']>, ParentType, ContextType>;
  personCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = MonitoringContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  changes?: Resolver<ResolversTypes['ChangeConnection'], ParentType, ContextType, RequireFields<QueryChangesArgs, 'first' | 'setId'>>;
  monitoredPersonCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  monitoringSet?: Resolver<Maybe<ResolversTypes['MonitoringSet']>, ParentType, ContextType, RequireFields<QueryMonitoringSetArgs, 'id'>>;
  monitoringSets?: Resolver<Array<ResolversTypes['MonitoringSet']>, ParentType, ContextType>;
}>;

export type RejectedCodeResolvers<ContextType = MonitoringContext, ParentType extends ResolversParentTypes['RejectedCode'] = ResolversParentTypes['RejectedCode']> = ResolversObject<{
  personCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = MonitoringContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  setChanges?: SubscriptionResolver<ResolversTypes['ChangeNotification'], "setChanges", ParentType, ContextType, RequireFields<SubscriptionSetChangesArgs, 'setId'>>;
}>;

export type Resolvers<ContextType = MonitoringContext> = ResolversObject<{
  ChangeConnection?: ChangeConnectionResolvers<ContextType>;
  ChangeNotification?: ChangeNotificationResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  MemberConnection?: MemberConnectionResolvers<ContextType>;
  MembershipChange?: MembershipChangeResolvers<ContextType>;
  MonitoringSet?: MonitoringSetResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RejectedCode?: RejectedCodeResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
}>;

