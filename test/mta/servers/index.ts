import type { ServerId } from '../lab/topology.js';
import type { MtaServer } from '../lab/types.js';
import { dovecot } from './dovecot.js';
import { exim } from './exim.js';
import { haraka } from './haraka.js';
import { opensmtpd } from './opensmtpd.js';
import { postfix } from './postfix.js';
import { sendmail } from './sendmail.js';

export const ALL_SERVERS: Record<ServerId, MtaServer> = { pf: postfix, ex: exim, os: opensmtpd, sm: sendmail, hk: haraka, dc: dovecot };
