import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import {
  type SloDefinition,
  type SloSpecProblem,
  toSloDefinition,
} from './definition';
import { sloDocumentSchema } from './openslo';

/** Specs that do not hold; `problems` lists every fault found. */
/** The last segment of a path, with either separator. */
const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

export class SloSpecError extends Error {
  name = 'SloSpecError';
  constructor(readonly problems: SloSpecProblem[]) {
    super(
      `invalid SLO spec${problems.length === 1 ? '' : 's'}:\n${problems
        .map(p => `  ${p.file}: ${p.path}: ${p.reason}`)
        .join('\n')}`,
    );
  }
}

// `spec.objectives[0].target`, as the YAML reads.
function yamlPath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((key, i) =>
        typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`,
      )
      .join('') || '(document)'
  );
}

function issuesToProblems(file: string, error: z.ZodError): SloSpecProblem[] {
  return error.issues.map(issue => ({
    file,
    path: yamlPath(issue.path),
    reason: issue.message,
  }));
}

/**
 * Parses one spec file's text (one OpenSLO v1alpha SLO document) into a
 * definition. `file` names it in problems; its base name must be
 * `<id>.yaml`. Throws SloSpecError listing every fault.
 */
export function parseSloSpec(text: string, file: string): SloDefinition {
  const docs = parseAllDocuments(text);
  const fail = (path: string, reason: string) =>
    new SloSpecError([{ file, path, reason }]);
  if (!Array.isArray(docs)) throw fail('(document)', 'the file is empty');
  if (docs.length !== 1) {
    throw fail(
      '(document)',
      `one SLO document per file (Sloth reads only the first), found ${docs.length}`,
    );
  }
  const [doc] = docs;
  if (doc.errors.length) {
    throw new SloSpecError(
      doc.errors.map(e => ({
        file,
        path: `line ${e.linePos?.[0].line ?? '?'}`,
        reason: e.message
          .split('\n')[0]
          .replace(/ at line \d+, column \d+:$/, ''),
      })),
    );
  }
  const parsed = sloDocumentSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new SloSpecError(issuesToProblems(file, parsed.error));
  }
  const definition = toSloDefinition(parsed.data, file);
  if ('reason' in definition) throw new SloSpecError([definition]);
  if (baseName(file) !== `${definition.id}.yaml`) {
    throw fail(
      'metadata.name',
      `the file must be named after the SLO id <service>-<name>: ${definition.id}.yaml`,
    );
  }
  return definition;
}

/**
 * Parses a folder's specs (`file` names each in errors; its base name must be
 * `<id>.yaml`), sorted by id. Throws SloSpecError listing the faults of every
 * file, including ids defined twice (a Prometheus series would then mix two
 * SLOs). Reading the folder is the caller's (slo-backend's loadSloSpecs):
 * this package also runs in the browser.
 */
export function parseSloSpecs(
  files: { file: string; text: string }[],
): SloDefinition[] {
  const problems: SloSpecProblem[] = [];
  const definitions: SloDefinition[] = [];
  for (const { file, text } of files) {
    try {
      definitions.push(parseSloSpec(text, file));
    } catch (error) {
      if (!(error instanceof SloSpecError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new SloSpecError(problems);
  return definitions.sort((a, b) => a.id.localeCompare(b.id));
}
