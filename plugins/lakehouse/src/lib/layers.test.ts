import { sortLayers } from './layers';

describe('sortLayers', () => {
  it('puts the medallion layers in pipeline order, others after by name', () => {
    const names = ['staging', 'gold', 'bronze', 'platinum', 'audit', 'silver'];
    expect(sortLayers(names.map(name => ({ name }))).map(l => l.name)).toEqual([
      'bronze',
      'silver',
      'gold',
      'platinum',
      'audit',
      'staging',
    ]);
  });
});
