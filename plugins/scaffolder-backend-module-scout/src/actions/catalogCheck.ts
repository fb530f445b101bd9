import {
  ANNOTATION_ORIGIN_LOCATION,
  DefaultNamespaceEntityPolicy,
  type Entity,
  EntityPolicies,
  type EntityPolicy,
  FieldFormatEntityPolicy,
  type KindValidator,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseAllDocuments } from 'yaml';
import { examples } from './catalogCheck.examples';
import { readWorkspaceFiles } from './workspaceFiles';

// The checks the catalog itself applies when it reads an entity: the
// envelope and field formats, then the schema of its kind.
const policy: EntityPolicy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const kinds: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
];

const reason = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** The entity's problem, or undefined when the catalog would accept it. */
async function problem(data: unknown): Promise<string | undefined> {
  let entity: Entity | undefined;
  try {
    entity = await policy.enforce(data as Entity);
  } catch (error) {
    return reason(error);
  }
  if (!entity) return 'rejected by the entity policy';
  for (const kind of kinds) {
    try {
      if (await kind.check(entity)) return undefined;
    } catch (error) {
      return `${entity.kind}: ${reason(error)}`;
    }
  }
  return `unknown kind ${entity.apiVersion}/${entity.kind}`;
}

/**
 * `scout:catalog:check`: validates the catalog-info files a template
 * generated with the catalog's own validators (entity policies and each
 * kind's schema), so the catalog never refuses what was published, and
 * refuses entities the catalog already has (a taken name), as seen with the
 * initiator's credentials, before anything is published. Reads only; the
 * same in a dry run.
 */
export function createCatalogCheckAction(options: { catalog: CatalogService }) {
  return createTemplateAction({
    id: 'scout:catalog:check',
    description:
      'Validates generated catalog entity files with the catalog model validators, and refuses entities the catalog already has; fails with each file, document and reason, or each taken ref.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .describe(
              'An entity file, or a directory whose *.yaml files are entity files, relative to the workspace',
            ),
      },
      output: {
        entityRefs: z =>
          z
            .array(z.string())
            .describe('The refs of the valid entities, in file order'),
      },
    },
    async handler(ctx) {
      const files = await readWorkspaceFiles(
        ctx.workspacePath,
        ctx.input.path,
        ['.yaml', '.yml'],
      );
      const refs: string[] = [];
      const problems: string[] = [];
      for (const file of files) {
        const docs = parseAllDocuments(file.text);
        for (const [index, doc] of (Array.isArray(docs)
          ? docs
          : []
        ).entries()) {
          const where = `${file.path} document ${index + 1}`;
          if (doc.errors.length) {
            problems.push(`${where}: ${reason(doc.errors[0])}`);
            continue;
          }
          const data = doc.toJS();
          if (data === null) continue;
          const found = await problem(data);
          if (found) problems.push(`${where}: ${found}`);
          else refs.push(stringifyEntityRef(data));
        }
      }
      if (problems.length) {
        throw new InputError(
          `invalid catalog entities:\n${problems
            .map(p => `  ${p}`)
            .join('\n')}`,
        );
      }
      if (!refs.length) {
        throw new InputError(`${ctx.input.path} holds no catalog entity`);
      }
      const { items } = await options.catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: ['metadata.annotations'] },
        { credentials: await ctx.getInitiatorCredentials() },
      );
      const taken = items.flatMap((entity, i) =>
        entity
          ? [
              `${refs[i]} (from ${
                entity.metadata?.annotations?.[ANNOTATION_ORIGIN_LOCATION] ??
                'an unknown location'
              })`,
            ]
          : [],
      );
      if (taken.length) {
        throw new InputError(
          `the catalog already has ${taken.join(
            ', ',
          )}: the name is taken, so run the template again with another one`,
        );
      }
      ctx.logger.info(`${refs.length} valid entities: ${refs.join(', ')}`);
      ctx.output('entityRefs', refs);
    },
  });
}
