import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const PLACEHOLDER = /\$\{([A-Z][A-Z0-9_]*)\}/g;

/**
 * Replaces every `${NAME}` with its value. An unknown name is an error, so a
 * typo in a template cannot turn into an empty setting.
 */
export function renderTemplate(
  text: string,
  vars: Readonly<Record<string, string>>,
  source = 'template',
): string {
  const unknown = new Set<string>();
  const rendered = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (Object.hasOwn(vars, name)) return vars[name];
    unknown.add(name);
    return whole;
  });
  if (unknown.size > 0) {
    throw new Error(
      `${source}: no value for ${[...unknown].map(n => `\${${n}}`).join(', ')}`,
    );
  }
  return rendered;
}

/**
 * Renders every file under `from` to the same relative path under `to`.
 * Files already in `to` that have no template stay (Trino keeps the
 * catalogs created at runtime there). Returns the written paths.
 */
export async function renderTree(
  from: string,
  to: string,
  vars: Readonly<Record<string, string>>,
): Promise<string[]> {
  const written: string[] = [];
  for (const file of await listFiles(from)) {
    const target = join(to, relative(from, file));
    const text = renderTemplate(await readFile(file, 'utf8'), vars, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    written.push(target);
  }
  return written;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(entry => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(path) : [path];
    }),
  );
  return nested.flat().sort();
}

/** A jvm.config: one option per line; blank lines and `#` comments skipped. */
export function jvmOptions(text: string): string[] {
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'));
}

/** A simple Java .properties file (key=value lines) as an object. */
export function parseProperties(text: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const at = line.indexOf('=');
    if (at === -1) throw new Error(`not a key=value line: ${line}`);
    properties[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return properties;
}
