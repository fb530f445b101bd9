import {
  lineItemSchema,
  PLATFORM_API_NAMESPACE,
  type PlatformJob,
  transactionSchema,
} from '@internal/backstage-plugin-scout-common';

const REQUEST = 'ingest-transaction.Transaction';
const BRONZE = 'postgresql.scout.bronze_transactions';

/** The request body's fields: the Transaction schema's keys, items' keys under `items.`. */
const requestFields = [
  ...Object.keys(transactionSchema.shape),
  ...Object.keys(lineItemSchema.shape).map(key => `items.${key}`),
];

const fromRequest = (
  field: string,
  subtype: 'IDENTITY' | 'TRANSFORMATION' = 'IDENTITY',
) => ({ namespace: PLATFORM_API_NAMESPACE, dataset: REQUEST, field, subtype });

/**
 * ingest-transaction as lineage sees it (insertTransactions in store.ts):
 * each validated Transaction goes to bronze as it was sent, as the jsonb
 * `payload` (so `payload.total` is the request's `total`), with its id and a
 * fingerprint of the whole sale. `source` and `request_id` come from the
 * request, not the body.
 */
export const INGEST_TRANSACTION_LINEAGE: PlatformJob = {
  name: 'ingest-transaction',
  kind: 'edge-function',
  description:
    'Validates POS transactions and writes each, as sent, to bronze_transactions',
  source: 'edge-functions/ingest-transaction/store.ts',
  inputs: [
    {
      namespace: PLATFORM_API_NAMESPACE,
      name: REQUEST,
      schema: requestFields.map(name => ({ name })),
    },
  ],
  outputs: [
    {
      name: BRONZE,
      fields: [
        {
          name: 'transaction_id',
          type: 'uuid',
          from: [fromRequest('transaction_id')],
        },
        {
          name: 'payload',
          type: 'jsonb',
          from: requestFields.map(f => fromRequest(f)),
        },
        ...requestFields.map(field => ({
          name: `payload.${field}`,
          from: [fromRequest(field)],
        })),
        {
          name: 'fingerprint',
          type: 'bytea',
          from: requestFields.map(f => fromRequest(f, 'TRANSFORMATION')),
        },
      ],
    },
  ],
};
