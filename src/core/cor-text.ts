/**
 * Text from COR (task titles, project and client names, person names) is kept, shown and stored
 * in every timer, entry and list. COR (or something between) could send a megabyte in one
 * field; these bounds keep storage and the popup sane while no real title comes near them.
 */
export const MAX_TITLE_LENGTH = 500;
export const MAX_NAME_LENGTH = 200;

/** `text` as is when it fits in `max` UTF-16 units; otherwise cut, with "…" as its last character. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = text.slice(0, max - 1);
  // Never leave half of a surrogate pair (an emoji cut in two) at the end.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept}…`;
}

/** A task title from COR, bounded. */
export const cutTitle = (title: string): string => cutText(title, MAX_TITLE_LENGTH);
/** A project, client or person name from COR, bounded. */
export const cutName = (name: string): string => cutText(name, MAX_NAME_LENGTH);
