import { loadSloSpecs } from '@internal/backstage-plugin-slo-backend';
import { CATALOG_SLOS_ANNOTATION } from '@internal/backstage-plugin-slo-common';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../bench/backend.ts';
import { SLO_PATHS } from './generate.ts';

type Entity = {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: { owner?: string };
};

// The specs and the catalog point at each other: every SLO names a real
// entity and its owner, and every entity lists exactly its SLOs.
it('keeps SLO specs and catalog annotations in step', async () => {
  const dir = join(repoRoot, 'catalog');
  const entities = new Map<string, Entity>();
  for (const file of (await readdir(dir)).filter(f => f.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(
      await readFile(join(dir, file), 'utf8'),
    )) {
      const entity = doc.toJS() as Entity;
      const ref = `${entity.kind.toLowerCase()}:default/${
        entity.metadata.name
      }`;
      entities.set(ref, entity);
    }
  }
  const slos = await loadSloSpecs(join(repoRoot, SLO_PATHS.specs));
  const listed = new Map<string, string[]>();
  for (const [ref, entity] of entities) {
    const ids = entity.metadata.annotations?.[CATALOG_SLOS_ANNOTATION];
    if (ids) listed.set(ref, ids.split(',').sort());
  }
  const expected = new Map<string, string[]>();
  for (const slo of slos) {
    const entity = entities.get(slo.entity);
    expect({ slo: slo.id, entity: entity && slo.entity }).toEqual({
      slo: slo.id,
      entity: slo.entity,
    });
    expect(`group:default/${entity!.spec?.owner}`).toBe(slo.owner);
    expect(entities.has(slo.owner)).toBe(true);
    expected.set(
      slo.entity,
      [...(expected.get(slo.entity) ?? []), slo.id].sort(),
    );
  }
  expect(Object.fromEntries(listed)).toEqual(Object.fromEntries(expected));
});
