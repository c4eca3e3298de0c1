export type * from './common';
export type * from './content-api';
export type * from './admin-api';
export type * from './proof';
export type * from './evidence';
