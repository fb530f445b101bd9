import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureKeycloak } from './artifacts.ts';
import { httpGet } from './health.ts';
import { findJava } from './java.ts';
import { ensureKeycloakBuild, linkKeycloakHome } from './keycloakBuild.ts';
import { serviceMarker } from './process.ts';
import type { ManagedService } from './services.ts';
import { envPort } from './settings.ts';
import { renderTemplate, renderTree } from './template.ts';

/** The realm of platform-manifests/config/keycloak/scout-realm.json. */
export const KEYCLOAK_REALM = 'scout';

export type KeycloakSettings = {
  port: number;
  /** Health checks; Keycloak's default, 9000, is the S3 port. */
  managementPort: number;
  /** The realm's issuer, e.g. http://127.0.0.1:18080/realms/scout. */
  realmUrl: string;
};

/** Keycloak's ports from SCOUT_KEYCLOAK_PORT (18080) and SCOUT_KEYCLOAK_MANAGEMENT_PORT (port + 1). */
export function keycloakSettings(
  env: Record<string, string | undefined>,
): KeycloakSettings {
  const port = envPort(env, 'SCOUT_KEYCLOAK_PORT', 18080);
  return {
    port,
    managementPort: envPort(env, 'SCOUT_KEYCLOAK_MANAGEMENT_PORT', port + 1),
    realmUrl: `http://127.0.0.1:${port}/realms/${KEYCLOAK_REALM}`,
  };
}

/** The `${NAME}` values of platform-manifests/config/keycloak. */
export const keycloakTemplateVars = (settings: KeycloakSettings) => ({
  BIND_HOST: '127.0.0.1',
  KEYCLOAK_PORT: String(settings.port),
  KEYCLOAK_MANAGEMENT_PORT: String(settings.managementPort),
});

/**
 * Keycloak (`kc.sh start --optimized --import-realm`) with an in-memory
 * database, so every start imports the realm file afresh. It runs a build
 * made once per keycloak.conf template in the machine cache
 * (ensureKeycloakBuild); its home for data and the import folder is
 * .scout/stack/keycloak, which links to that build.
 */
export const keycloak: ManagedService = {
  name: 'keycloak',
  portEnv: 'SCOUT_KEYCLOAK_PORT',
  managementPortEnv: 'SCOUT_KEYCLOAK_MANAGEMENT_PORT',
  ports: ({ keycloak: k }) => [k.port, k.managementPort],
  url: ({ keycloak: k }) => k.realmUrl,
  // Its realm import: 15 s on a quiet machine, a minute on a busy one.
  startTimeoutMs: 240_000,
  healthy: async ({ keycloak: k }) => {
    const ready = await httpGet(
      `http://127.0.0.1:${k.managementPort}/health/ready`,
    );
    if (ready?.status !== 200) return false;
    // Ready also means the realm is imported: its discovery document answers.
    const discovery = await httpGet(
      `${k.realmUrl}/.well-known/openid-configuration`,
    );
    return discovery?.status === 200;
  },
  async fetch(ctx) {
    const distribution = await ensureKeycloak(
      ctx.paths.cache,
      ctx.versions,
      ctx.log,
    );
    const template = join(ctx.paths.templates, 'keycloak', 'keycloak.conf');
    const confTemplate = await readFile(template, 'utf8');
    return ensureKeycloakBuild({
      distribution,
      confTemplate,
      conf: renderTemplate(
        confTemplate,
        keycloakTemplateVars(ctx.settings.keycloak),
        template,
      ),
      java: findJava(ctx.env),
      log: ctx.log,
    });
  },
  // kc.sh starts the JVM with JAVA.
  launcher: java => ({ command: 'sh', env: { JAVA: java } }),
  async prepare(ctx, built) {
    const dir = join(ctx.paths.state, 'keycloak');
    await linkKeycloakHome(dir, built);
    await renderTree(
      join(ctx.paths.templates, 'keycloak'),
      dir,
      keycloakTemplateVars(ctx.settings.keycloak),
    );
    // --import-realm reads <kc.home.dir>/data/import.
    const imports = join(dir, 'data', 'import');
    await mkdir(imports, { recursive: true });
    await copyFile(
      join(dir, 'scout-realm.json'),
      join(imports, 'scout-realm.json'),
    );
    return [
      join(built, 'bin', 'kc.sh'),
      // kc.sh hands -D options to the JVM: the marker lands on both.
      serviceMarker('keycloak'),
      // Overrides kc.sh's own (the build): data and imports live here.
      `-Dkc.home.dir=${dir}`,
      `--config-file=${join(dir, 'keycloak.conf')}`,
      'start',
      // No augmentation at start: the build options are the build's.
      '--optimized',
      '--import-realm',
    ];
  },
};
