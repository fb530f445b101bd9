import { Link } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';

/** Where things are: every link is an in-app route (the crawler follows them). */
export const gettingStartedLinks = [
  {
    title: 'Catalog',
    to: '/catalog',
    text: 'every platform component, API and data resource, with owners and dependencies',
  },
  {
    title: 'Lakehouse',
    to: '/lakehouse',
    text: 'the bronze, silver, gold and platinum tables, their columns, rows and history',
  },
  {
    title: 'Pipeline',
    to: '/pipeline',
    text: 'the dbt pipeline runs, their steps and tests; start a run',
  },
  {
    title: 'Docs',
    to: '/docs',
    text: 'architecture, runbooks and the ingestion API guide',
  },
  {
    title: 'APIs',
    to: '/api-docs',
    text: 'OpenAPI definitions of the ingestion, Genie and gold REST APIs',
  },
];

/** The Getting Started card of the Scout home. */
export function GettingStarted() {
  return (
    <Flex direction="column" gap="2">
      <Text as="p" variant="body-medium">
        The developer portal of the Scout retail analytics platform: POS
        transactions from sari-sari stores, through Supabase Postgres and the
        Iceberg lakehouse, to gold aggregates, ML features and Genie answers.
      </Text>
      <ul>
        {gettingStartedLinks.map(link => (
          <li key={link.to}>
            <Text as="span" variant="body-medium">
              <Link to={link.to}>{link.title}</Link>: {link.text}.
            </Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
