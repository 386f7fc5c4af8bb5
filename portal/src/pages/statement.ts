import type { TFunction } from "i18next";

export interface StatementRow {
  at: string;
  organisationName: string;
  dataGroups: string[];
  legalBasis: string;
  purpose: string;
  channel: string;
}

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is quoted as text. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: StatementRow[], t: TFunction): string {
  const header = ["when", "organisation", "groups", "legalBasis", "purpose", "channel"].map((key) =>
    cell(t(`disclosures.${key}`)),
  );
  const lines = rows.map((row) =>
    [row.at, row.organisationName, row.dataGroups.join(" "), row.legalBasis, row.purpose, row.channel]
      .map(cell)
      .join(","),
  );
  // A byte order mark: spreadsheets then read the Latvian letters as UTF-8.
  return `\uFEFF${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
