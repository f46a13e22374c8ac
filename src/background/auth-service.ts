/** Credentials: saved and forgotten only here, in the background. Pages never see a token. */
import { writeItems } from '../platform/storage-item';
import type { CommandResult, SaveTokenResult } from '../shared/protocol';
import { accountItem, authItem } from '../shared/storage';
import { refreshAccount } from './account';
import { flushOutbox } from './outbox-flush';
import { serial } from './serial';

/** A bearer token is printable ASCII without spaces (RFC 6750 b64token, generously). */
const TOKEN_SHAPE = /^[\x21-\x7e]{8,8192}$/;

export async function saveToken(raw: string): Promise<SaveTokenResult> {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  if (!TOKEN_SHAPE.test(token)) return { ok: false, error: 'invalid-token' };
  await serial(() =>
    writeItems(
      authItem.entry({ method: 'token', accessToken: token }),
      accountItem.entry({ status: 'signed-in', method: 'token', userId: null, name: null, picture: null }),
    ),
  );
  const checked = await refreshAccount();
  void flushOutbox({ force: true });
  if ('class' in checked) return { ok: false, error: 'unconfirmed', reason: checked.reason };
  return { ok: true, account: checked };
}

/** Forgets the credentials and who we were; the outbox stays, to be sent after the next sign-in. */
export async function signOut(): Promise<CommandResult> {
  await serial(() => writeItems(authItem.entry(null), accountItem.entry({ status: 'signed-out' })));
  return { ok: true };
}
