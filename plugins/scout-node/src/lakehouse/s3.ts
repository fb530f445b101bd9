import {
  CreateBucketCommand,
  HeadBucketCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3Connection } from './stack';

/** An S3 client for the lakehouse's object store (path-style, static keys). */
export function createLakehouseS3Client(s3: S3Connection): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: {
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    },
    // Local servers answer at once; do not retry a refused connection for long.
    maxAttempts: 2,
  });
}

/** Creates `bucket` unless it exists; says which. */
export async function ensureBucket(
  client: S3Client,
  bucket: string,
): Promise<'created' | 'exists'> {
  const where = `bucket ${bucket} at ${await endpointOf(client)}`;
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return 'exists';
  } catch (error) {
    if (statusOf(error) !== 404) {
      throw new Error(`Could not check ${where}: ${describe(error)}`);
    }
  }
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    return 'created';
  } catch (error) {
    // Another caller created it between the two requests.
    if (nameOf(error) === 'BucketAlreadyOwnedByYou') return 'exists';
    throw new Error(`Could not create ${where}: ${describe(error)}`);
  }
}

async function endpointOf(client: S3Client): Promise<string> {
  const endpoint = await client.config.endpoint?.();
  return endpoint
    ? `${endpoint.protocol}//${endpoint.hostname}${
        endpoint.port ? `:${endpoint.port}` : ''
      }`
    : 'AWS S3';
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata
    ?.httpStatusCode;
}

function nameOf(error: unknown): string | undefined {
  return (error as { name?: string })?.name;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = statusOf(error);
  const code = (error as { code?: string }).code;
  return [error.name, error.message || code, status && `HTTP ${status}`]
    .filter(Boolean)
    .join(': ');
}
