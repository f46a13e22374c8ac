/** Bounds on text COR (or a proxy) hands us, before it is stored or shown. */

/** Task titles, project and client names. COR's longest real titles are far below this. */
export const TITLE_MAX = 500;
/** People's names and company subdomains. */
export const NAME_MAX = 200;

/** The text cut to `max` characters (whole code points), with an ellipsis when cut. */
export function cutText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
