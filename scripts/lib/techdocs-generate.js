// Builds every TechDocs site that the catalog references, with the generator
// the backend itself runs (@backstage/plugin-techdocs-node, the copy that
// @backstage/plugin-techdocs-backend resolves, `techdocs.generator.runIn:
// local`): it sanitizes mkdocs.yml, adds techdocs-core and runs `mkdocs build`
// from PATH. Run by scripts/techdocs-build.sh, which puts the venv on PATH.
//
// Usage: node techdocs-generate.js <work dir> [--publish <dir>]
//   <work dir>      each site is copied there and built there (never in place)
//   --publish <dir> also lays each entity's site out as the local publisher
//                   serves it: <dir>/<namespace>/<kind>/<name>/
//
// Fails (exit 1) when a Component, System or Domain has neither
// backstage.io/techdocs-ref nor backstage.io/techdocs-entity naming an entity
// that has a site (entities that share a site point at its one owner, so it
// is built and indexed for search once), a ref is not `dir:` inside its YAML file's folder
// (the backend refuses any other for file locations), a site is missing or
// does not build (its mkdocs.yml sets strict), the build has no search index,
// or the sanitizer would rewrite the site's mkdocs.yml: the backend builds
// `dir:` sites in place, so a rewrite would change the working tree.
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const { PassThrough } = require('node:stream');

const ANNOTATION = 'backstage.io/techdocs-ref';
const SHARED = 'backstage.io/techdocs-entity';
const KINDS_NEEDING_DOCS = new Set(['component', 'system', 'domain']);

const root = process.cwd();
const fromBackend = createRequire(
  require.resolve('@backstage/plugin-techdocs-backend/package.json', {
    paths: [path.join(root, 'packages/backend')],
  }),
);
const { TechdocsGenerator } = fromBackend('@backstage/plugin-techdocs-node');
const { ConfigReader } = fromBackend('@backstage/config');
const { resolveSafeChildPath } = fromBackend('@backstage/backend-plugin-api');
const YAML = require(require.resolve('yaml', { paths: [root] }));

/** Every entity of the catalog files that catalog/all.yaml lists. */
function readCatalog() {
  const index = path.join(root, 'catalog/all.yaml');
  const location = YAML.parse(fs.readFileSync(index, 'utf8'));
  const entities = [];
  for (const target of location.spec.targets) {
    const file = path.resolve(path.dirname(index), target);
    for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      const entity = doc.toJS();
      if (entity?.kind) entities.push({ entity, file });
    }
  }
  return entities;
}

/** `{ ref, site, entity }` per entity with docs; problems for the rest. */
function docsOf(entities, problems) {
  const docs = [];
  const borrowers = [];
  for (const { entity, file } of entities) {
    const kind = entity.kind.toLowerCase();
    const namespace = entity.metadata.namespace ?? 'default';
    const ref = `${kind}:${namespace}/${entity.metadata.name}`;
    const where = `${ref} (${path.relative(root, file)})`;
    const annotation = entity.metadata.annotations?.[ANNOTATION];
    const shared = entity.metadata.annotations?.[SHARED];
    if (!annotation) {
      if (shared) borrowers.push({ where, shared });
      else if (KINDS_NEEDING_DOCS.has(kind))
        problems.push(`${where}: neither ${ANNOTATION} nor ${SHARED}`);
      continue;
    }
    if (!annotation.startsWith('dir:')) {
      problems.push(
        `${where}: ${ANNOTATION} must be dir:<path>, not ${annotation}`,
      );
      continue;
    }
    let site;
    try {
      site = resolveSafeChildPath(path.dirname(file), annotation.slice(4));
    } catch (error) {
      problems.push(
        `${where}: ${annotation} leaves ${path.relative(
          root,
          path.dirname(file),
        )}/ (${error.message})`,
      );
      continue;
    }
    if (!fs.existsSync(path.join(site, 'mkdocs.yml'))) {
      problems.push(`${where}: no mkdocs.yml in ${path.relative(root, site)}`);
      continue;
    }
    docs.push({ ref, kind, namespace, name: entity.metadata.name, site });
  }
  const owners = new Set(docs.map(d => d.ref));
  for (const { where, shared } of borrowers) {
    if (!owners.has(shared.toLowerCase()))
      problems.push(
        `${where}: ${SHARED} ${shared} is not an entity with a docs site (kind:namespace/name)`,
      );
  }
  return docs;
}

