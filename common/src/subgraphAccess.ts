import type { IncomingMessage } from "node:http";
import {
  type ConstDirectiveNode,
  defaultFieldResolver,
  GraphQLError,
  type GraphQLFieldConfig,
  type GraphQLFieldResolver,
  GraphQLObjectType,
  type GraphQLSchema,
  Kind,
} from "graphql";
import { IDENTITY_HEADER, type IdentityVerifier, type RequestIdentity } from "./identity";

/**
 * The identity a subgraph request carries, verified against the body as received. A request
 * without a valid token (absent, forged, for another subgraph, expired, for another body or
 * replayed) did not come through the gateway now and is refused with UNAUTHENTICATED (HTTP 401).
 */
export async function identityOf(
  request: IncomingMessage,
  body: string,
  verifier: IdentityVerifier,
): Promise<RequestIdentity> {
  const header = request.headers[IDENTITY_HEADER];
  const result = await verifier.verify(Array.isArray(header) ? header[0] : header, body);
  if ("reason" in result) {
    throw new GraphQLError(
      `Refused: ${result.reason}. Send requests to the gateway, not to a subgraph directly.`,
      {
        extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
      },
    );
  }
  return result.identity;
}

/** The string or string-list arguments of a directive on a field, or null without it. */
export function directiveArgument(
  field: { astNode?: { directives?: readonly ConstDirectiveNode[] } | null | undefined },
  directive: string,
  argument: string,
): string[] | null {
  const node = field.astNode?.directives?.find((d) => d.name.value === directive);
  if (!node) return null;
  const value = node.arguments?.find((a) => a.name.value === argument)?.value;
  if (value?.kind === Kind.STRING) return [value.value];
  if (value?.kind === Kind.LIST)
    return value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
  return [];
}

type Wrap = (
  resolve: GraphQLFieldResolver<unknown, unknown>,
  field: GraphQLFieldConfig<unknown, unknown> & { name: string; typeName: string },
) => GraphQLFieldResolver<unknown, unknown> | null;

/**
 * Replaces the resolver of every object field for which `wrap` returns one, in place
 * (default resolvers included), so checks declared in the SDL apply however a field resolves.
 */
export function wrapFieldResolvers(schema: GraphQLSchema, wrap: Wrap): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      const wrapped = wrap(field.resolve ?? defaultFieldResolver, {
        ...(field as unknown as GraphQLFieldConfig<unknown, unknown>),
        name,
        typeName: type.name,
      });
      if (wrapped) field.resolve = wrapped;
    }
  }
  return schema;
}
