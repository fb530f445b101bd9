// Runs what a "New data pipeline" run generated, once merged into a scratch
// copy of the platform (see merge.ts), from the command line:
//   post <edge-functions dir> <function> <database url> <json body>
//     builds the generated function from its `hosted` export as the portal's
//     function host does (its SQL as service_role, the development JWT
//     secret), sends it the body as an authenticated POST, and prints
//     {status, body};
//   gold <lakehouse dir> <model>
//     prints the rows of the model's Parquet file on DuckDB's lakehouse;
//   slo <specs dir>
//     validates the folder's OpenSLO specs as the portal loads them and
//     prints their ids.
// Run with: node --require @backstage/cli/config/nodeTransform.cjs generated.ts
import { DuckDBInstance } from '@duckdb/node-api';
import {
  asRole,
  DEV_JWT_SECRET,
  openScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import { loadSloSpecs } from '@internal/backstage-plugin-slo-backend';
import { SignJWT } from 'jose';
import { join } from 'node:path';

async function post(dir: string, fn: string, url: string, body: string) {
  // What the portal's function host serves: the folder's `hosted` export.
  const factory = require(join(dir, fn, 'index.ts')).hosted;
  if (typeof factory !== 'function') {
    throw new Error(`${fn}/index.ts exports no hosted factory`);
  }
  const db = await openScoutDatabase({ url });
  try {
    const handler = factory({
      sql: asRole(db, { role: 'service_role', sub: 'scaffold-path-test' }),
      jwt: { audience: 'scout', secret: DEV_JWT_SECRET },
      allowedOrigins: [],
      maxBodyBytes: 1_000_000,
    });
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: 'service_role' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('scaffold-path-test')
      .setAudience('scout')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    const res: Response = await handler(
      new Request(`http://localhost/functions/${fn}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body,
      }),
    );
    return { status: res.status, body: await res.json() };
  } finally {
    await db.close();
  }
}

async function gold(lakehouse: string, model: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const file = join(lakehouse, 'gold', `${model}.parquet`);
    const reader = await connection.runAndReadAll(
      `select * from read_parquet('${file.replaceAll("'", "''")}')`,
    );
    return reader.getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function main([command, ...args]: string[]) {
  const result =
    command === 'post'
      ? await post(args[0], args[1], args[2], args[3])
      : command === 'gold'
      ? await gold(args[0], args[1])
      : command === 'slo'
      ? (await loadSloSpecs(args[0])).map(slo => slo.id)
      : undefined;
  if (result === undefined) throw new Error('say "post", "gold" or "slo"');
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
