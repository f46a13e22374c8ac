/**
 * The toolbar badge, recomputed from stored state whenever it changes: `!` in an attention
 * colour while entries wait or the session needs the person, nothing otherwise.
 */
import { browser } from '../platform/browser';
import { readItems } from '../platform/storage-item';
import { t } from '../platform/i18n';
import { accountItem, outboxItem } from '../shared/storage';

const ATTENTION_COLOUR = '#c2410c';

export async function refreshBadge(): Promise<void> {
  const [outbox, account] = await readItems(outboxItem, accountItem);
  const attention = outbox.length > 0 || account.status === 'expired';
  await browser.action.setBadgeText({ text: attention ? '!' : '' });
  if (attention) await browser.action.setBadgeBackgroundColor({ color: ATTENTION_COLOUR });
  await browser.action.setTitle({ title: attention ? t('badgeAttentionTitle') : t('extName') });
}
