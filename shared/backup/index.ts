/**
 * The backup format: one versioned JSON file holding all user data and settings.
 * docs/backup-format.md describes it field by field. Load this module lazily (dynamic import):
 * it brings the full zod, which the start-up path must not pay for.
 */
export * from './format';
export * from './canonical';
export * from './migrations';
export * from './parse';
export * from './validate-rows';
