import { mockCredentials } from '@backstage/backend-test-utils';
import { trinoUser } from './trinoUser';

describe('trinoUser', () => {
  it('is the name of the user entity, with its namespace unless default', () => {
    expect(trinoUser(mockCredentials.user('user:default/jane.doe'))).toBe(
      'jane.doe',
    );
    expect(trinoUser(mockCredentials.user('user:ops/sam'))).toBe('sam@ops');
  });
});
