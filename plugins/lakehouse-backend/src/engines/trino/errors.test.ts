import { TrinoQueryError } from '@internal/backstage-plugin-scout-node';
import { toBackstageError } from './errors';

// The shapes are Trino 476's answers; trino.test.ts meets the real ones.
const failed = (errorName: string, message: string) =>
  new TrinoQueryError(
    { errorName, errorType: 'USER_ERROR', message },
    '20261130_000000_00000_abcde',
    'select * from iceberg.bronze.transactions',
  );

describe('toBackstageError', () => {
  it("makes Trino's access denial a 403 that keeps Trino's reason", () => {
    const error = toBackstageError(
      failed(
        'PERMISSION_DENIED',
        'Access Denied: Cannot select from table iceberg.bronze.transactions',
      ),
    );
    expect(error).toMatchObject({
      name: 'NotAllowedError',
      message:
        'Trino: Access Denied: Cannot select from table iceberg.bronze.transactions',
    });
  });

  it('keeps other user errors a 400', () => {
    expect(
      toBackstageError(failed('SYNTAX_ERROR', 'mismatched input')),
    ).toMatchObject({ name: 'InputError', message: 'mismatched input' });
  });
});
