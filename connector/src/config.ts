import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { type FieldNode, Kind, parse, type SelectionSetNode } from "graphql";
import { isNode, LineCounter, parseDocument } from "yaml";
import { type ConnectorConfig, configSchema } from "./schema";

/** A problem of the configuration file: its line (1-based, 0 when unknown) and what to fix. */
export interface ConfigProblem {
  line: number;
  message: string;
}

/** Thrown by {@link loadConfig} with every problem found; its message lists them one a line. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}: ${p.message}`).join("\n"));
    this.name = "ConfigError";
  }
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
const validate = ajv.compile(configSchema);

/** What to write instead, for an ajv error, so `connector check` names the fix and not only the fault. */
function fixOf(error: ErrorObject): string {
  const where = error.instancePath || "the file";
  switch (error.keyword) {
    case "required":
      return `${where} lacks \`${(error.params as { missingProperty: string }).missingProperty}\`: add it.`;
    case "additionalProperties": {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      return `${where} has \`${extra}\`, which is not a setting: remove it or correct its spelling.`;
    }
    case "enum":
      return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => `\`${v}\``).join(", ")}.`;
    case "pattern":
      return `${where} ${error.message}: ${(error.parentSchema as { description?: string }).description ?? ""}`.trim();
    default:
      return `${where} ${error.message}.`;
  }
}

/** Replaces `${NAME}` with the environment's value, so secrets stay out of the file. */
function expand(value: string, env: NodeJS.ProcessEnv, problems: ConfigProblem[], line: number) {
  return value.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined)
      problems.push({ line, message: `the environment has no ${name}: set it or write the value.` });
    return found ?? "";
  });
}

/**
 * Parses and validates a configuration text. Every schema error is reported with the line of
 * the value (or of the object missing a key) and a sentence saying what to write.
 */
export function parseConfig(text: string, file = "connector.yaml", env = process.env): ConnectorConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const problems: ConfigProblem[] = doc.errors.map((e) => ({
    line: e.linePos?.[0].line ?? 0,
    message: `YAML syntax: ${e.message.split("\n")[0]}`,
  }));
  if (problems.length > 0) throw new ConfigError(file, problems);
  const lineAt = (pointer: string) => {
    const keys = pointer
      .split("/")
      .slice(1)
      .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    for (let n = keys.length; n >= 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return 0;
  };
  const value = doc.toJS() ?? {};
  if (!validate(value)) {
    for (const error of validate.errors ?? []) {
      const extra = (error.params as { additionalProperty?: string }).additionalProperty;
      const pointer = extra === undefined ? error.instancePath : `${error.instancePath}/${extra}`;
      problems.push({ line: lineAt(pointer), message: fixOf(error) });
    }
    throw new ConfigError(file, problems);
  }
  const config = value as unknown as ConnectorConfig;
  config.platform.clientSecret = expand(
    config.platform.clientSecret,
    env,
    problems,
    lineAt("/platform/clientSecret"),
  );
  config.platform.url = expand(config.platform.url, env, problems, lineAt("/platform/url"));
  config.target ??= { dialect: "sqlite", url: "connector.db" };
  config.target.dialect ??= "sqlite";
  config.target.url = expand(config.target.url ?? "connector.db", env, problems, lineAt("/target/url"));
  if (
    config.target.dialect === "sqlite" &&
    !path.isAbsolute(config.target.url) &&
    config.target.url !== ":memory:"
  )
    config.target.url = path.resolve(path.dirname(path.resolve(file)), config.target.url);
  config.children ??= [];
  config.sync ??= {} as ConnectorConfig["sync"];
  validate(config); // fills the defaults of the objects added above
  const names = [config.table.name, ...config.children.map((c) => c.name)];
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i)
      problems.push({
        line: lineAt(`/children/${i - 1}/name`),
        message: `table ${name} is named twice: rename one.`,
      });
  });
  if (config.table.columns.some((c) => c.column === config.table.key))
    problems.push({
      line: lineAt("/table/key"),
      message: `column ${config.table.key} is the key already: map another column or rename the key.`,
    });
  if (problems.length > 0) throw new ConfigError(file, problems);
  return config;
}

/** Reads and validates the configuration file. */
export function loadConfig(file: string, env = process.env): ConnectorConfig {
  return parseConfig(readFileSync(file, "utf8"), file, env);
}

/** The selection under `persons(personCodes: $variable)` of a composite set's document, or a sentence why not. */
export function personSelection(document: string, variable: string): SelectionSetNode | string {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation?.operation !== "query") return "the composite set is not a query.";
  const persons = operation.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "persons",
  );
  const argument = persons?.arguments?.find((a) => a.name.value === "personCodes");
  if (
    !persons?.selectionSet ||
    argument?.value.kind !== Kind.VARIABLE ||
    argument.value.name.value !== variable
  )
    return `the composite set's document must select \`persons(personCodes: $${variable})\` at its top.`;
  return persons.selectionSet;
}

/** The selection at a dot path of response keys, or undefined when the document does not select it. */
function selected(set: SelectionSetNode | undefined, dotted: string): FieldNode | undefined {
  let field: FieldNode | undefined;
  for (const key of dotted.split(".")) {
    field = set?.selections.find(
      (s): s is FieldNode => s.kind === Kind.FIELD && (s.alias?.value ?? s.name.value) === key,
    );
    if (!field) return undefined;
    set = field.selectionSet;
  }
  return field;
}

/** Sentences for each mapped field the composite set's document does not select (empty: all are). */
export function mappingProblems(config: ConnectorConfig, document: string): string[] {
  const root = personSelection(document, config.compositeSet.variable);
  if (typeof root === "string") return [root];
  const problems: string[] = [];
  const leaf = (set: SelectionSetNode | undefined, field: string, where: string) => {
    const node = selected(set, field);
    if (!node)
      problems.push(
        `${where} maps \`${field}\`, which the composite set does not select: map a selected field or submit a version that selects it.`,
      );
    else if (node.selectionSet)
      problems.push(`${where} maps \`${field}\`, an object: map one of its fields, e.g. \`${field}.…\`.`);
  };
  for (const c of config.table.columns) leaf(root, c.field, `table ${config.table.name} column ${c.column}`);
  for (const child of config.children) {
    const list = selected(root, child.list);
    if (!list?.selectionSet) {
      problems.push(
        `child table ${child.name} maps the list \`${child.list}\`, which the composite set does not select as a list of objects.`,
      );
      continue;
    }
    for (const c of child.columns)
      leaf(list.selectionSet, c.field, `child table ${child.name} column ${c.column}`);
  }
  return problems;
}
