import { useQuery } from "@apollo/client/react";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { graphql } from "../gql";
import { PersonDetails } from "./PersonDetails";
import { loadPdpContext, pdpHeaders } from "./pdpContext";
import { QueryError } from "./QueryError";

/**
 * One look-up by hand: exactly the grant's groups (each group's fields included only when
 * the grant covers it), one person, audited with the official, the grant and the purpose.
 */
const PdpLookUpQuery = graphql(`
  query PdpLookUp(
    $personCode: String!
    $codes: Boolean!
    $name: Boolean!
    $birth: Boolean!
    $citizenship: Boolean!
    $address: Boolean!
    $documents: Boolean!
    $family: Boolean!
    $death: Boolean!
  ) {
    person(personCode: $personCode) {
      personCode
      formerPersonCodes @include(if: $codes)
      givenName @include(if: $name)
      surname @include(if: $name)
      birthDate @include(if: $birth)
      birthPlace @include(if: $birth)
      sex @include(if: $birth)
      citizenshipStatus @include(if: $citizenship)
      citizenship @include(if: $citizenship)
      declaredAddress @include(if: $address) {
        address {
          fullAddress
        }
      }
      identityDocuments @include(if: $documents) {
        type
        number
        status
        expiryDate
      }
      civilStatus @include(if: $family)
      spouse @include(if: $family) {
        personCode
      }
      mother @include(if: $family) {
        personCode
      }
      father @include(if: $family) {
        personCode
      }
      children @include(if: $family) {
        personCode
      }
      deceased @include(if: $death)
      deathDate @include(if: $death)
    }
  }
`);

export default function PdpPerson() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const context = loadPdpContext();
  const has = (group: string) => context?.dataGroups.includes(group) ?? false;
  const { data, error, loading } = useQuery(PdpLookUpQuery, {
    skip: !context,
    variables: {
      personCode: code,
      codes: has("PERSON_CODES"),
      name: has("NAME"),
      birth: has("BIRTH"),
      citizenship: has("CITIZENSHIP"),
      address: has("ADDRESS"),
      documents: has("DOCUMENTS"),
      family: has("FAMILY"),
      death: has("DEATH"),
    },
    ...(context ? { context: pdpHeaders(context) } : {}),
  });
  const person = data?.person;
  const relation = (label: string, codes: (string | undefined)[]) => {
    const present = codes.filter((value): value is string => Boolean(value));
    if (present.length === 0) return null;
    return (
      <>
        <dt>{label}</dt>
        <dd>
          {present.map((value) => (
            <div key={value}>
              <Link to={`/pdp/person/${value.replace("-", "")}`}>{value}</Link>
            </div>
          ))}
        </dd>
      </>
    );
  };
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("pdp.resultTitle")}
      </Heading>
      {!context ? (
        <Paragraph>
          <Link to="/pdp">{t("pdp.startAgain")}</Link>
        </Paragraph>
      ) : (
        <Paragraph>{t("pdp.under", { grant: context.grantNumber, purpose: context.purpose })}</Paragraph>
      )}
      {loading ? <p>{t("app.loading")}</p> : null}
      <QueryError error={error} />
      {person ? (
        <PersonDetails
          person={person}
          relations={
            <>
              {relation(t("person.spouse"), [person.spouse?.personCode])}
              {relation(t("person.parents"), [person.mother?.personCode, person.father?.personCode])}
              {relation(
                t("person.children"),
                (person.children ?? []).map((child) => child.personCode),
              )}
            </>
          }
        />
      ) : null}
      {data && !person ? <Paragraph>{t("pdp.notFound")}</Paragraph> : null}
      <Paragraph>
        <Link to="/pdp">{t("pdp.another")}</Link>
      </Paragraph>
    </div>
  );
}
