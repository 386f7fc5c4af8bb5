import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import type { ErrorCode } from "@rnp/policy/errors";
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  Lexer,
  Source,
  TokenKind,
  type ValidationRule,
  validate,
} from "graphql";
import type { OperationLimits } from "./config";
import { limitRefusal } from "./refusal";

/** OPERATION_TOO_LARGE: the document has more lexical tokens than `maxTokens`. */
export function tokenRefusal(limits: Pick<OperationLimits, "maxTokens">) {
  return limitRefusal(
    "OPERATION_TOO_LARGE",
    `The operation has more than ${limits.maxTokens} tokens, the most the gateway accepts: split it into smaller operations or pass values as variables.`,
    { limit: limits.maxTokens },
  );
}

/**
 * Refuses a document of more than `maxTokens` lexical tokens, counting with the lexer alone
 * and stopping at the first token over the limit, so a huge document costs no parse. A
 * document the lexer cannot read is left to the parser, which reports it with its position.
 */
export function checkTokens(source: string, limits: Pick<OperationLimits, "maxTokens">): void {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > limits.maxTokens) break;
    }
  } catch {
    return;
  }
  if (tokens > limits.maxTokens) throw tokenRefusal(limits);
}

type OnReject = (found: number) => void;

interface ArmorCheck {
  code: ErrorCode;
  limit: (limits: OperationLimits) => number;
  rule: (n: number, onReject: OnReject) => ValidationRule;
  refusal: (limit: number, found: number) => string;
}

/** graphql-armor reports the value found only in its message ("…, found 12."). */
const foundIn = (message: string) => Number(/found (\d+)/.exec(message)?.[1] ?? Number.NaN);

// propagateOnRejection: false, so a rule never throws out of `validate`; onReject records it.
const armorOptions = (n: number, onReject: OnReject) => ({
  n,
  propagateOnRejection: false,
  onReject: [(_context: unknown, error: GraphQLError) => onReject(foundIn(error.message))],
});

const ARMOR_CHECKS: ArmorCheck[] = [
  {
    code: "OPERATION_TOO_DEEP",
    limit: (l) => l.maxDepth,
    // Depth of fields, as the response nests: a fragment spread is not a level.
    rule: (n, onReject) => maxDepthRule({ ...armorOptions(n, onReject), flattenFragments: true }),
    refusal: (limit, found) =>
      `The operation nests fields ${found} levels deep; the gateway accepts at most ${limit}: ask for fewer nested levels and follow relations with a further request.`,
  },
  {
    code: "TOO_MANY_ALIASES",
    limit: (l) => l.maxAliases,
    rule: (n, onReject) => maxAliasesRule(armorOptions(n, onReject)),
    refusal: (limit, found) =>
      `The operation uses ${found} aliases; the gateway accepts at most ${limit}: fetch many persons with one persons(personCodes:) call instead of aliased person() calls.`,
  },
  {
    code: "TOO_MANY_DIRECTIVES",
    limit: (l) => l.maxDirectives,
    rule: (n, onReject) => maxDirectivesRule(armorOptions(n, onReject)),
    refusal: (limit, found) =>
      `The operation uses ${found} directives; the gateway accepts at most ${limit}: remove the ones it does not need.`,
  },
];

/**
 * Depth, aliases and directives, counted by graphql-armor's rules over the document before
 * the standard validation and the query planner see it. Throws the first refusal: its own
 * code, HTTP 400, the limit and the value found.
 */
export function checkDocumentShape(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits) {
  for (const check of ARMOR_CHECKS) {
    const limit = check.limit(limits);
    let found: number | undefined;
    validate(schema, document, [
      check.rule(limit, (value) => {
        found = Math.max(found ?? 0, value);
      }),
    ]);
    if (found !== undefined) {
      throw limitRefusal(check.code, check.refusal(limit, found), { limit, found });
    }
  }
}

const suggestionBlocker = blockFieldSuggestionsPlugin({ mask: "" }) as unknown as {
  onValidate: () => (payload: {
    valid: boolean;
    result: readonly GraphQLError[];
    setResult: (errors: readonly GraphQLError[]) => void;
  }) => void;
};

/**
 * Takes "Did you mean …?" out of validation messages (in place, as Apollo Server reads
 * them after its `validationDidEnd` hooks): in production they would spell out the schema
 * to a caller that guesses names.
 */
export function hideSuggestions(errors: readonly GraphQLError[]): readonly GraphQLError[] {
  let result = errors;
  suggestionBlocker.onValidate()({
    valid: errors.length === 0,
    result: errors,
    setResult: (masked) => {
      result = masked;
    },
  });
  for (const error of result) error.message = error.message.trim();
  return result;
}

/** Any "Did you mean …?" hint taken out of one message (graphql-js words them several ways). */
export const withoutSuggestions = (message: string) => message.replace(/ ?Did you mean .+?\?/g, "").trim();
