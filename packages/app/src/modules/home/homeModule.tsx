import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Scout Portal

The developer portal of the Scout retail analytics platform: POS transactions
from sari-sari stores, through Supabase Postgres and the Iceberg lakehouse, to
gold aggregates, ML features and Genie answers.

- **[Catalog](/catalog)**: every platform component, API and data resource,
  with owners and dependencies. Start from the
  [Scout Analytics domain](/catalog/default/domain/scout-analytics).
- **[APIs](/api-docs)**: OpenAPI definitions of the ingestion, Genie and gold
  REST APIs.
- **Teams**: each component has an owning group; open a group to see what it owns.

The catalog lives in \`catalog/\` in the repository; edit the YAML there and the
portal picks it up.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting Started',
    description: 'Where things are in Scout Portal',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
