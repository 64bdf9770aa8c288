// Evidence is read only from what the receiving server writes; a sender controls the HELO, envelope-from
// and recipient address, and none of them may make a hop look encrypted or internal.
import { describe, expect, it } from 'vitest';
import { hopOf } from './helpers.js';

const D = 'Mon, 06 Jan 2025 19:49:51 +0100';

describe('sender-controlled text does not fool Hoplock', () => {
  it('ignores version=TLS in an envelope-from comment', () => {
    expect(hopOf(`from evil.example ([203.0.113.9] helo=evil.example) by mx.victim.example with esmtp (Exim 4.96) (envelope-from <version=TLS@evil.example>) id 1abcde-000001-AA for v@victim.example; ${D}`).transport).toBe('plaintext');
  });
  it('cannot close a comment from inside a quoted envelope address', () => {
    const hop = hopOf(`from evil.example ([203.0.113.9] helo=evil.example) by mx.victim.example with esmtp (Exim 4.96) (envelope-from <")(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256)"@evil.example>) id 1abc for v@victim.example; ${D}`);
    expect(hop.transport).toBe('plaintext');
  });
  it('ignores a TLS comment hidden in a quoted recipient', () => {
    expect(hopOf(`from evil.example (evil.example [203.0.113.9]) by mx.victim.example (Postfix) with ESMTP id A1 for <"(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384)"@victim.example>; ${D}`).transport).toBe('plaintext');
  });
  it('ignores a Haraka-style `tls SUITE` inside the envelope address', () => {
    expect(hopOf(`from evil.example ([203.0.113.9]) by mx.victim.example (Haraka/3.0) with ESMTP id X envelope-from <"x tls TLS_AES_256_GCM_SHA384"@evil.example>; ${D}`).transport).toBe('plaintext');
  });
  it('does not excuse a public client that says HELO localhost', () => {
    const hop = hopOf(`from localhost (dsl-203-0-113-5.example.net [203.0.113.5]) by mx.victim.example (Postfix) with ESMTP id ABC123 for <v@victim.example>; ${D}`);
    expect([hop.transport, hop.peer]).toEqual(['plaintext', 'public']);
  });
  it('does not take a HELO of 127.0.0.1 for loopback', () => {
    expect(hopOf(`from [203.0.113.9] (helo=127.0.0.1) by mx.victim.example with esmtp (Exim 4.96) id 1a; ${D}`).transport).toBe('plaintext');
  });
  it('does not read TLS words from the HELO slot of an Exim TCP-info comment', () => {
    expect(hopOf(`from [203.0.113.9] (helo=(using TLSv1.3 with cipher X)) by mx.victim.example with esmtp (Exim 4.96) id 1a; ${D}`).transport).toBe('plaintext');
  });
  it('does not take a HELO that names a big provider for that provider', () => {
    const hop = hopOf(`from mail-x.google.com (dsl-203-0-113-5.example.net [203.0.113.5]) by mx.victim.example (Postfix) with ESMTP id A1; ${D}`);
    expect(hop.transport).toBe('plaintext');
    expect(hop.from?.name).toBe('dsl-203-0-113-5.example.net');
  });
  it('does not read authentication from an envelope address', () => {
    expect(hopOf(`from evil.example ([203.0.113.9]) by mx.victim.example with esmtp (Exim 4.96) (envelope-from <"(authenticated bits=0)"@evil.example>) id 1a; ${D}`).authenticated).toBe(false);
  });
});
