import {
  documentSchema,
  PLATFORM_API_NAMESPACE,
  type PlatformJob,
} from '@internal/backstage-plugin-scout-common';

const REQUEST = 'ingest-doc.Document';

const fromRequest = (
  field: keyof typeof documentSchema.shape,
  subtype: 'IDENTITY' | 'TRANSFORMATION' = 'IDENTITY',
) => ({ namespace: PLATFORM_API_NAMESPACE, dataset: REQUEST, field, subtype });

/**
 * ingest-doc as lineage sees it (writeDocument in store.ts): the document's
 * fields go to scout.documents, and its content, cut into chunks and
 * embedded, to scout.document_chunks.
 */
export const INGEST_DOC_LINEAGE: PlatformJob = {
  name: 'ingest-doc',
  kind: 'edge-function',
  description:
    'Stores a document and its embedded chunks for retrieval (Genie)',
  source: 'edge-functions/ingest-doc/store.ts',
  inputs: [
    {
      namespace: PLATFORM_API_NAMESPACE,
      name: REQUEST,
      schema: Object.keys(documentSchema.shape).map(name => ({ name })),
    },
  ],
  outputs: [
    {
      name: 'postgresql.scout.documents',
      fields: [
        {
          name: 'document_id',
          type: 'text',
          from: [fromRequest('document_id')],
        },
        { name: 'title', type: 'text', from: [fromRequest('title')] },
        { name: 'source', type: 'text', from: [fromRequest('source')] },
        { name: 'metadata', type: 'jsonb', from: [fromRequest('metadata')] },
      ],
    },
    {
      name: 'postgresql.scout.document_chunks',
      fields: [
        {
          name: 'document_id',
          type: 'text',
          from: [fromRequest('document_id')],
        },
        {
          name: 'chunk_no',
          type: 'int',
          from: [fromRequest('content', 'TRANSFORMATION')],
        },
        {
          name: 'content',
          type: 'text',
          from: [fromRequest('content', 'TRANSFORMATION')],
        },
        { name: 'embedding', from: [fromRequest('content', 'TRANSFORMATION')] },
      ],
    },
  ],
};
