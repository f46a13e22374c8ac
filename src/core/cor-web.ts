/**
 * Links into the company's COR web app (`https://<company>.cor.works/tasks/123`). The address is
 * built only from a company we validated (one DNS label under cor.works) and a task id: never
 * from text COR or a page handed us, so a link can only ever point at a COR task page.
 */
import { isCorAppHost, taskIdFromUrl } from './task-input';

/** A company as we store it: `acme` of acme.cor.works, lower case, one DNS label. */
export function isCompany(value: unknown): value is string {
  return typeof value === 'string' && value === value.toLowerCase() && isCorAppHost(`${value}.cor.works`);
}

/** The company whose task page this is (`https://acme.cor.works/tasks/123` → `acme`); null for any other address. */
export function companyOfTaskPage(url: string): string | null {
  if (taskIdFromUrl(url) === null) return null;
  const company = new URL(url).hostname.toLowerCase().replace(/\.cor\.works$/, '');
  return isCompany(company) ? company : null;
}

/**
 * The task's page in the company's web app, or null when the company or the id is not one we
 * can vouch for. The path is COR's task route as seen in links to real tenants (cor-api-notes §7).
 */
export function taskWebUrl(company: unknown, taskId: number): string | null {
  if (!isCompany(company) || !Number.isSafeInteger(taskId) || taskId <= 0) return null;
  const url = new URL(`/tasks/${taskId}`, `https://${company}.cor.works`);
  // Belt and braces: what we built must read back as this company's page of this task.
  return companyOfTaskPage(url.href) === company && taskIdFromUrl(url.href) === taskId ? url.href : null;
}
