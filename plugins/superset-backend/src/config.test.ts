import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readSupersetConfig } from './config';

const read = (superset: JsonObject) =>
  readSupersetConfig(new ConfigReader({ superset }));

const account = { username: 'svc', password: 'pw' };

describe('readSupersetConfig', () => {
  it('is undefined without superset.baseUrl', () => {
    expect(readSupersetConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('defaults publicUrl to baseUrl and `otherwise` to no rows', () => {
    expect(read({ baseUrl: 'http://127.0.0.1:8088/', ...account })).toEqual({
      baseUrl: 'http://127.0.0.1:8088',
      publicUrl: 'http://127.0.0.1:8088',
      ...account,
      rowLevelSecurity: { rules: [], otherwise: '1 = 0' },
    });
  });

  it('lower-cases the groups of rules', () => {
    const config = read({
      baseUrl: 'http://superset:8088',
      ...account,
      rowLevelSecurity: {
        rules: [{ groups: ['group:default/Field-Apps'], clause: "a = 'b'" }],
      },
    });
    expect(config?.rowLevelSecurity.rules).toEqual([
      { groups: ['group:default/field-apps'], clause: "a = 'b'" },
    ]);
  });

  it.each([
    [{ baseUrl: 'not a url' }, 'superset.baseUrl: "not a url" is not a URL'],
    [
      { rowLevelSecurity: { rules: [{ groups: [] }] } },
      'superset.rowLevelSecurity.rules[0].groups: empty',
    ],
    [
      { rowLevelSecurity: { rules: [{ groups: ['g'], clause: ' ' }] } },
      'superset.rowLevelSecurity.rules[0].clause: empty',
    ],
    [
      { rowLevelSecurity: { rules: [{ groups: ['g'], datasets: ['gold'] }] } },
      'superset.rowLevelSecurity.rules[0].datasets: "gold" is not <schema>.<table>',
    ],
  ])('refuses %j with the key', (value, message) => {
    expect(() =>
      read({ baseUrl: 'http://superset:8088', ...account, ...value }),
    ).toThrow(message);
  });
});
