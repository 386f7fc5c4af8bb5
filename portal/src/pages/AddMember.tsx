import { useMutation } from "@apollo/client/react";
import { Button, Checkbox, ErrorSummary, Fieldset, Heading, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { graphql } from "../gql";
import { QueryError } from "./QueryError";

const AddMemberMutation = graphql(`
  mutation AddMember($requesterId: ID!, $personCode: String!, $roles: [OrganisationRole!]!, $displayName: String) {
    addMember(requesterId: $requesterId, personCode: $personCode, roles: $roles, displayName: $displayName) {
      personCode
      roles
    }
  }
`);

const ROLES = ["PDP_USER", "DEVELOPER", "ORG_ADMIN"] as const;
type Role = (typeof ROLES)[number];

/** GOV.UK habit: errors listed at the top, each linked to its field, and beside the field. */
export default function AddMember() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const summary = useRef<HTMLElement>(null);
  const [add, { error }] = useMutation(AddMemberMutation);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const personCode = String(form.get("personCode") ?? "").trim();
    const roles = ROLES.filter((role) => form.get(role) === "on") as Role[];
    const found: { field: string; message: string }[] = [];
    if (!/^\d{6}-?\d{5}$/.test(personCode))
      found.push({ field: "personCode", message: t("members.codeInvalid") });
    if (roles.length === 0) found.push({ field: "role-PDP_USER", message: t("members.roleRequired") });
    setErrors(found);
    if (found.length > 0) {
      setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    const displayName = String(form.get("displayName") ?? "").trim();
    const result = await add({
      variables: { requesterId: id, personCode, roles, ...(displayName ? { displayName } : {}) },
    }).catch(() => null);
    if (result?.data) navigate(`/organisations/${id}`);
  }

  const errorOf = (field: string) => errors.find((entry) => entry.field === field)?.message;
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("members.addTitle")}
      </Heading>
      {errors.length > 0 ? (
        <ErrorSummary ref={summary as never} tabIndex={-1}>
          <ErrorSummary.Heading>{t("form.errorSummary")}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {errors.map((entry) => (
              <ErrorSummary.Item key={entry.field}>
                <ErrorSummary.Link href={`#${entry.field}`}>{entry.message}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      <QueryError error={error} />
      <form onSubmit={submit} noValidate className="rnp-stack">
        <Textfield
          id="personCode"
          name="personCode"
          label={t("members.personCode")}
          description={t("members.personCodeHint")}
          inputMode="numeric"
          autoComplete="off"
          error={errorOf("personCode")}
        />
        <Textfield id="displayName" name="displayName" label={t("members.displayName")} autoComplete="off" />
        <Fieldset>
          <Fieldset.Legend>{t("members.roles")}</Fieldset.Legend>
          {ROLES.map((role) => (
            <Checkbox key={role} id={`role-${role}`} name={role} label={t(`roles.${role}`)} />
          ))}
          {errorOf("role-PDP_USER") ? (
            <p className="ds-validation-message">{errorOf("role-PDP_USER")}</p>
          ) : null}
        </Fieldset>
        <Button type="submit">{t("members.addButton")}</Button>
      </form>
    </div>
  );
}
