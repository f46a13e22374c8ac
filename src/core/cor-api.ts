/** COR's API root. A module of its own, so the options page can name COR's origin without the request builders. */
export const COR_API_BASE = 'https://api.projectcor.com/v1';
