/** What add/remove resolvers return; `memberCount` is resolved from `setId`. */
export interface MembershipChangeParent {
  setId: number;
  changed: number;
  unchanged: number;
  rejected: { position: number; personCode: string; reason: string }[];
}

/** A Person as this subgraph knows it: only the key. */
export interface PersonReference {
  personCode: string;
}
