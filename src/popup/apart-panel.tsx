/**
 * Entries apart from the person's own line: other accounts' (they wait for their owner's
 * sign-in and are never sent with this one), an unknown account's (left by a version that did
 * not record owners), and entries set aside as unreadable, with what could be recovered.
 */
import type { ComponentChildren } from 'preact';
import type { OutboxEntry } from '../core/outbox';
import { isOwnedBy, type Owner } from '../core/owner';
import type { Quarantined } from '../core/stored';
import { isRetryable } from '../core/stored';
import { t } from '../platform/i18n';
import { send } from '../platform/messaging';
import { formatTimeOfDay, taskLabel } from '../ui/format';
import { ApartEntry } from './apart-entry';

export function ApartPanel(props: {
  outbox: readonly OutboxEntry[];
  quarantine: ReadonlyArray<Quarantined & { key: string }>;
  userId: number | null;
}) {
  const others = props.outbox.filter((e) => e.owner !== null && !isOwnedBy(e.owner, props.userId));
  const unknown = props.outbox.filter((e) => e.owner === null);
  const unreadable = props.quarantine.filter((q) => q.restoredAs === undefined && isEntryLike(q.from));
  const groups = groupByOwner(others);
  if (others.length === 0 && unknown.length === 0 && unreadable.length === 0) return null;
  return (
    <section class="notice stack">
      {groups.map(([owner, entries]) => (
        <Group
          key={owner.userId}
          heading={
            entries.length === 1
              ? t('othersWaitingOne', ownerName(owner))
              : t('othersWaitingMany', entries.length, ownerName(owner))
          }
          explain={t('othersExplain')}
        >
          {entries.map((e) => (
            <ApartEntry key={e.id} label={spanOf(e)} discard={() => send('outbox.discard-other', { id: e.id })} />
          ))}
        </Group>
      ))}
      {unknown.length > 0 && (
        <Group
          heading={unknown.length === 1 ? t('unknownOwnerOne') : t('unknownOwnerMany', unknown.length)}
          explain={t('unknownOwnerExplain')}
        >
          {unknown.map((e) => (
            <ApartEntry
              key={e.id}
              label={spanOf(e)}
              {...(props.userId === null
                ? {}
                : { send: { label: t('claimEntry'), command: () => send('outbox.claim', { id: e.id }) } })}
              discard={() => send('outbox.discard-other', { id: e.id })}
            />
          ))}
        </Group>
      )}
      {unreadable.length > 0 && (
        <Group
          heading={unreadable.length === 1 ? t('unreadableOne') : t('unreadableMany', unreadable.length)}
          explain={t('unreadableExplain')}
        >
          {unreadable.map((q) => (
            <ApartEntry
              key={q.key}
              label={recoveredLabel(q)}
              {...(isRetryable(q.recovered) && (props.userId !== null || q.recovered.owner != null)
                ? { send: { label: t('retry'), command: () => send('quarantine.retry', { key: q.key }) } }
                : {})}
              discard={() => send('quarantine.discard', { key: q.key })}
            />
          ))}
        </Group>
      )}
    </section>
  );
}

function Group(props: { heading: string; explain: string; children: ComponentChildren }) {
  return (
    <div class="stack">
      <h2>{props.heading}</h2>
      <p class="muted">{props.explain}</p>
      <ul class="stack">{props.children}</ul>
    </div>
  );
}

/** Entries and timers are what a person worked; caches set aside (task lists) are not shown. */
const isEntryLike = (from: string) => from.startsWith('entry:') || from.startsWith('outbox') || from === 'timer';

function groupByOwner(entries: readonly OutboxEntry[]): Array<[Owner, OutboxEntry[]]> {
  const groups = new Map<number, [Owner, OutboxEntry[]]>();
  for (const e of entries) {
    const owner = e.owner!;
    const group = groups.get(owner.userId) ?? [owner, []];
    group[1].push(e);
    groups.set(owner.userId, group);
  }
  return [...groups.values()];
}

function ownerName(owner: Owner): string {
  return owner.name ?? t('othersUnnamed', String(owner.userId));
}

function spanOf({ task, startedAt, stoppedAt }: OutboxEntry): string {
  return t('entrySpan', taskLabel(task), formatTimeOfDay(startedAt), formatTimeOfDay(stoppedAt));
}

function recoveredLabel(q: Quarantined): string {
  const { taskId, startedAt, stoppedAt } = q.recovered;
  if (taskId === null && startedAt === null) return t('unreadableUnknown');
  const task = taskId === null ? '?' : taskLabel({ id: taskId });
  return t(
    'entrySpan',
    task,
    startedAt === null ? '?' : formatTimeOfDay(startedAt),
    stoppedAt === null ? '?' : formatTimeOfDay(stoppedAt),
  );
}
