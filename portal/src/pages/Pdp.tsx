import { useLazyQuery, useQuery } from "@apollo/client/react";
import {
  Button,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { graphql } from "../gql";
import { PortalMeQuery } from "./Organisations";
import { loadPdpContext, type PdpContext, pdpHeaders, savePdpContext } from "./pdpContext";
import { QueryError } from "./QueryError";

const ManualLookupGrantsQuery = graphql(`
  query ManualLookupGrants($requesterId: ID!) {
    manualLookupGrants(requesterId: $requesterId) {
      number
      purpose
      legalBasis
      dataGroups
    }
  }
`);

const PdpSearchByNameQuery = graphql(`
  query PdpSearchByName($givenName: String!, $surname: String!, $birthDate: Date!) {
    searchPersons(givenName: $givenName, surname: $surname, birthDate: $birthDate, first: 10) {
      totalCount
      nodes {
        currentPersonCode
      }
    }
  }
`);

const PdpSearchByDocumentQuery = graphql(`
  query PdpSearchByDocument($documentNumber: String!) {
    searchPersons(documentNumber: $documentNumber, first: 10) {
      totalCount
      nodes {
        currentPersonCode
      }
    }
  }
`);

const PdpSearchByAddressQuery = graphql(`
  query PdpSearchByAddress($addressCode: String!) {
    searchPersons(addressCode: $addressCode, first: 10) {
      totalCount
      nodes {
        currentPersonCode
      }
    }
  }
`);

function GrantOptions({
  requesterId,
  name,
  onGrants,
}: {
  requesterId: string;
  name: string;
  onGrants: (grants: PdpGrant[]) => void;
}) {
  const { data } = useQuery(ManualLookupGrantsQuery, {
    variables: { requesterId },
  });
  const grants = data?.manualLookupGrants ?? [];
  if (grants.length > 0)
    queueMicrotask(() => onGrants(grants.map((grant) => ({ ...grant, dataGroups: [...grant.dataGroups] }))));
  return (
    <>
      {grants.map((grant) => (
        <Select.Option key={grant.number} value={grant.number}>
          {`${name}: ${grant.number} (${grant.purpose})`}
        </Select.Option>
      ))}
    </>
  );
}

interface PdpGrant {
  number: string;
  purpose: string;
  dataGroups: string[];
}

export default function Pdp() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const previous = loadPdpContext();
  const me = useQuery(PortalMeQuery);
  const known = useRef(new Map<string, PdpGrant>());
  const summary = useRef<HTMLElement>(null);
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [search, byName] = useLazyQuery(PdpSearchByNameQuery);
  const [searchDocument, byDocument] = useLazyQuery(PdpSearchByDocumentQuery);
  const [searchAddress, byAddress] = useLazyQuery(PdpSearchByAddressQuery);
  const [searchedBy, setSearchedBy] = useState<"name" | "document" | "address" | null>(null);
  const searched = searchedBy === "document" ? byDocument : searchedBy === "address" ? byAddress : byName;
  const organisations = (me.data?.portalMe?.memberships ?? []).filter(
    (membership) => membership.status === "ACTIVE" && membership.roles.includes("PDP_USER"),
  );

  function contextOf(form: FormData, found: { field: string; message: string }[]): PdpContext | null {
    const grantNumber = String(form.get("grant") ?? "");
    const purpose = String(form.get("purpose") ?? "").trim();
    if (!grantNumber) found.push({ field: "grant", message: t("pdp.grantRequired") });
    if (purpose.length < 3) found.push({ field: "purpose", message: t("pdp.purposeRequired") });
    const grant = known.current.get(grantNumber);
    return grantNumber && purpose.length >= 3
      ? { grantNumber, purpose, dataGroups: grant?.dataGroups ?? previous?.dataGroups ?? [] }
      : null;
  }

  function show(found: { field: string; message: string }[]) {
    setErrors(found);
    if (found.length > 0) setTimeout(() => summary.current?.focus(), 0);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const mode = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") ?? "code";
    const found: { field: string; message: string }[] = [];
    const context = contextOf(form, found);
    if (mode === "code") {
      const code = String(form.get("personCode") ?? "").trim();
      if (!/^\d{6}-?\d{5}$/.test(code))
        found.push({ field: "personCode", message: t("members.codeInvalid") });
      show(found);
      if (found.length > 0 || !context) return;
      savePdpContext(context);
      navigate(`/pdp/person/${code.replace("-", "")}`);
      return;
    }
    if (mode === "document" || mode === "address") {
      const value = String(form.get(mode === "document" ? "documentNumber" : "addressCode") ?? "").trim();
      if (mode === "document" && !/^[A-Za-z0-9]{5,20}$/.test(value))
        found.push({ field: "documentNumber", message: t("pdp.documentRequired") });
      if (mode === "address" && !/^\d{9}$/.test(value))
        found.push({ field: "addressCode", message: t("pdp.addressRequired") });
      show(found);
      if (found.length > 0 || !context) return;
      savePdpContext(context);
      setSearchedBy(mode);
      if (mode === "document") {
        await searchDocument({ variables: { documentNumber: value }, context: pdpHeaders(context) }).catch(
          () => null,
        );
      } else {
        await searchAddress({ variables: { addressCode: value }, context: pdpHeaders(context) }).catch(
          () => null,
        );
      }
      return;
    }
    const givenName = String(form.get("givenName") ?? "").trim();
    const surname = String(form.get("surname") ?? "").trim();
    const birthDate = String(form.get("birthDate") ?? "");
    if (!givenName) found.push({ field: "givenName", message: t("pdp.givenNameRequired") });
    if (!surname) found.push({ field: "surname", message: t("pdp.surnameRequired") });
    if (!birthDate) found.push({ field: "birthDate", message: t("pdp.birthDateRequired") });
    show(found);
    if (found.length > 0 || !context) return;
    savePdpContext(context);
    await search({ variables: { givenName, surname, birthDate }, context: pdpHeaders(context) }).catch(
      () => null,
    );
  }

  const errorOf = (field: string) => errors.find((entry) => entry.field === field)?.message;
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("pdp.title")}
      </Heading>
      <Paragraph>{t("pdp.intro")}</Paragraph>
      <QueryError error={me.error ?? searched.error} />
      {me.data && organisations.length === 0 ? <Paragraph>{t("pdp.notUser")}</Paragraph> : null}
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
      <form onSubmit={submit} noValidate className="rnp-stack">
        <Field>
          <Label htmlFor="grant">{t("pdp.grant")}</Label>
          <Select
            id="grant"
            name="grant"
            defaultValue={previous?.grantNumber ?? ""}
            aria-invalid={Boolean(errorOf("grant"))}
          >
            <Select.Option value="">{t("pdp.chooseGrant")}</Select.Option>
            {organisations.map((membership) => (
              <GrantOptions
                key={membership.organisation.id}
                requesterId={membership.organisation.id}
                name={membership.organisation.name}
                onGrants={(grants) => {
                  for (const grant of grants) known.current.set(grant.number, grant);
                }}
              />
            ))}
          </Select>
          {errorOf("grant") ? <ValidationMessage>{errorOf("grant")}</ValidationMessage> : null}
        </Field>
        <Textfield
          id="purpose"
          name="purpose"
          label={t("pdp.purpose")}
          description={t("pdp.purposeHint")}
          defaultValue={previous?.purpose ?? ""}
          error={errorOf("purpose")}
        />
        <Heading level={2} data-size="sm">
          {t("pdp.byCode")}
        </Heading>
        <Textfield
          id="personCode"
          name="personCode"
          label={t("members.personCode")}
          inputMode="numeric"
          error={errorOf("personCode")}
        />
        <Button type="submit" name="mode" value="code">
          {t("pdp.lookUp")}
        </Button>
        <Heading level={2} data-size="sm">
          {t("pdp.bySearch")}
        </Heading>
        <Textfield id="givenName" name="givenName" label={t("pdp.givenName")} error={errorOf("givenName")} />
        <Textfield id="surname" name="surname" label={t("pdp.surname")} error={errorOf("surname")} />
        <Textfield
          id="birthDate"
          name="birthDate"
          type="date"
          label={t("pdp.birthDate")}
          error={errorOf("birthDate")}
        />
        <Button type="submit" name="mode" value="search" variant="secondary">
          {t("pdp.search")}
        </Button>
        <Heading level={2} data-size="sm">
          {t("pdp.byDocument")}
        </Heading>
        <Textfield
          id="documentNumber"
          name="documentNumber"
          label={t("pdp.documentNumber")}
          error={errorOf("documentNumber")}
        />
        <Button type="submit" name="mode" value="document" variant="secondary">
          {t("pdp.searchDocument")}
        </Button>
        <Heading level={2} data-size="sm">
          {t("pdp.byAddress")}
        </Heading>
        <Textfield
          id="addressCode"
          name="addressCode"
          label={t("pdp.addressCode")}
          inputMode="numeric"
          error={errorOf("addressCode")}
        />
        <Button type="submit" name="mode" value="address" variant="secondary">
          {t("pdp.searchAddress")}
        </Button>
      </form>
      {searched.data ? (
        <section aria-live="polite">
          <Heading level={2} data-size="sm">
            {t("pdp.matches", { count: searched.data.searchPersons.totalCount })}
          </Heading>
          <ul>
            {searched.data.searchPersons.nodes.map((node) => (
              <li key={node.currentPersonCode}>
                <Link to={`/pdp/person/${node.currentPersonCode.replace("-", "")}`}>
                  {node.currentPersonCode}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
