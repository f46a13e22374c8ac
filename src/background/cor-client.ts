/** Authenticated calls to COR: a usable token in, a classified answer out. */
import { classify, type Classified } from '../core/cor-response';
import type { CorRequest } from '../core/cor-requests';
import { clock } from '../platform/clock';
import type { AuthSecrets } from '../shared/storage';
import { execute } from './http';
import { expire, refresh, usableToken } from './session';

/**
 * With `generation`, the request goes out only with that sign-in's token: an hour is sent with
 * its owner's session or not at all (a sign-out or another person's sign-in meanwhile answers
 * `signed-out`, and nothing was sent). `auth`: the sign-in as the caller just read it.
 */
export async function callCor(
  request: CorRequest,
  generation?: string,
  auth?: AuthSecrets | null,
): Promise<Classified> {
  const first = await usableToken(generation, auth);
  if ('failure' in first) return first.failure;
  const result = classify(await execute(request, first.token), clock.now());
  if (result.class !== 'auth') return result;
  // A 401 means COR did not act on the request, so after one refresh it is safe to send once more.
  const second = await refresh(first.token, first.generation);
  if ('failure' in second) return second.failure;
  const retry = classify(await execute(request, second.token), clock.now());
  if (retry.class === 'auth') await expire(second.token);
  return retry;
}
