import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Build the silver and gold models a template generated, with the platform dbt project, before publishing them',
    example: yaml.stringify({
      steps: [
        {
          id: 'dbt-check',
          action: 'scout:dbt:check',
          name: 'Check the dbt models',
          input: { path: 'transform' },
        },
      ],
    }),
  },
];
