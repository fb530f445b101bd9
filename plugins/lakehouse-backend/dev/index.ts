import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// A backend with only the lakehouse plugin, for `yarn start` in this
// package. Auth is mocked so that the API can be called without a token:
//
//   curl http://localhost:7007/api/lakehouse/catalogs
//   curl http://localhost:7007/api/lakehouse/catalogs/lakehouse/namespaces/gold/tables
//
// The engine comes from the repository's app-config.yaml (lakehouse.engine).
const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(import('../src'));
backend.start();
