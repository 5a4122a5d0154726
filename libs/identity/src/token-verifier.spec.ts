import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { TokenRejected, TokenVerifier } from './token-verifier';
import { signDevelopmentToken } from './development-token';

describe('token verification', () => {
  it('accepts a development token and reads subject, name, organisation and known roles only', async () => {
    const token = await signDevelopmentToken({
      roles: ['auditor'],
      subject: 's-1',
      displayName: 'Ann',
      organisationId: 'kent-county-council',
      personId: 'p-0001',
    });
    expect(await TokenVerifier.create({}).verify(token)).toEqual({
      subject: 's-1',
      displayName: 'Ann',
      organisationId: 'kent-county-council',
      personId: 'p-0001',
      roles: ['auditor'],
    });
  });

  it('refuses a token signed with another secret, an expired one, and one for another audience', async () => {
    const verifier = TokenVerifier.create({ secret: 'right-secret' });
    const wrong = await signDevelopmentToken({ roles: ['admin'], subject: 's', secret: 'wrong-secret' });
    await expect(verifier.verify(wrong)).rejects.toThrow(TokenRejected);
    const expired = await signDevelopmentToken({
      roles: ['admin'],
      subject: 's',
      secret: 'right-secret',
      issuedAt: 1_000_000,
      ttlSeconds: 60,
    });
    await expect(verifier.verify(expired)).rejects.toThrow('the token has expired');
    const elsewhere = TokenVerifier.create({ secret: 'right-secret', audience: 'another-api' });
    const good = await signDevelopmentToken({ roles: ['admin'], subject: 's', secret: 'right-secret' });
    await expect(elsewhere.verify(good)).rejects.toThrow(TokenRejected);
  });

  it('refuses a token whose subject is empty or blank, so every act has someone to answer for it', async () => {
    const verifier = TokenVerifier.create({});
    for (const subject of ['', ' ', '\t\n', '\u00a0\u3000']) {
      const token = await signDevelopmentToken({ roles: ['admin'], subject });
      await expect(verifier.verify(token)).rejects.toThrow('the token subject is blank');
    }
    const padded = await signDevelopmentToken({ roles: ['admin'], subject: ' s ' });
    expect((await verifier.verify(padded)).subject).toBe(' s ');
  });

  it('verifies an identity provider token (RS256) against its JWKS and issuer, as for Entra ID', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    const issuer = 'https://login.microsoftonline.com/tenant-id/v2.0';
    const verifier = TokenVerifier.create({ issuer, jwks: { keys: [jwk] } });
    const sign = (claims: object, iss = issuer) =>
      new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
        .setSubject('oid-123')
        .setIssuer(iss)
        .setAudience('better-care-ledger')
        .setExpirationTime('10m')
        .sign(privateKey);
    expect(
      await verifier.verify(await sign({ roles: ['governance-officer', 'Unknown.Role'], name: 'Gail' })),
    ).toEqual({
      subject: 'oid-123',
      displayName: 'Gail',
      organisationId: null,
      personId: null,
      roles: ['governance-officer'],
    });
    await expect(verifier.verify(await sign({ roles: ['admin'] }, 'https://evil.example'))).rejects.toThrow(
      TokenRejected,
    );
    const hs = await signDevelopmentToken({ roles: ['admin'], subject: 's' });
    await expect(verifier.verify(hs)).rejects.toThrow(TokenRejected); // no algorithm confusion
  });
});
