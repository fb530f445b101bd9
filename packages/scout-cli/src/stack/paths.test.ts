import { machineCache, stackPaths } from './paths.ts';

describe('the machine cache', () => {
  it('is SCOUT_CACHE_HOME, else scout-portal under XDG_CACHE_HOME, else under ~/.cache', () => {
    expect(machineCache({ SCOUT_CACHE_HOME: '/c', XDG_CACHE_HOME: '/x' })).toBe(
      '/c',
    );
    expect(machineCache({ XDG_CACHE_HOME: '/x' })).toBe('/x/scout-portal');
    expect(machineCache({ HOME: '/home/dev' })).toMatch(
      /\/\.cache\/scout-portal$/,
    );
  });

  it("holds the stack's downloads, outside the checkout; state and logs stay in it", () => {
    expect(stackPaths('/repo', { SCOUT_CACHE_HOME: '/c' })).toEqual({
      root: '/repo',
      templates: '/repo/platform-manifests/config',
      cache: '/c/stack',
      state: '/repo/.scout/stack',
      logs: '/repo/.scout/logs',
    });
  });
});
