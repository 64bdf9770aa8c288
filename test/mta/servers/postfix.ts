import type { MtaServer } from '../lab/types.js';

// Stub: not built yet.
const todo = (): never => {
  throw new Error('postfix: not implemented');
};

export const postfix: MtaServer = {
  id: 'pf',
  listeners: [],
  clientModes: [],
  canInject: false,
  configure: async () => todo(),
  start: async () => todo(),
  delivered: () => todo(),
  truth: () => todo(),
  headerShows: () => todo(),
  version: () => todo(),
};
