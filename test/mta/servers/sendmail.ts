import type { MtaServer } from '../lab/types.js';

// Stub: not built yet.
const todo = (): never => {
  throw new Error('sendmail: not implemented');
};

export const sendmail: MtaServer = {
  id: 'sm',
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
