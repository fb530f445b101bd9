import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createVerifier, JwtOptions } from './auth';
import { postEndpoint } from './endpoint';
import { HttpError, json } from './http';
import { AUDIENCE, SECRET, token } from '../_test/fixtures';

const ISSUER = 'https://auth.example.test/realms/scout';

/** The 401 message a verifier answers `bearer` with, or null if it accepts. */
async function refusal(options: JwtOptions, bearer: string) {
  try {
    await createVerifier(options)(`Bearer ${bearer}`);
    return null;
  } catch (e) {
    assert.ok(e instanceof HttpError, String(e));
    assert.equal(e.status, 401);
    return e.message;
  }
}

describe('ingest tokens must expire', () => {
  const options = { audience: AUDIENCE, secret: SECRET };

  it('refuses an HS256 token without exp, saying so', async () => {
    const forever = await token({ role: 'service_role' }, { expires: null });
    assert.equal(
      await refusal(options, forever),
      'The token has no exp claim; tokens must expire.',
    );
    assert.equal(await refusal(options, await token({ role: 'x' })), null);
  });

  it('answers an endpoint call with such a token 401 and the reason', async () => {
    let handled = 0;
    const allowedOrigins = ['http://localhost:3000'];
    const handler = postEndpoint(
      { allowedOrigins, maxBodyBytes: 1024, jwt: options },
      'ingest',
      async req => {
        handled += 1;
        return json(req, { allowedOrigins, maxBodyBytes: 1024 }, 200, {});
      },
    );
    const forever = await token({ role: 'service_role' }, { expires: null });
    const res = await handler(
      new Request('http://localhost/fn', {
        method: 'POST',
        headers: { authorization: `Bearer ${forever}` },
        body: '{}',
      }),
    );
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), {
      error: 'The token has no exp claim; tokens must expire.',
    });
    assert.equal(handled, 0);
  });

  it('refuses a JWKS-signed token without exp as well', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'k1' };
    const jwksOptions = { audience: AUDIENCE, jwks: { keys: [jwk] } };
    const sign = (expires: boolean) => {
      const jwt = new SignJWT({ role: 'service_role' })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setAudience(AUDIENCE)
        .setIssuedAt();
      if (expires) jwt.setExpirationTime('5m');
      return jwt.sign(privateKey);
    };
    assert.equal(
      await refusal(jwksOptions, await sign(false)),
      'The token has no exp claim; tokens must expire.',
    );
    assert.equal(await refusal(jwksOptions, await sign(true)), null);
  });
});

describe('the issuer', () => {
  it('is checked when one is configured', async () => {
    const options = { audience: AUDIENCE, secret: SECRET, issuer: ISSUER };
    const claims = { role: 'service_role' };
    assert.equal(
      await refusal(options, await token(claims, { issuer: ISSUER })),
      null,
    );
    assert.equal(
      await refusal(options, await token(claims, { issuer: 'https://evil' })),
      "The token's iss claim is not accepted.",
    );
    assert.equal(
      await refusal(options, await token(claims)),
      'The token has no iss claim, which is required.',
    );
  });

  it('is not required when none is configured (or it is empty)', async () => {
    for (const issuer of [undefined, '']) {
      const options = { audience: AUDIENCE, secret: SECRET, issuer };
      const claims = { role: 'service_role' };
      assert.equal(await refusal(options, await token(claims)), null);
      assert.equal(
        await refusal(options, await token(claims, { issuer: 'anyone' })),
        null,
      );
    }
  });
});
