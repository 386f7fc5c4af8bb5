/**
 * The connector's configuration: the JSON Schema its YAML file is validated against (the
 * reference in docs/CONNECTOR.md is generated from it) and the TypeScript shape it describes.
 */

const column = {
  type: "object",
  description: "One column of a table, filled from one field of the composite set's answer.",
  required: ["column", "field"],
  additionalProperties: false,
  properties: {
    column: {
      type: "string",
      pattern: "^[a-z_][a-z0-9_]{0,62}$",
      description: "The column's name in the target table (lower case, digits and `_`).",
    },
    field: {
      type: "string",
      pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",
      description:
        "The field's path in the answer, from the person (or the list item), dot-separated response keys, e.g. `declaredAddress.address.fullAddress`. It must be selected by the composite set.",
    },
    type: {
      enum: ["text", "integer", "date", "boolean"],
      default: "text",
      description:
        "The column's type: `text`, `integer`, `date` (ISO `YYYY-MM-DD` kept as text in SQLite) or `boolean`.",
    },
    transform: {
      enum: ["none", "hyphenless", "upper", "lower"],
      default: "none",
      description:
        "Applied to the value before it is written: `hyphenless` writes `16117519997` for `161175-19997`.",
    },
  },
} as const;

const columns = {
  type: "array",
  minItems: 1,
  items: column,
  description: "The table's columns besides the key.",
} as const;

/** The JSON Schema (draft 2020-12 subset ajv validates) of the connector's YAML file. */
export const configSchema = {
  $id: "https://register.example.lv/connector/v1/config.json",
  title: "Recipient connector configuration",
  type: "object",
  required: ["platform", "monitoringSet", "compositeSet", "table"],
  additionalProperties: false,
  properties: {
    platform: {
      type: "object",
      description: "Where the platform is and how the connector signs in (OAuth 2.0 client credentials).",
      required: ["url", "clientId", "clientSecret", "grant"],
      additionalProperties: false,
      properties: {
        url: {
          type: "string",
          pattern: "^https?://",
          description: "The gateway's GraphQL URL, e.g. `https://graph.register.example.lv/graphql`.",
        },
        clientId: {
          type: "string",
          minLength: 1,
          description: "The application's OAuth client id (`rnp_client_…`).",
        },
        clientSecret: {
          type: "string",
          minLength: 1,
          description:
            "The client secret; write `${ENV_NAME}` to read it from the environment rather than the file.",
        },
        grant: {
          type: "string",
          pattern: "^G-",
          description:
            "The number of the grant the monitored set and the composite set belong to, e.g. `G-2026-0001`.",
        },
      },
    },
    monitoringSet: {
      type: "string",
      minLength: 1,
      description: "The id of the monitored set whose members are kept in the target.",
    },
    compositeSet: {
      type: "object",
      description: "The approved composite data set the persons are read through.",
      required: ["documentId"],
      additionalProperties: false,
      properties: {
        documentId: {
          type: "string",
          pattern: "^sha256:[0-9a-f]{64}$",
          description:
            "Its approved version's `documentId`. The document must be a query with a `[String!]!` variable (see `variable`) passed to `persons(personCodes:)`.",
        },
        variable: {
          type: "string",
          default: "codes",
          description: "The name of the document's variable that takes the personal codes.",
        },
      },
    },
    target: {
      type: "object",
      description:
        "The recipient's database. Omitted: a SQLite file `connector.db` beside the configuration.",
      additionalProperties: false,
      properties: {
        dialect: {
          enum: ["sqlite", "postgres", "pg", "mysql", "mariadb"],
          default: "sqlite",
          description: "`sqlite` (a file), `postgres` (or `pg`), `mysql` (or `mariadb`).",
        },
        url: {
          type: "string",
          description:
            "For SQLite a file path (relative to the configuration file); otherwise a connection URL, e.g. `postgres://user@host/db`, `mysql://user@host:3306/db`; `${ENV_NAME}` reads it from the environment.",
        },
      },
    },
    table: {
      type: "object",
      description: "The table a row per person is kept in, keyed by the personal code.",
      required: ["name", "columns"],
      additionalProperties: false,
      properties: {
        name: { type: "string", pattern: "^[a-z_][a-z0-9_]{0,62}$", description: "The table's name." },
        key: {
          type: "string",
          pattern: "^[a-z_][a-z0-9_]{0,62}$",
          default: "person_code",
          description: "The key column: the personal code without the hyphen.",
        },
        columns,
      },
    },
    children: {
      type: "array",
      description:
        "Lists of the person (e.g. `documents`) kept in child tables, one row per item, keyed by the personal code and the item's position.",
      items: {
        type: "object",
        required: ["name", "list", "columns"],
        additionalProperties: false,
        properties: {
          name: {
            type: "string",
            pattern: "^[a-z_][a-z0-9_]{0,62}$",
            description: "The child table's name.",
          },
          list: {
            type: "string",
            pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",
            description: "The list's path in the person, e.g. `documents`.",
          },
          columns,
        },
      },
    },
    removal: {
      enum: ["delete", "mark"],
      default: "delete",
      description:
        "When a person leaves the set or the grant no longer covers them: `delete` their rows, or `mark` them (the table's `removed_at` column is set).",
    },
    sync: {
      type: "object",
      description: "How the sync runs.",
      additionalProperties: false,
      properties: {
        pageSize: {
          type: "integer",
          minimum: 1,
          maximum: 1000,
          default: 500,
          description: "Persons read a request.",
        },
        pollSeconds: {
          type: "number",
          exclusiveMinimum: 0,
          default: 5,
          description: "How often changes are polled when the subscription is silent or down.",
        },
        heartbeatSeconds: {
          type: "number",
          exclusiveMinimum: 0,
          default: 30,
          description: "How often the position and lag are logged, also when idle.",
        },
        maxBackoffSeconds: {
          type: "number",
          exclusiveMinimum: 0,
          default: 30,
          description: "The longest wait between retries (the wait doubles from 0.5 s up to it).",
        },
        metricsPort: {
          type: "integer",
          minimum: 0,
          maximum: 65535,
          description:
            "Serve Prometheus metrics at `/metrics` on this port (0: any free port); omitted: not served.",
        },
      },
    },
  },
} as const;

/** One mapped column. */
export interface ColumnConfig {
  column: string;
  field: string;
  type: "text" | "integer" | "date" | "boolean";
  transform: "none" | "hyphenless" | "upper" | "lower";
}

/** The configuration after validation, with its defaults filled in. */
export interface ConnectorConfig {
  platform: { url: string; clientId: string; clientSecret: string; grant: string };
  monitoringSet: string;
  compositeSet: { documentId: string; variable: string };
  target: { dialect: "sqlite" | "postgres" | "pg" | "mysql" | "mariadb"; url: string };
  table: { name: string; key: string; columns: ColumnConfig[] };
  children: { name: string; list: string; columns: ColumnConfig[] }[];
  removal: "delete" | "mark";
  sync: {
    pageSize: number;
    pollSeconds: number;
    heartbeatSeconds: number;
    maxBackoffSeconds: number;
    metricsPort?: number;
  };
}
