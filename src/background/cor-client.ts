/** Authenticated calls to COR: adds the token, classifies the answer, notices a refused token. */
import { classify, type Classified } from '../core/cor-response';
import type { CorRequest } from '../core/cor-requests';
import { clock } from '../platform/clock';
import { writeItems } from '../platform/storage-item';
import { accountItem, authItem } from '../shared/storage';
import { execute } from './http';
import { serial } from './serial';

export async function callCor(request: CorRequest): Promise<Classified> {
  const auth = await authItem.get();
  if (auth === null) return { class: 'auth', reason: { code: 'signed-out' } };
  const classified = classify(await execute(request, auth.accessToken), clock.now());
  if (classified.class === 'auth') await markExpired(auth.accessToken);
  return classified;
}

/** COR refused the token. Unless a newer token was saved meanwhile, the session has expired. */
async function markExpired(refusedToken: string): Promise<void> {
  await serial(async () => {
    const [auth, account] = await Promise.all([authItem.get(), accountItem.get()]);
    if (auth?.accessToken !== refusedToken || account.status !== 'signed-in') return;
    await writeItems(accountItem.entry({ ...account, status: 'expired' }));
  });
}
