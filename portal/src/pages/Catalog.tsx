import { useQuery } from "@apollo/client/react";
import { Details, Heading, Link, Paragraph, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { graphql } from "../gql";
import { QueryError } from "./QueryError";
import { TableWrap } from "./TableWrap";

const CatalogPageQuery = graphql(`
  query CatalogPage {
    dataGroups {
      name
      description
      fields {
        coordinate
        type
        description
      }
    }
    providers {
      code
      name
      description
    }
    datasets(first: 100) {
      totalCount
      nodes {
        code
        name
        description
        provider {
          name
        }
      }
    }
  }
`);

export default function Catalog() {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(CatalogPageQuery);
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("catalog.title")}
      </Heading>
      <Paragraph>{t("catalog.intro")}</Paragraph>
      <Paragraph>
        <Link href="/catalog/dcat-ap.jsonld" download>
          {t("catalog.dcat")}
        </Link>
      </Paragraph>
      {loading ? <p>{t("app.loading")}</p> : null}
      <QueryError error={error} />
      {data ? (
        <>
          <Heading level={2} data-size="md">
            {t("catalog.dataGroups")}
          </Heading>
          {data.dataGroups.map((group) => (
            <Details key={group.name}>
              <Details.Summary>
                {group.name}: {group.description}
              </Details.Summary>
              <Details.Content>
                <TableWrap label={t("catalog.fieldsOf", { group: group.name })}>
                  <Table>
                    <caption>{t("catalog.fieldsOf", { group: group.name })}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell>{t("catalog.field")}</Table.HeaderCell>
                        <Table.HeaderCell>{t("catalog.type")}</Table.HeaderCell>
                        <Table.HeaderCell>{t("catalog.description")}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {group.fields.map((field) => (
                        <Table.Row key={field.coordinate}>
                          <Table.Cell>
                            <code>{field.coordinate}</code>
                          </Table.Cell>
                          <Table.Cell>
                            <code>{field.type}</code>
                          </Table.Cell>
                          <Table.Cell lang="en">{field.description}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </TableWrap>
              </Details.Content>
            </Details>
          ))}
          <Heading level={2} data-size="md">
            {t("catalog.providers")}
          </Heading>
          <ul>
            {data.providers.map((provider) => (
              <li key={provider.code}>
                <strong>{provider.name}</strong>: <span lang="en">{provider.description}</span>
              </li>
            ))}
          </ul>
          <Heading level={2} data-size="md">
            {t("catalog.datasets", { count: data.datasets.totalCount })}
          </Heading>
          <ul>
            {data.datasets.nodes.map((dataset) => (
              <li key={dataset.code}>
                <strong>{dataset.name}</strong> ({dataset.provider.name}):{" "}
                <span lang="en">{dataset.description}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
