import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Check the migration a template added for a bronze table, and that the table it creates has the fields the pipeline loads',
    example: yaml.stringify({
      steps: [
        {
          id: 'migration-check',
          action: 'scout:migration:check',
          name: 'Check the migrations',
          input: {
            path: 'migrations',
            tables: [
              {
                name: 'scout.bronze_store_visits',
                columns: '${{ parameters.fields }}',
              },
            ],
          },
        },
      ],
    }),
  },
];
