import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { guestToken, repoRoot } from './backend.ts';
import { startScaffoldBackend } from './scaffoldBackend.ts';
import { scaffoldSamples } from './scaffoldSamples.ts';

/**
 * fetch, with the network error's cause in its message. A GET is tried
 * again after a reset: the backend shares this process, and a check that
 * holds its event loop (PGlite, dbt's output) can outlast a kept-alive
 * connection.
 */
async function fetchOrSay(url: string, init: RequestInit, tries = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const { cause, message } = error as Error & { cause?: Error };
      if (init.method === 'GET' && attempt < tries) continue;
      throw new Error(`${init.method} ${url}: ${cause?.message ?? message}`);
    }
  }
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

type Api = (
  path: string,
  init?: { method?: string; body?: unknown },
) => Promise<any>;

/** A template's folder as the dry-run route takes it (the editor sends the same). */
async function directoryContents(template: string) {
  const root = join(repoRoot, 'templates', template);
  const files: { path: string; base64Content: string }[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'golden') await walk(full);
      else if (entry.isFile()) {
        files.push({
          path: relative(root, full),
          base64Content: (await readFile(full)).toString('base64'),
        });
      }
    }
  };
  await walk(root);
  return files;
}

async function waitForTemplates(api: Api, names: string[]) {
  const deadline = Date.now() + 180_000;
  for (const name of names) {
    while (
      !(await api(
        `/api/catalog/entities/by-name/template/default/${name}`,
      ).catch(() => undefined))
    ) {
      if (Date.now() > deadline) {
        throw new Error(
          `the catalog did not list template ${name} within 180 s`,
        );
      }
      await new Promise(r => setTimeout(r, 500));
    }
  }
}

/** Starts a run and waits for its end; throws with the failing step's message. */
async function fullRun(api: Api, template: string, values: unknown) {
  const { id } = await api('/api/scaffolder/v2/tasks', {
    method: 'POST',
    body: { templateRef: `template:default/${template}`, values },
  });
  for (;;) {
    const task = await api(`/api/scaffolder/v2/tasks/${id}`);
    if (task.status === 'completed') return;
    if (task.status === 'failed' || task.status === 'cancelled') {
      // The step log's last lines say which step failed and why.
      const events: any[] = await api(`/api/scaffolder/v2/tasks/${id}/events`);
      const lines = events
        .map(e => e.body?.message ?? e.body?.error?.message)
        .filter(Boolean)
        .slice(-8);
      throw new Error(
        `${template} run ${task.status}:\n  ${lines.join('\n  ')}`,
      );
    }
    await new Promise(r => setTimeout(r, 200));
  }
}

/**
 * `scout bench scaffold`: the dry-run and full-run time of each template
 * (median of `runs`), through the scaffolder API of a backend in this
 * process wired as the portal's. Full runs publish where the portal would:
 * the local stack's Gitea when it answers (`yarn scout stack up gitea`),
 * else a temporary local Git folder. Prints one JSON line. Target: a full
 * "New data pipeline" run under 60 s, checks and publication included.
 */
export async function benchScaffold(options: {
  port: number;
  runs: number;
  progress: (msg: string) => void;
}) {
  const localGitDir = mkdtempSync(join(tmpdir(), 'scout-bench-scaffold-git-'));
  const backend = await startScaffoldBackend({ ...options, localGitDir });
  try {
    const token = await guestToken(backend.baseUrl);
    const api: Api = async (path, init) => {
      const res = await fetchOrSay(`${backend.baseUrl}${path}`, {
        signal: AbortSignal.timeout(120_000),
        method: init?.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      });
      if (!res.ok)
        throw new Error(
          `${init?.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`,
        );
      return res.json();
    };
    const templates = Object.keys(scaffoldSamples);
    options.progress('waiting for the catalog to read templates/');
    await waitForTemplates(api, templates);
    const result: Record<string, { dry_run_s: number; full_run_s: number }> =
      {};
    for (const template of templates) {
      const entity = await api(
        `/api/catalog/entities/by-name/template/default/${template}`,
      );
      const contents = await directoryContents(template);
      const dry: number[] = [];
      const full: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        const suffix = `${Date.now().toString(36)}${i}`;
        const values = scaffoldSamples[template](suffix);
        let started = performance.now();
        await api('/api/scaffolder/v2/dry-run', {
          method: 'POST',
          body: {
            template: entity,
            values,
            secrets: {},
            directoryContents: contents,
          },
        });
        dry.push((performance.now() - started) / 1000);
        started = performance.now();
        await fullRun(api, template, values);
        full.push((performance.now() - started) / 1000);
        options.progress(
          `${template}: dry run ${dry.at(-1)!.toFixed(1)} s, full run ${full
            .at(-1)!
            .toFixed(1)} s`,
        );
      }
      result[template] = {
        dry_run_s: Number(median(dry).toFixed(2)),
        full_run_s: Number(median(full).toFixed(2)),
      };
    }
    const published =
      (await readdir(localGitDir)).length > 0 ? 'local' : 'gitea';
    return {
      bench: 'scaffold',
      runs: options.runs,
      published_to: published,
      templates: result,
      target_pipeline_full_run_s: 60,
      pipeline_within_target: result['new-data-pipeline'].full_run_s < 60,
    };
  } finally {
    await backend.stop();
    rmSync(localGitDir, { recursive: true, force: true });
  }
}
