import { useQuery } from "@apollo/client/react";
import { Link as DsLink, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../gql";
import { useSession } from "../session";
import { PersonDetails } from "./PersonDetails";
import { QueryError } from "./QueryError";

/** The data subject's own register data: a built-in, audited access (docs/PORTAL.md). */
const MyRegisterDataQuery = graphql(`
  query MyRegisterData($personCode: String!) {
    person(personCode: $personCode) {
      personCode
      givenName
      surname
      formerPersonCodes
      birthDate
      birthPlace
      sex
      citizenshipStatus
      citizenship
      declaredAddress {
        address {
          fullAddress
        }
      }
      identityDocuments {
        type
        number
        status
        expiryDate
      }
      civilStatus
      deceased
      deathDate
    }
  }
`);

export default function MyData() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { data, error, loading } = useQuery(MyRegisterDataQuery, {
    variables: { personCode: session?.personCode ?? "" },
  });
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("myData.title")}
      </Heading>
      <Paragraph>{t("myData.intro")}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/my-data/disclosures">{t("myData.whoViewed")}</Link>
        </DsLink>
      </Paragraph>
      {loading ? <p>{t("app.loading")}</p> : null}
      <QueryError error={error} />
      {data?.person ? <PersonDetails person={data.person} /> : null}
      {data && !data.person ? <Paragraph>{t("myData.notInRegister")}</Paragraph> : null}
    </div>
  );
}
