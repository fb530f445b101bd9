import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Check a new pipeline's records, grain and measures before generating anything",
    example: yaml.stringify({
      steps: [
        {
          id: 'values',
          action: 'scout:pipeline:check',
          name: 'Check the values',
          input: {
            fields: '${{ parameters.fields }}',
            dayField: '${{ parameters.dayField }}',
            grain: '${{ parameters.grain }}',
            measures: '${{ parameters.measures }}',
          },
        },
      ],
    }),
  },
];
