import { drawnNeighbours, relationsCards } from './relationsByKind';

describe('relationsCards', () => {
  it('gives each kind at most one relations card', () => {
    const kinds = relationsCards.flatMap(card => card.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('covers every kind that has relations worth drawing', () => {
    const kinds = relationsCards.flatMap(card => card.kinds).sort();
    expect(kinds).toEqual([
      'api',
      'component',
      'domain',
      'group',
      'resource',
      'system',
      'user',
    ]);
  });

  it('shows what each kind is made of or belongs to', () => {
    const relationsOf = (kind: string) =>
      relationsCards.find(card => card.kinds.includes(kind))?.relations;
    expect(relationsOf('domain')).toContain('hasPart');
    expect(relationsOf('system')).toEqual(
      expect.arrayContaining(['hasPart', 'partOf', 'dependsOn']),
    );
    expect(relationsOf('group')).toEqual(
      expect.arrayContaining(['ownerOf', 'hasMember', 'childOf', 'parentOf']),
    );
    expect(relationsOf('user')).toEqual(['memberOf']);
    // Ownership would pull a team's every entity into a component's graph.
    expect(relationsOf('component')).not.toContain('ownedBy');
  });

  it('replaces the catalog-graph plugin card with the data-flow card', () => {
    const names = relationsCards.map(card => card.name);
    expect(names).toContain('relations');
    expect(new Set(names).size).toBe(names.length);
  });

  describe('drawnNeighbours', () => {
    const spec = { relations: ['hasPart', 'partOf', 'dependsOn'], height: 480 };
    const rel = (type: string, targetRef: string) => ({ type, targetRef });

    it('draws every related entity that fits, once each', () => {
      const entity = {
        relations: [
          rel('hasPart', 'component:default/trino'),
          rel('dependsOn', 'component:default/trino'),
          rel('partOf', 'domain:default/analytics'),
          rel('ownedBy', 'group:default/platform-team'),
        ],
      };
      expect(drawnNeighbours(entity, spec)).toEqual({
        refs: ['domain:default/analytics', 'component:default/trino'],
        total: 2,
      });
      expect(drawnNeighbours({}, spec)).toEqual({ refs: [], total: 0 });
    });

    it('keeps to what the height shows: where it belongs, code, then data sets', () => {
      const tables = Array.from({ length: 20 }, (_, i) =>
        rel(
          'hasPart',
          `resource:default/Gold-Table-${String(i).padStart(2, '0')}`,
        ),
      );
      const entity = {
        relations: [
          ...tables,
          rel('dependsOn', 'component:default/postgres'),
          rel('hasPart', 'api:default/lakehouse-api'),
          rel('hasPart', 'component:default/trino'),
          rel('partOf', 'domain:default/analytics'),
        ],
      };
      const { refs, total } = drawnNeighbours(entity, spec);
      expect(total).toBe(24);
      expect(refs).toEqual([
        'domain:default/analytics',
        // Components by the card's relation order: parts, then dependencies.
        'component:default/trino',
        'component:default/postgres',
        'api:default/lakehouse-api',
        ...tables.slice(0, 6).map(t => t.targetRef.toLowerCase()),
      ]);
      // A shorter card draws fewer; none draws fewer than one.
      expect(
        drawnNeighbours(entity, { ...spec, height: 240 }).refs,
      ).toHaveLength(5);
      expect(
        drawnNeighbours(entity, { ...spec, height: 10 }).refs,
      ).toHaveLength(1);
    });
  });
});
