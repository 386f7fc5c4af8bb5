import { useQuery } from "@apollo/client/react";
import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../gql";
import { QueryError } from "./QueryError";

export const PortalMeQuery = graphql(`
  query PortalMe {
    portalMe {
      personCode
      platformRoles
      memberships {
        roles
        status
        organisation {
          id
          name
        }
      }
    }
  }
`);

export default function Organisations() {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(PortalMeQuery);
  const me = data?.portalMe;
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("organisations.title")}
      </Heading>
      {loading ? <p>{t("app.loading")}</p> : null}
      <QueryError error={error} />
      {me && me.memberships.length === 0 ? <Paragraph>{t("organisations.none")}</Paragraph> : null}
      <ul className="rnp-stack">
        {(me?.memberships ?? []).map((membership) => (
          <li key={membership.organisation.id}>
            <Link to={`/organisations/${membership.organisation.id}`}>{membership.organisation.name}</Link>{" "}
            {membership.roles.map((role) => (
              <Tag key={role} data-color="neutral">
                {t(`roles.${role}`)}
              </Tag>
            ))}{" "}
            {membership.status !== "ACTIVE" ? (
              <Tag data-color="warning">{t(`status.${membership.status}`)}</Tag>
            ) : null}
          </li>
        ))}
      </ul>
      {me?.platformRoles.includes("OPERATOR") ? (
        <Paragraph>
          <Link to="/admin">{t("admin.title")}</Link>
        </Paragraph>
      ) : null}
    </div>
  );
}
