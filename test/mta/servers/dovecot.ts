import type { MtaServer } from '../lab/types.js';

// Stub: not built yet.
const todo = (): never => {
  throw new Error('dovecot: not implemented');
};

export const dovecot: MtaServer = {
  id: 'dc',
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
