import { mockServices } from '@backstage/backend-test-utils';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readScoutConfig } from '../config';
import { FunctionMetrics } from './metrics';
import { discoverHostedFunctions } from './hostedFolders';
import { ScoutDataPlane } from './ScoutDataPlane';

// Function folders found at start, as Supabase serves a functions folder.

/** A functions folder with `folders` of index.js source each. */
function functionsDir(folders: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'scout-functions-'));
  for (const [name, source] of Object.entries(folders)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'index.js'), source);
  }
  return dir;
}

// Answers with the options it was made with, so a test sees what it got.
const ECHO = `exports.hosted = options => async () =>
  new Response(JSON.stringify({ keys: Object.keys(options).sort() }));`;

describe('discoverHostedFunctions', () => {
  it('finds the folders that export hosted, and only those', () => {
    const dir = functionsDir({
      'ingest-shelf-scans': ECHO,
      'score-basket': 'exports.createScoreBasket = () => {};',
      'ingest-transaction': ECHO,
      _shared: ECHO,
      bruno: ECHO,
      'Not-A-Name': ECHO,
    });
    mkdirSync(join(dir, 'no-index'));
    writeFileSync(join(dir, 'README.md'), '# functions');
    const logger = mockServices.logger.mock();
    const found = discoverHostedFunctions(
      dir,
      new Set(['ingest-transaction']),
      logger,
    );
    expect(found.map(f => f.name)).toEqual(['ingest-shelf-scans']);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('leaves out a folder that does not load, naming it, and keeps the others', () => {
    const dir = functionsDir({
      'ingest-a': ECHO,
      'ingest-broken': 'throw new Error("a missing dependency");',
    });
    const logger = mockServices.logger.mock();
    const found = discoverHostedFunctions(dir, new Set(), logger);
    expect(found.map(f => f.name)).toEqual(['ingest-a']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^edge function ingest-broken \(.*ingest-broken\) did not load, so it is not hosted: Error: a missing dependency$/,
      ),
    );
  });

  it('says so when the folder does not exist', () => {
    const logger = mockServices.logger.mock();
    const missing = join(tmpdir(), 'scout-no-such-functions-folder');
    expect(discoverHostedFunctions(missing, new Set(), logger)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      `scout.functions.dir: no folder at ${missing}; only the built-in edge functions are hosted`,
    );
  });
});

describe('the data plane with scout.functions.dir', () => {
  // PGlite in memory, migrated: slow on a busy machine.
  jest.setTimeout(120_000);
  it('serves each found function beside the built-in three, made with the host options', async () => {
    const config = mockServices.rootConfig({
      data: {
        app: { baseUrl: 'http://localhost:3000' },
        scout: {
          demo: { enabled: false },
          pipeline: { enabled: false },
          functions: {
            jwtSecret: 'hosted-folders-secret',
            dir: functionsDir({
              'ingest-shelf-scans': ECHO,
              // A factory that throws is left out, not fatal.
              'ingest-refused':
                'exports.hosted = () => { throw new Error("no"); };',
            }),
          },
        },
      },
    });
    const logger = mockServices.logger.mock();
    const plane = await ScoutDataPlane.create(
      readScoutConfig(config),
      logger,
      FunctionMetrics.create(),
    );
    try {
      const functions = plane.functions(FunctionMetrics.create());
      expect(Object.keys(functions).sort()).toEqual([
        'embed-batch',
        'ingest-doc',
        'ingest-shelf-scans',
        'ingest-transaction',
      ]);
      const answer = await functions['ingest-shelf-scans'](
        new Request('http://localhost/functions/ingest-shelf-scans'),
      );
      expect(await answer.json()).toEqual({
        keys: ['allowedOrigins', 'jwt', 'maxBodyBytes', 'onServerError', 'sql'],
      });
      expect(logger.warn).toHaveBeenCalledWith(
        'edge function ingest-refused could not be created, so it is not hosted: Error: no',
      );
    } finally {
      await plane.close();
    }
  });
});
