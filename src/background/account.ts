/** Who is signed in: asked of COR (`GET /me`) and kept, without secrets, in `account`. */
import { companyOfTaskPage, isCompany } from '../core/cor-web';
import { meRequest } from '../core/cor-requests';
import type { Classified } from '../core/cor-response';
import { isRecord } from '../core/cor-response';
import { cutName } from '../core/cor-text';
import { toInteger } from '../core/hours';
import { writeItems } from '../platform/storage-item';
import { accountItem, type AccountView } from '../shared/storage';
import type { CommandResult } from '../shared/protocol';
import { callCor } from './cor-client';
import { serial } from './serial';
import { currentGeneration, whileSession } from './session';

type Failure = Exclude<Classified, { class: 'ok' }>;
const SIGNED_OUT: Failure = { class: 'auth', reason: { code: 'signed-out' } };

/** Asks COR who we are and records it; returns COR's answer class on failure. */
export async function refreshAccount(): Promise<AccountView | Failure> {
  const generation = await currentGeneration();
  if (generation === null) return SIGNED_OUT;
  const result = await callCor(meRequest(), generation);
  if (result.class !== 'ok') return result;
  const me = isRecord(result.data) ? result.data : null;
  const userId = me === null ? null : toInteger(me.id);
  if (me === null || userId === null || userId <= 0)
    return { class: 'retryable', reason: { code: 'server-error' }, outcomeUnknown: false };
  const name = [me.first_name, me.last_name].filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
  const picture = typeof me.picture === 'string' && me.picture.startsWith('https://') ? me.picture : null;
  // Who COR says we are, for this sign-in only: an answer that outlived its session is dropped.
  const written = await whileSession(generation, async () => {
    const account = await accountItem.get();
    if (account.status === 'signed-out') return account;
    const updated: AccountView = { ...account, status: 'signed-in', userId, name: cutName(name) || null, picture };
    await writeItems(accountItem.entry(updated));
    return updated;
  });
  return written ?? SIGNED_OUT;
}

/** The signed-in person's COR id, asking COR when we do not know it yet. */
export async function currentUserId(): Promise<number | Failure> {
  const account = await accountItem.get();
  if (account.status !== 'signed-out' && account.userId !== null) return account.userId;
  const refreshed = await refreshAccount();
  if ('class' in refreshed) return refreshed;
  return refreshed.status === 'signed-out' || refreshed.userId === null ? SIGNED_OUT : refreshed.userId;
}

/**
 * The popup was opened on a COR task page (`acme.cor.works/tasks/123`): that is where this person
 * works in COR, so "Open in COR" links can point there. Neither `/me` nor the login answer names
 * the web app; only a consent-page sign-in does, and what the person typed there is never
 * replaced by a page. Kept in `account`, so it goes with the session (sign-out, another sign-in).
 */
export async function learnCompany(pageUrl: string): Promise<CommandResult> {
  const company = companyOfTaskPage(pageUrl);
  if (company === null) return { ok: false, error: 'invalid-task' };
  await serial(async () => {
    const account = await accountItem.get();
    if (account.status === 'signed-out' || account.company === company) return;
    if (account.method === 'company' && isCompany(account.company)) return;
    await writeItems(accountItem.entry({ ...account, company }));
  });
  return { ok: true };
}
