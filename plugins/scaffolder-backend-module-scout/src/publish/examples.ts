import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import type { z } from 'zod/v3';

/** A repository name both publishers accept (Gitea's rules are wider). */
export const REPO_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** The publish actions' `repo` input. */
export const repoInput = (zod: typeof z) =>
  zod
    .string()
    .regex(REPO_NAME, 'lower-case letters, digits, - and _')
    .max(100)
    .describe('The repository to create');

/** One template step as an action example. */
export const exampleStep = (
  name: string,
  action: string,
  input: Record<string, unknown>,
): TemplateExample => ({
  description: name,
  example: yaml.stringify({ steps: [{ id: 'step', name, action, input }] }),
});
