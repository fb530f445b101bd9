import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createCatalogWaitAction } from './catalogWait';

const REF = 'component:default/ingest-pos-returns';
const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ingest-pos-returns', namespace: 'default' },
};

function run(lookups: (typeof entity | undefined)[], isDryRun = false) {
  const answers = [...lookups];
  const catalog = catalogServiceMock.mock({
    getEntityByRef: async () => answers.shift(),
  });
  const action = createCatalogWaitAction({
    catalog,
    timeoutMs: 200,
    intervalMs: 10,
  });
  const ctx = createMockActionContext({ input: { entityRef: REF } });
  return {
    catalog,
    done: action.handler({ ...ctx, isDryRun }),
  };
}

describe('scout:catalog:wait', () => {
  it('returns once the catalog lists the entity', async () => {
    const { catalog, done } = run([undefined, undefined, entity]);
    await done;
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      REF,
      expect.objectContaining({ credentials: expect.anything() }),
    );
  });

  it('fails naming the entity when the catalog never lists it', async () => {
    await expect(run([]).done).rejects.toThrow(
      `${REF} was registered but the catalog did not list it within 0.2 s`,
    );
  });

  it('waits for nothing in a dry run', async () => {
    const { catalog, done } = run([], true);
    await done;
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
  });
});