const logger = {
  info() {},
  debug() {},
  warn: message => process.stderr.write(`  warn: ${message}\n`),
  error: message => process.stderr.write(`  error: ${message}\n`),
  child: () => logger,
};

/** Builds one site in a copy under work; returns the output folder. */
async function buildSite(generator, site, work) {
  const inputDir = path.join(work, 'input');
  const outputDir = path.join(work, 'output');
  fs.cpSync(site, inputDir, { recursive: true });
  fs.mkdirSync(outputDir, { recursive: true });
  const log = [];
  const logStream = new PassThrough();
  logStream.on('data', chunk => log.push(chunk));
  try {
    await generator.run({
      inputDir,
      outputDir,
      parsedLocationAnnotation: { type: 'dir', target: site },
      etag: '',
      logger,
      logStream,
    });
  } catch (error) {
    // mkdocs runs with -v: keep its warnings and errors, not its debug lines.
    const lines = Buffer.concat(log).toString().split('\n');
    const shown = lines.filter(l => /^(WARNING|ERROR)|Aborted|Error/.test(l));
    throw new Error(
      [error.message, ...(shown.length ? shown : lines.slice(-20))].join('\n'),
    );
  }
  const original = fs.readFileSync(path.join(site, 'mkdocs.yml'), 'utf8');
  const sanitized = fs.readFileSync(path.join(inputDir, 'mkdocs.yml'), 'utf8');
  if (original !== sanitized) {
    throw new Error(
      `the backend would rewrite mkdocs.yml in place; write it as the sanitizer does:\n${sanitized}`,
    );
  }
  const index = JSON.parse(
    fs.readFileSync(path.join(outputDir, 'search/search_index.json'), 'utf8'),
  );
  if (
    !fs.existsSync(path.join(outputDir, 'index.html')) ||
    !index.docs?.length
  ) {
    throw new Error('the build has no index.html or an empty search index');
  }
  return { outputDir, pages: index.docs.length };
}

async function main() {
  const [work, flag, publishDir] = process.argv.slice(2);
  if (!work || (flag && (flag !== '--publish' || !publishDir))) {
    throw new Error('usage: techdocs-generate.js <work dir> [--publish <dir>]');
  }
  const appConfig = YAML.parse(
    fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8'),
  );
  const config = new ConfigReader({ techdocs: appConfig.techdocs });
  if (config.getOptionalString('techdocs.generator.runIn') !== 'local') {
    throw new Error('app-config.yaml: techdocs.generator.runIn must be local');
  }
  const generator = TechdocsGenerator.fromConfig(config, { logger });

  const problems = [];
  const docs = docsOf(readCatalog(), problems);
  const sites = [...new Set(docs.map(d => d.site))].sort();
  const built = new Map();
  for (const [i, site] of sites.entries()) {
    const shown = path.relative(root, site);
    const started = Date.now();
    try {
      const result = await buildSite(
        generator,
        site,
        path.join(work, String(i)),
      );
      built.set(site, result.outputDir);
      const users = docs.filter(d => d.site === site).length;
      process.stderr.write(
        `  ${shown}: ${result.pages} sections, ${users} entities, ${(
          (Date.now() - started) /
          1000
        ).toFixed(1)} s\n`,
      );
    } catch (error) {
      problems.push(`${shown}: ${error.message}`);
    }
  }
  if (publishDir && problems.length === 0) {
    // The published tree is exactly the catalog's sites: an entity that lost
    // its site (or now shares another's) leaves nothing behind to serve.
    fs.mkdirSync(publishDir, { recursive: true });
    for (const entry of fs.readdirSync(publishDir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.'))
        fs.rmSync(path.join(publishDir, entry.name), { recursive: true });
    }
    for (const d of docs) {
      const dest = path.join(
        publishDir,
        d.namespace,
        d.kind,
        d.name.toLowerCase(),
      );
      fs.cpSync(built.get(d.site), dest, { recursive: true });
    }
  }
  if (problems.length > 0) {
    process.stderr.write(
      `TechDocs: ${problems.length} problem(s):\n- ${problems.join('\n- ')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `TechDocs: ${sites.length} sites built for ${docs.length} entities\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
