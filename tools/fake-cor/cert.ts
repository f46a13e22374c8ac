/** A throw-away TLS certificate for the fake server, generated in memory at every start. */
import { X509Certificate, createHash } from 'node:crypto';
import { generate } from 'selfsigned';

export interface FakeCorCert {
  /** PEM private key. */
  key: string;
  /** PEM certificate; self-signed, so it is also the CA that clients must trust. */
  cert: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo, for Chromium's --ignore-certificate-errors-spki-list. */
  spkiHash: string;
}

export const CERT_HOSTS = ['api.projectcor.com', '*.cor.works', 'localhost'] as const;

export async function generateCert(): Promise<FakeCorCert> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'api.projectcor.com' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // A day of slack for clock skew; short validity (Chromium caps leaf validity anyway).
    notBeforeDate: new Date(now - 24 * 3600 * 1000),
    notAfterDate: new Date(now + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...CERT_HOSTS.map((value) => ({ type: 2 as const, value })), { type: 7, ip: '127.0.0.1' }],
      },
    ],
  });
  const spki = new X509Certificate(pems.cert).publicKey.export({ type: 'spki', format: 'der' });
  return { key: pems.private, cert: pems.cert, spkiHash: createHash('sha256').update(spki).digest('base64') };
}
