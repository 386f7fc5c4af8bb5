import { ERRORS, type ErrorCode } from "./table";

/** Where the rendered table lives, from the repository's root. */
export const ERRORS_DOC_PATH = "docs/ERRORS.md";

/** docs/ERRORS.md, rendered from the table: what `pnpm errors:doc` writes and a test compares. */
export function renderErrorsDoc(): string {
  const rows = (Object.keys(ERRORS) as ErrorCode[]).map((code) => {
    const { status, wholeAnswer, close, meaning } = ERRORS[code];
    return `| \`${code}\` | ${status} | ${wholeAnswer ? "yes" : "no"} | ${close} | ${meaning.replaceAll("|", "\\|")} |`;
  });
  return [
    "# Error codes",
    "",
    "<!-- Rendered from policy/src/errors/table.ts by `pnpm errors:doc`; do not edit by hand. -->",
    "",
    "Every error the platform answers with carries a stable `extensions.code` (clients branch on",
    "it; it never changes meaning) and a message saying what to fix. The table below is the one",
    "place codes, HTTP statuses and graphql-ws close codes are decided (`@rnp/policy/errors`).",
    "",
    "- **HTTP**: the status of an answer refused with the code (before or instead of execution).",
    "- **Whole answer**: `yes` when the code sets the answer's status even when a resolver or a",
    "  subgraph raises it during execution (a refusal or a fault); `no` when such an error is one",
    "  field's outcome and the answer stays HTTP 200 beside the data that was resolved.",
    "- **graphql-ws**: the close code of a socket ended for that reason. A refused subscription",
    "  gets an `error` message with the same code, and the socket stays open.",
    "",
    "| Code | HTTP | Whole answer | graphql-ws | Meaning |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
