// Child process of `npm run bench:gateway`: the stand-in registry service (verifies the token,
// checks the matrix and scope, answers JSON) on a free port it reports on stdout. Its own process, so the
// gateway and the service do not share an event loop.
import { startScopedUpstream } from '../test/support/scoped-upstream';

const publicKeyPem = process.env['AUTH_PUBLIC_KEY_PEM'] ?? '';

void (async () => {
  const upstream = await startScopedUpstream('registry', {
    issuer: 'lianxin-dev',
    audience: 'lianxin',
    publicKeyPem,
  });
  process.stdout.write(`READY ${upstream.origin}\n`);
  process.on('SIGTERM', () => void upstream.close().then(() => process.exit(0)));
})();
