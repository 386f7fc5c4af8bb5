import { useMutation } from "@apollo/client/react";
import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../gql";
import { QueryError } from "./QueryError";

const AppointSignatoryMutation = graphql(`
  mutation AppointSignatory($requesterId: ID!, $personCode: String!) {
    appointSignatory(requesterId: $requesterId, personCode: $personCode) {
      personCode
      organisation {
        name
      }
    }
  }
`);

/** Operators appoint an organisation's signatory contact person. */
export default function Admin() {
  const { t } = useTranslation();
  const [appoint, { data, error }] = useMutation(AppointSignatoryMutation);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await appoint({
      variables: { requesterId: String(form.get("requesterId")), personCode: String(form.get("personCode")) },
    }).catch(() => null);
  }
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("admin.title")}
      </Heading>
      <Paragraph>{t("admin.intro")}</Paragraph>
      <QueryError error={error} />
      {data ? (
        <Alert data-color="success">
          {t("admin.appointed", {
            who: data.appointSignatory.personCode,
            org: data.appointSignatory.organisation.name,
          })}
        </Alert>
      ) : null}
      <form onSubmit={submit} className="rnp-stack">
        <Textfield
          name="requesterId"
          id="requesterId"
          label={t("admin.organisationId")}
          inputMode="numeric"
        />
        <Textfield name="personCode" id="signatoryCode" label={t("members.personCode")} inputMode="numeric" />
        <Button type="submit">{t("admin.appoint")}</Button>
      </form>
    </div>
  );
}
