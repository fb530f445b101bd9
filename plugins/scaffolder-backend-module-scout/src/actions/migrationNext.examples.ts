import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Number a new migration after the applied ones and name its file with the prefix',
    example: yaml.stringify({
      steps: [
        {
          id: 'migration',
          action: 'scout:migration:next',
          name: 'Number the new migration',
        },
        {
          id: 'fetch',
          action: 'fetch:template',
          name: 'Generate the migration',
          input: {
            url: './skeleton',
            values: {
              migration: '${{ steps.migration.output.prefix }}bronze_visits',
            },
          },
        },
      ],
    }),
  },
];
