// Fresh objects each time: Strapi's metadata writes into attribute objects.
// Strapi maps every string attribute to VARCHAR(255): the write path keeps
// values within it (a longer idempotency key is stored by its hash).
export const str = () => ({ type: 'string' as const });
export const ISO = str; // 24 characters
export const HASH = str; // 64 hex characters
