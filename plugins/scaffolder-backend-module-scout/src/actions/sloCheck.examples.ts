import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the freshness SLO a pipeline template generated before publishing it',
    example: yaml.stringify({
      steps: [
        {
          id: 'slo-check',
          action: 'scout:slo:check',
          name: 'Check the SLO spec',
          input: { path: 'platform-manifests/observability/slos' },
        },
      ],
    }),
  },
];
