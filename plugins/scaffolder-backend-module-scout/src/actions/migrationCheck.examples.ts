import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Check the migrations folder after a template added a bronze table',
    example: yaml.stringify({
      steps: [
        {
          id: 'migration-check',
          action: 'scout:migration:check',
          name: 'Check the migrations',
          input: { path: 'migrations' },
        },
      ],
    }),
  },
];
