// The lexical and per-header readers of src/core/auth: RFC 8601 §2.2 corners, the Received-SPF forms of
// several MTAs, and the From address as DMARC reads it.
import { describe, expect, it } from 'vitest';
import { asDomain, domainOfAddress, fromDomainOf } from '../src/core/auth/domains.js';
import { parseReceivedSpf } from '../src/core/auth/received-spf.js';
import { parseResults } from '../src/core/auth/results.js';
import { segmentsOf, tagsOf } from '../src/core/auth/syntax.js';

describe('segments', () => {
  it('keeps semicolons inside comments and quoted strings', () => {
    const { segments } = segmentsOf('a (x; (y; z)) b="c;d" ; e=f', 8);
    expect(segments).toEqual([
      { items: [{ key: 'a', value: null }, { key: 'b', value: 'c;d' }], comments: ['x; (y; z)'] },
      { items: [{ key: 'e', value: 'f' }], comments: [] },
    ]);
  });

  it('reads `key = value` with space and comments around the equals sign', () => {
    expect(segmentsOf('spf = (c1) pass (c2)', 4).segments[0]).toEqual({ items: [{ key: 'spf', value: 'pass' }], comments: ['c1', 'c2'] });
  });

  it('keeps an equals sign inside a value (MimeKit issue 590)', () => {
    const [seg] = segmentsOf('smtp.mailfrom=support=domaina.com__0-1q@823lwd90ky2ahf.mail_sender.com', 4).segments;
    expect(seg?.items).toEqual([{ key: 'smtp.mailfrom', value: 'support=domaina.com__0-1q@823lwd90ky2ahf.mail_sender.com' }]);
  });

  it('unescapes backslash pairs in quoted strings and comments', () => {
    const [seg] = segmentsOf('reason="say \\"hi\\"" (a \\) b)', 4).segments;
    expect(seg).toEqual({ items: [{ key: 'reason', value: 'say "hi"' }], comments: ['a ) b'] });
  });

  it('stops after the given number of segments and says so', () => {
    const r = segmentsOf('a;b;c;d', 2);
    expect(r.segments).toHaveLength(2);
    expect(r.truncated).toBe(true);
  });

  it('makes progress on a lone equals sign or quote', () => {
    expect(segmentsOf('=', 4).segments).toEqual([{ items: [{ key: '', value: '' }], comments: [] }]);
    expect(segmentsOf('"', 4).segments).toEqual([{ items: [{ key: '', value: null }], comments: [] }]);
  });
});

describe('tag lists', () => {
  it('reads DKIM tags case-sensitively, whitespace inside values removed', () => {
    const tags = tagsOf('v=1; D=upper.example; d=\n messagingengine.com; s=\n fm2; b=abc', ['d', 's']);
    expect([...tags]).toEqual([
      ['d', 'messagingengine.com'],
      ['s', 'fm2'],
    ]);
  });
});

describe('Authentication-Results heads', () => {
  it('reads an ARC instance, the authserv-id and a version (Microsoft: `mx.microsoft.com 1`)', () => {
    const r = parseResults('i=1; mx.microsoft.com 1; spf=none; dmarc=none;\n dkim=none; arc=none', true);
    expect(r.instance).toBe(1);
    expect(r.authservId).toBe('mx.microsoft.com');
    expect(r.results.map((x) => `${x.method}=${x.result}`)).toEqual(['spf=none', 'dmarc=none', 'dkim=none', 'arc=none']);
  });

  it('reads `none` as no results', () => {
    expect(parseResults('mx.example.com 1; none', false)).toEqual({ instance: null, authservId: 'mx.example.com', results: [], truncated: false });
  });

  it('reads a quoted authserv-id', () => {
    expect(parseResults('"mx.example.com"; spf=pass', false).authservId).toBe('mx.example.com');
  });

  it('keeps reason and properties of a result, method version removed', () => {
    const [r] = parseResults('mx.example.com; dkim/1=FAIL reason="bad sig" header.d=example.com (x) policy.x=y', false).results;
    expect(r).toEqual({
      method: 'dkim',
      result: 'fail',
      reason: 'bad sig',
      properties: [
        { name: 'header.d', value: 'example.com' },
        { name: 'policy.x', value: 'y' },
      ],
      comments: ['x'],
    });
  });
});

describe('Received-SPF', () => {
  it('Gmail: writer and identity from the comment', () => {
    expect(parseReceivedSpf('pass (google.com: domain of j.ne@posteo.net designates 185.67.36.65 as permitted sender) client-ip=185.67.36.65;')).toEqual({
      result: 'pass',
      identity: null,
      domain: 'posteo.net',
      writer: 'google.com',
    });
  });

  it('Microsoft softfail: the word "transitioning" is skipped', () => {
    expect(
      parseReceivedSpf(
        'SoftFail (protection.outlook.com: domain of transitioning gmail.com discourages use of 192.0.2.1 as permitted sender) receiver=protection.outlook.com; client-ip=192.0.2.1; helo=mail.example.com;',
      ),
    ).toEqual({ result: 'softfail', identity: null, domain: 'gmail.com', writer: 'protection.outlook.com' });
  });

  it('pypolicyd-spf: identity=helo names the HELO domain; receiver=<UNKNOWN> names no writer', () => {
    expect(parseReceivedSpf('None (no SPF record) identity=helo; client-ip=192.0.2.7; helo=mail.example.org; envelope-from=<>; receiver=<UNKNOWN>')).toEqual({
      result: 'none',
      identity: 'helo',
      domain: 'mail.example.org',
      writer: null,
    });
  });

  it('refuses a value that does not start with a result word', () => {
    expect(parseReceivedSpf('(comment only)')).toBeNull();
    expect(parseReceivedSpf('pa$$ client-ip=192.0.2.1')).toBeNull();
  });
});

describe('domains', () => {
  it('accepts domain names only', () => {
    expect(asDomain('Example.COM.')).toBe('example.com');
    expect(asDomain('bücher.example')).toBe('bücher.example');
    for (const bad of ['none', '', 'a..b', '.example.com', 'exa mple.com', '<>', '[192.0.2.1]']) expect(asDomain(bad), bad).toBeNull();
  });

  it('takes the part after the last @', () => {
    expect(domainOfAddress('@example.com')).toBe('example.com');
    expect(domainOfAddress('<a@b@mail.example.com>')).toBe('mail.example.com');
    expect(domainOfAddress('example.com')).toBe('example.com');
  });

  it('reads the From address, not an address-like display name', () => {
    expect(fromDomainOf('"ceo@bank.example" <mallory@evil.example>', 1)).toEqual({ domain: 'evil.example', problem: null });
    expect(fromDomainOf('mallory@evil.example (ceo@bank.example)', 1)).toEqual({ domain: 'evil.example', problem: null });
    expect(fromDomainOf('=?utf-8?Q?J=2E_Neusch=C3=A4fer?= <j.ne@posteo.net>', 1).domain).toBe('posteo.net');
  });

  it('takes no From domain from two addresses, two From fields or none', () => {
    expect(fromDomainOf('a@one.example, b@two.example', 1).domain).toBeNull();
    expect(fromDomainOf('a@one.example', 2)).toMatchObject({ domain: null, problem: expect.stringMatching(/2 From fields/) });
    expect(fromDomainOf('undisclosed-recipients:;', 1)).toEqual({ domain: null, problem: 'The From field holds no address.' });
    expect(fromDomainOf(null, 0)).toEqual({ domain: null, problem: null });
  });
});
