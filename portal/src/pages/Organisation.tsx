import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { graphql } from "../gql";
import { QueryError } from "./QueryError";
import { TableWrap } from "./TableWrap";

const OrganisationPeopleQuery = graphql(`
  query OrganisationPeople($requesterId: ID!) {
    organisationMembers(requesterId: $requesterId) {
      personCode
      displayName
      roles
      status
      organisation {
        name
      }
    }
    peopleEvents(requesterId: $requesterId, first: 20) {
      nodes {
        at
        actor
        personCode
        action
        roles
      }
    }
  }
`);

const SuspendMemberMutation = graphql(`
  mutation SuspendMember($requesterId: ID!, $personCode: String!) {
    suspendMember(requesterId: $requesterId, personCode: $personCode) {
      personCode
      status
    }
  }
`);
const ReinstateMemberMutation = graphql(`
  mutation ReinstateMember($requesterId: ID!, $personCode: String!) {
    reinstateMember(requesterId: $requesterId, personCode: $personCode) {
      personCode
      status
    }
  }
`);
const RemoveMemberMutation = graphql(`
  mutation RemoveMember($requesterId: ID!, $personCode: String!) {
    removeMember(requesterId: $requesterId, personCode: $personCode) {
      personCode
      status
    }
  }
`);

export default function Organisation() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(OrganisationPeopleQuery, {
    variables: { requesterId: id },
  });
  const [suspend, suspended] = useMutation(SuspendMemberMutation);
  const [reinstate, reinstated] = useMutation(ReinstateMemberMutation);
  const [remove, removed] = useMutation(RemoveMemberMutation);
  const act = async (
    action: (options: { variables: { requesterId: string; personCode: string } }) => Promise<unknown>,
    personCode: string,
  ) => {
    await action({ variables: { requesterId: id, personCode } }).catch(() => {});
    await refetch();
  };
  const name = data?.organisationMembers[0]?.organisation.name ?? t("organisations.organisation");
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {name}
      </Heading>
      <Paragraph>
        <Link to={`/organisations/${id}/add`}>{t("members.add")}</Link>
      </Paragraph>
      {loading ? <p>{t("app.loading")}</p> : null}
      <QueryError error={error ?? suspended.error ?? reinstated.error ?? removed.error} />
      {data ? (
        <>
          <TableWrap label={t("members.caption")}>
            <Table>
              <caption>{t("members.caption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("members.person")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("members.roles")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("members.status")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("members.actions")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.organisationMembers.map((member) => {
                  const who = member.displayName
                    ? `${member.displayName} (${member.personCode})`
                    : member.personCode;
                  return (
                    <Table.Row key={member.personCode}>
                      <Table.Cell>{who}</Table.Cell>
                      <Table.Cell>
                        {member.roles.map((role) => (
                          <Tag key={role} data-color="neutral">
                            {t(`roles.${role}`)}
                          </Tag>
                        ))}
                      </Table.Cell>
                      <Table.Cell>{t(`status.${member.status}`)}</Table.Cell>
                      <Table.Cell>
                        {member.status === "ACTIVE" ? (
                          <Button
                            variant="secondary"
                            data-size="sm"
                            onClick={() => act(suspend, member.personCode)}
                          >
                            {t("members.suspend", { who })}
                          </Button>
                        ) : null}
                        {member.status === "SUSPENDED" ? (
                          <Button
                            variant="secondary"
                            data-size="sm"
                            onClick={() => act(reinstate, member.personCode)}
                          >
                            {t("members.reinstate", { who })}
                          </Button>
                        ) : null}
                        {member.status !== "REMOVED" ? (
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            onClick={() => act(remove, member.personCode)}
                          >
                            {t("members.remove", { who })}
                          </Button>
                        ) : null}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </TableWrap>
          <Heading level={2} data-size="md">
            {t("members.history")}
          </Heading>
          <ul>
            {data.peopleEvents.nodes.map((event, index) => (
              <li key={`${event.at}-${index}`}>
                {new Date(event.at).toLocaleString(i18n.language === "lv" ? "lv-LV" : "en-GB")}:{" "}
                {t(`actions.${event.action}`, { actor: event.actor, person: event.personCode })}
                {event.roles.length > 0
                  ? ` (${event.roles.map((role) => t(`roles.${role}`)).join(", ")})`
                  : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
