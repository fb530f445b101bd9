import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

const serviceRecord = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().positive(),
  startedAt: z.string(),
  /** PostgreSQL that was already running at `up`: `down` leaves it alone. */
  external: z.boolean().optional(),
});
const pidFileSchema = z.object({
  services: z.record(z.string(), serviceRecord),
});

export type ServiceRecord = z.infer<typeof serviceRecord>;
export type PidFile = z.infer<typeof pidFileSchema>;

/** The processes `scout stack up` started; empty when there is no file yet. */
export async function readPidFile(path: string): Promise<PidFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { services: {} };
    }
    throw error;
  }
  return parsePidFile(text, path);
}

export function parsePidFile(text: string, path = 'pids.json'): PidFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not JSON; delete it if no stack is running`);
  }
  const parsed = pidFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${path} is not a pid file (${parsed.error.issues[0]?.message}); delete it if no stack is running`,
    );
  }
  return parsed.data;
}

/** Written to a temporary name and renamed: a reader never sees half a file. */
export async function writePidFile(path: string, file: PidFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`);
  await rename(temporary, path);
}

export function withRecord(
  file: PidFile,
  service: string,
  record: ServiceRecord,
): PidFile {
  return { services: { ...file.services, [service]: record } };
}

export function withoutRecord(file: PidFile, service: string): PidFile {
  const { [service]: _removed, ...rest } = file.services;
  return { services: rest };
}
