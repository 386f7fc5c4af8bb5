import { useApolloClient, useQuery } from "@apollo/client/react";
import {
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../gql";
import type { MyDisclosuresQuery as MyDisclosuresQueryResult } from "../gql/graphql";
import { QueryError } from "./QueryError";
import { type StatementRow, toCsv } from "./statement";
import { TableWrap } from "./TableWrap";

const MyDisclosuresQuery = graphql(`
  query MyDisclosures($from: DateTime, $to: DateTime, $organisationId: ID, $first: Int, $after: String) {
    myDisclosures(from: $from, to: $to, organisationId: $organisationId, first: $first, after: $after) {
      totalCount
      withheldByLaw
      hasNextPage
      endCursor
      nodes {
        at
        organisationName
        dataGroups
        legalBasis
        purpose
        channel
      }
    }
    myDisclosureOrganisations {
      id
      name
    }
  }
`);

const PAGE = 20;

interface Filter {
  from?: string;
  to?: string;
  organisationId?: string;
}

function download(name: string, type: string, content: BlobPart) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export default function MyDisclosures() {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const [filter, setFilter] = useState<Filter>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const variables = {
    ...(filter.from ? { from: `${filter.from}T00:00:00Z` } : {}),
    ...(filter.to ? { to: `${filter.to}T23:59:59.999Z` } : {}),
    ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
    first: PAGE,
    ...(after ? { after } : {}),
  };
  const { data, error, loading } = useQuery(MyDisclosuresQuery, { variables });
  const page = data?.myDisclosures;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => (form.get(name) as string | null) || undefined;
    setFilter({
      ...(value("from") ? { from: value("from") } : {}),
      ...(value("to") ? { to: value("to") } : {}),
      ...(value("organisation") ? { organisationId: value("organisation") } : {}),
    });
    setCursors([null]);
  }

  /** Every page of the filter, read through the same audited query, for a download. */
  async function allRows(): Promise<StatementRow[]> {
    const rows: StatementRow[] = [];
    let cursor: string | null = null;
    for (;;) {
      const result: { data?: MyDisclosuresQueryResult } = await client.query({
        query: MyDisclosuresQuery,
        variables: { ...variables, first: 100, ...(cursor ? { after: cursor } : { after: undefined }) },
        fetchPolicy: "network-only",
      });
      const connection = result.data?.myDisclosures;
      if (!connection) break;
      rows.push(...connection.nodes.map((node) => ({ ...node, dataGroups: [...node.dataGroups] })));
      if (!connection.hasNextPage || !connection.endCursor) break;
      cursor = connection.endCursor;
    }
    return rows;
  }

  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("disclosures.title")}
      </Heading>
      <Paragraph>{t("disclosures.intro")}</Paragraph>
      <form onSubmit={apply} className="rnp-row" aria-label={t("disclosures.filter")}>
        <Textfield label={t("disclosures.from")} name="from" type="date" />
        <Textfield label={t("disclosures.to")} name="to" type="date" />
        <Field>
          <Label>{t("disclosures.organisation")}</Label>
          <Select name="organisation" defaultValue="">
            <Select.Option value="">{t("disclosures.allOrganisations")}</Select.Option>
            {(data?.myDisclosureOrganisations ?? []).map((organisation) => (
              <Select.Option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="secondary">
          {t("disclosures.apply")}
        </Button>
      </form>
      {loading ? <p>{t("app.loading")}</p> : null}
      <QueryError error={error} />
      {page ? (
        <>
          <p aria-live="polite">{t("disclosures.count", { count: page.totalCount })}</p>
          {page.withheldByLaw > 0 ? (
            <Paragraph>{t("disclosures.withheld", { count: page.withheldByLaw })}</Paragraph>
          ) : null}
          <TableWrap label={t("disclosures.caption")}>
            <Table>
              <caption>{t("disclosures.caption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("disclosures.when")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("disclosures.organisation")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("disclosures.groups")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("disclosures.legalBasis")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("disclosures.purpose")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("disclosures.channel")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {page.nodes.map((node, index) => (
                  <Table.Row key={`${node.at}-${index}`}>
                    <Table.Cell>
                      {new Date(node.at).toLocaleString(i18n.language === "lv" ? "lv-LV" : "en-GB")}
                    </Table.Cell>
                    <Table.Cell>{node.organisationName}</Table.Cell>
                    <Table.Cell>
                      {node.dataGroups.length > 0 ? node.dataGroups.join(", ") : t("disclosures.existence")}
                    </Table.Cell>
                    <Table.Cell>{node.legalBasis}</Table.Cell>
                    <Table.Cell>{node.purpose}</Table.Cell>
                    <Table.Cell>{t(`disclosures.channels.${node.channel}`)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
          <nav aria-label={t("disclosures.pages")} className="rnp-row">
            <Button
              variant="secondary"
              disabled={cursors.length < 2}
              onClick={() => setCursors((list) => list.slice(0, -1))}
            >
              {t("disclosures.previous")}
            </Button>
            <Button
              variant="secondary"
              disabled={!page.hasNextPage}
              onClick={() => setCursors((list) => [...list, page.endCursor ?? null])}
            >
              {t("disclosures.next")}
            </Button>
          </nav>
          <div className="rnp-row">
            <Button
              variant="secondary"
              onClick={async () =>
                download("disclosures.csv", "text/csv;charset=utf-8", toCsv(await allRows(), t))
              }
            >
              {t("disclosures.csv")}
            </Button>
            <Button
              variant="secondary"
              onClick={async () => {
                const rows = await allRows();
                const { statementPdf } = await import("./statementPdf");
                download(
                  "disclosures.pdf",
                  "application/pdf",
                  (await statementPdf(rows, page.withheldByLaw, t)) as BlobPart,
                );
              }}
            >
              {t("disclosures.pdf")}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
