import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the entities a template generated before publishing them',
    example: yaml.stringify({
      steps: [
        {
          id: 'catalog-check',
          action: 'scout:catalog:check',
          name: 'Check the catalog entities',
          input: { path: 'catalog-info.yaml' },
        },
      ],
    }),
  },
];
