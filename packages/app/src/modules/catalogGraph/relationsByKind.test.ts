import { relationsCards } from './relationsByKind';

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
});
