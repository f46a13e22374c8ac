/** The person's decision on an entry COR refused: retry, move to another task, or discard. */
import { resolveAttention, type AttentionAction } from '../core/attention';
import { clock } from '../platform/clock';
import { writeItems } from '../platform/storage-item';
import type { CommandResult } from '../shared/protocol';
import { outboxItem } from '../shared/storage';
import { flushOutbox } from './outbox-flush';
import { serial } from './serial';

export async function resolveEntry(id: string, action: AttentionAction): Promise<CommandResult> {
  const changed = await serial(async () => {
    const next = resolveAttention(await outboxItem.get(), id, action, clock.now());
    if (next !== null) await writeItems(outboxItem.entry(next));
    return next !== null;
  });
  if (!changed) return { ok: false, error: 'entry-gone' };
  if (action.type !== 'discard') void flushOutbox({ force: true });
  return { ok: true };
}
