/**
 * Whose hours these are. A running timer and every stopped entry carry the COR account that
 * worked them, stamped at the start: an entry is only ever sent, or looked up, with its owner's
 * session, so another person's sign-in can never book it (or find it missing and book it again).
 */
import { isRecord } from './guards';
import { cutText, MAX_NAME_LENGTH as NAME_MAX } from './cor-text';

export interface Owner {
  readonly userId: number;
  readonly name: string | null;
  /** The company's web-app subdomain (`acme` of acme.cor.works), where known. */
  readonly company: string | null;
}

/** The owner a signed-in (or expired) account stamps; null when we do not know who it is. */
export function ownerOf(account: {
  readonly status: string;
  readonly userId?: number | null;
  readonly name?: string | null;
  readonly company?: string | null;
}): Owner | null {
  if (account.status === 'signed-out' || typeof account.userId !== 'number') return null;
  return { userId: account.userId, name: account.name ?? null, company: account.company ?? null };
}

/** True when `owner` is the person this account signs in as. An unknown owner is nobody's. */
export function isOwnedBy(owner: Owner | null | undefined, userId: number | null | undefined): boolean {
  return owner != null && typeof userId === 'number' && owner.userId === userId;
}

export function readOwner(raw: unknown): Owner | null | undefined {
  if (raw === null) return null;
  if (!isRecord(raw) || !Number.isSafeInteger(raw.userId) || (raw.userId as number) <= 0) return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? cutText(v, NAME_MAX) : null);
  return { userId: raw.userId as number, name: text(raw.name), company: text(raw.company) };
}
