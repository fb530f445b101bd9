import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDockerfile } from './dockerfile.ts';
import { checkImageLayout } from './layout.ts';

const DOCKERFILE = `FROM node:22-bookworm-slim
RUN apt-get update && \\
    apt-get install -y python3
COPY transform/requirements.txt /opt/dbt/requirements.txt
RUN python3 -m venv /opt/dbt && \\
    /opt/dbt/bin/dbt --version
WORKDIR /app
COPY --chown=node:node catalog ./catalog
COPY --chown=node:node platform-manifests/observability/slos ./slos
COPY --chown=node:node packages/backend/dist/bundle.tar.gz app-config*.yaml ./
RUN tar xzf bundle.tar.gz && rm bundle.tar.gz
`;

const PRODUCTION = `catalog:
  locations:
    - type: file
      target: ./catalog/all.yaml
scout:
  migrations:
    dir: ./migrations
  pipeline:
    dbt:
      projectDir: ./transform
      executable: /opt/dbt/bin/dbt
slo:
  specsDir: ./slos
`;

describe('parseDockerfile', () => {
  it('joins continued lines and drops flags', () => {
    expect(parseDockerfile(DOCKERFILE)).toEqual([
      { kind: 'run', command: 'apt-get update && apt-get install -y python3' },
      {
        kind: 'copy',
        sources: ['transform/requirements.txt'],
        dest: '/opt/dbt/requirements.txt',
      },
      {
        kind: 'run',
        command: 'python3 -m venv /opt/dbt && /opt/dbt/bin/dbt --version',
      },
      { kind: 'workdir', dir: '/app' },
      { kind: 'copy', sources: ['catalog'], dest: './catalog' },
      {
        kind: 'copy',
        sources: ['platform-manifests/observability/slos'],
        dest: './slos',
      },
      {
        kind: 'copy',
        sources: ['packages/backend/dist/bundle.tar.gz', 'app-config*.yaml'],
        dest: './',
      },
      { kind: 'run', command: 'tar xzf bundle.tar.gz && rm bundle.tar.gz' },
    ]);
  });

  it('refuses a multi-stage copy it cannot follow', () => {
    expect(() => parseDockerfile('COPY --from=build /a /b')).toThrow(
      /multi-stage COPY/,
    );
  });
});

describe('checkImageLayout', () => {
  let repo: string;
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'scout-image-repo-'));
    root = mkdtempSync(join(tmpdir(), 'scout-image-root-'));
    write('packages/backend/Dockerfile', DOCKERFILE);
    write('app-config.yaml', 'app:\n  baseUrl: http://localhost:3000\n');
    write('app-config.production.yaml', PRODUCTION);
    write('catalog/all.yaml', 'kind: Location\n');
    write('transform/requirements.txt', 'dbt-core\n');
    write('transform/dbt_project.yml', 'name: scout\n');
    write('platform-manifests/observability/slos/scout-api-latency.yaml', '');
    // The bundle carries the migrations here, so the layout shows both ways in.
    const bundle = mkdtempSync(join(tmpdir(), 'scout-image-bundle-'));
    mkdirSync(join(bundle, 'migrations'));
    writeFileSync(join(bundle, 'migrations/0001_init.sql'), 'select 1;\n');
    mkdirSync(join(repo, 'packages/backend/dist'), { recursive: true });
    execFileSync('tar', [
      'czf',
      join(repo, 'packages/backend/dist/bundle.tar.gz'),
      '-C',
      bundle,
      'migrations',
    ]);
    rmSync(bundle, { recursive: true });
  });

  afterEach(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  it('names each path the production config needs and the image lacks', async () => {
    const { checked, problems } = await checkImageLayout(repo, root);
    expect(checked.map(c => c.key)).toEqual([
      'catalog.locations[0].target',
      'scout.migrations.dir',
      'scout.pipeline.dbt.projectDir',
      'scout.pipeline.dbt.executable',
      'slo.specsDir',
    ]);
    // transform/ is not copied whole: only its requirements reach the image.
    expect(problems).toEqual([
      'scout.pipeline.dbt.projectDir: /app/transform is not in the image',
    ]);
  });

  it('passes once the Dockerfile copies the dbt project', async () => {
    write(
      'packages/backend/Dockerfile',
      `${DOCKERFILE}COPY --chown=node:node transform ./transform\n`,
    );
    expect((await checkImageLayout(repo, root)).problems).toEqual([]);
  });

  it('refuses an executable that no RUN step installs', async () => {
    write(
      'app-config.production.yaml',
      PRODUCTION.replace('/opt/dbt/bin/dbt', '/usr/local/bin/dbt'),
    );
    write(
      'packages/backend/Dockerfile',
      `${DOCKERFILE}COPY --chown=node:node transform ./transform\n`,
    );
    expect((await checkImageLayout(repo, root)).problems).toEqual([
      'scout.pipeline.dbt.executable: /usr/local/bin/dbt is not installed by any RUN step of the Dockerfile',
    ]);
  });

  it('reports keys the production config leaves unset', async () => {
    write('app-config.production.yaml', 'scout: {}\n');
    const { problems } = await checkImageLayout(repo, root);
    expect(problems).toContain(
      'scout.migrations.dir is not set in the production config',
    );
    expect(problems).toContain(
      'slo.specsDir is not set in the production config',
    );
  });
});
