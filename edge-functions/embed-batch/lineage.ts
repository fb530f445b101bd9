import type { PlatformJob } from '@internal/backstage-plugin-scout-common';

const CHUNKS = 'postgresql.scout.document_chunks';

/**
 * embed-batch as lineage sees it (writeEmbeddings in store.ts): it reads the
 * chunks whose vector is missing or from another model and writes their
 * embedding, in place, from their content.
 */
export const EMBED_BATCH_LINEAGE: PlatformJob = {
  name: 'embed-batch',
  kind: 'edge-function',
  description: 'Re-embeds document chunks whose vector is missing or stale',
  source: 'edge-functions/embed-batch/store.ts',
  inputs: [{ name: CHUNKS }],
  outputs: [
    {
      name: CHUNKS,
      fields: [
        {
          name: 'embedding',
          from: [
            { dataset: CHUNKS, field: 'content', subtype: 'TRANSFORMATION' },
          ],
        },
      ],
    },
  ],
};
