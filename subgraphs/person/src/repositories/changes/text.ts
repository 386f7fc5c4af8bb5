import { echo } from "@rnp/common";
/** Validation of the free text a change carries (names, places, issuers). */
import { invalid } from "./refusal";

const NAME = /^\p{L}[\p{L}\p{M}'’ .-]*$/u;

export function requireName(value: string, argument: string): string {
  const name = value.trim().replace(/\s+/g, " ");
  if (name.length === 0) throw invalid(`\`${argument}\` is empty: write the name as it is to be registered.`);
  if (name.length > 100)
    throw invalid(`\`${argument}\` has ${name.length} characters; a name has at most 100.`);
  if (!NAME.test(name)) {
    throw invalid(
      `\`${argument}\` "${echo(value)}" is not a name: use letters (with diacritics), spaces, hyphens and apostrophes.`,
    );
  }
  return name;
}

export function requireText(value: string, argument: string, example: string): string {
  const text = value.trim().replace(/\s+/g, " ");
  if (text.length === 0) throw invalid(`\`${argument}\` is empty: write it out, e.g. \`${example}\`.`);
  if (text.length > 200) throw invalid(`\`${argument}\` has ${text.length} characters; write at most 200.`);
  return text;
}
