// Standalone development backend for the scout plugin: `yarn start` here.
// Functions: curl -X POST localhost:7007/api/scout/functions/ingest-transaction
//   -H "Authorization: Bearer $(yarn scout token --role service_role)" -d @tx.json
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(import('../src'));
backend.start();
