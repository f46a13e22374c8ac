/** The two sample people of tools/fake-cor, as the owners their timers and entries carry. */
import type { Owner } from '../core/owner';

export const ANA: Owner = { userId: 8546, name: 'Ana García', company: null };
export const BRUNO: Owner = { userId: 8547, name: 'Bruno Souza', company: null };
