// Hoplock MTA lab: per-listener TLS policy for Haraka 3.3.4.
//
// Haraka's tls.ini is global (every STARTTLS listener shares one TLS context). This plugin gives some
// local addresses their own policy, read from config/lab_listener.json:
//   { "127.0.5.2": { "tls": { "minVersion": "TLSv1.2", "maxVersion": "TLSv1.2", "ciphers": "..." } },
//     "127.0.5.5": { "nostarttls": true },
//     "127.0.5.6": { "tls": {}, "requestCert": true, "verify": true, "ca": "/path/ca.crt" } }
// - "tls": at connect_init, the connection's own STARTTLS upgrade (tls_socket.js createServer's
//   socket.upgrade, which copies tls_socket.certsByHost['*'] into the TLSSocket options synchronously)
//   is wrapped so that, for that one call, the options carry a secureContext built for this listener
//   (and an SNICallback returning it, so SNI cannot swap the global context back in).
// - "verify": check the client certificate against "ca" as Node's tls.Server would (see below), so the
//   tls plugin's "secured: ... verified=" line is meaningful on that listener.
// - "nostarttls": STARTTLS is removed from the EHLO capabilities (after the tls plugin added it).
// - Implicit TLS (smtps) connections get one log line with the negotiated cipher and version: Haraka
//   itself logs nothing about them (the tls plugin's "secured:" line is for STARTTLS only).
const fs = require('node:fs')
const tls = require('node:tls')
const tls_socket = require('./tls_socket')

exports.register = function () {
    this.policies = this.config.get('lab_listener.json', 'json') || {}
    this.contexts = {}
    this.register_hook('connect_init', 'per_listener_tls')
    // after the tls plugin's advertise_starttls (priority 0)
    this.register_hook('capabilities', 'strip_starttls', 50)
    this.register_hook('mail', 'log_auth')
}

exports.context_for = function (ip) {
    if (this.contexts[ip]) return this.contexts[ip]
    const p = this.policies[ip]
    const base = tls_socket.certsByHost['*']
    const opts = { key: base.key, cert: base.cert, dhparam: base.dhparam, honorCipherOrder: true, ...p.tls }
    if (p.ca) opts.ca = fs.readFileSync(p.ca)
    this.contexts[ip] = tls.createSecureContext(opts)
    return this.contexts[ip]
}

exports.per_listener_tls = function (next, connection) {
    const client = connection.client
    const ip = connection.local.ip
    if (client.encrypted && typeof client.getCipher === 'function') {
        // implicit TLS (smtps): the handshake is already done
        const c = client.getCipher() || {}
        let cert = {}
        try {
            cert = client.getPeerCertificate() || {}
        } catch (ignore) {}
        connection.loginfo(
            this,
            `smtps secured: cipher=${c.name} version=${client.getProtocol()} local=${ip}:${connection.local.port} verified=${client.authorized}${client.authorizationError ? ` error="${client.authorizationError}"` : ''}${cert.subject ? ` cn="${cert.subject.CN}"` : ''}`,
        )
        return next()
    }
    const p = this.policies[ip]
    if (!p?.tls || typeof client.upgrade !== 'function') return next()
    const plugin = this
    const orig = client.upgrade
    client.upgrade = (cb) => {
        const base = tls_socket.certsByHost['*']
        const ctx = plugin.context_for(ip)
        const override = {
            secureContext: ctx,
            SNICallback: (servername, done) => done(null, ctx),
            requestCert: p.requestCert ?? base.requestCert,
            rejectUnauthorized: false,
        }
        const saved = {}
        for (const k of Object.keys(override)) {
            saved[k] = Object.hasOwn(base, k) ? { v: base[k] } : null
            base[k] = override[k]
        }
        connection.loginfo(plugin, `listener ${ip} TLS policy: ${JSON.stringify(p.tls)} requestCert=${override.requestCert}`)
        try {
            orig(cb)
        } finally {
            for (const k of Object.keys(override)) {
                if (saved[k]) base[k] = saved[k].v
                else delete base[k]
            }
        }
        // Node sets TLSSocket.authorized only for sockets of a tls.Server (onServerSocketSecure); Haraka's
        // STARTTLS socket is a bare TLSSocket, so its "verified=" would always be false. Where this
        // listener verifies client certificates, do what Node's tls.Server does, before the tls plugin's
        // 'secure' handler reads the result.
        const cleartext = client.cleartext
        if (p.verify && cleartext) {
            cleartext.prependListener('secure', () => {
                const err = cleartext._handle?.verifyError()
                if (err) cleartext.authorizationError = err.code
                else cleartext.authorized = true
            })
        }
    }
    next()
}

// One line per transaction with the AUTH result Haraka recorded (auth_base's results), for the lab's truth.
exports.log_auth = function (next, connection) {
    const a = connection.results.get('auth')
    if (a?.pass?.length) {
        connection.loginfo(this, `auth: pass=${a.pass.join(',')} method=${a.method} user=${a.user}`)
    } else if (a?.fail?.length) {
        connection.loginfo(this, `auth: fail=${a.fail.join(',')}`)
    } else {
        connection.loginfo(this, 'auth: none')
    }
    next()
}

exports.strip_starttls = function (next, connection) {
    const p = this.policies[connection.local.ip]
    if (!p?.nostarttls) return next()
    connection.capabilities = connection.capabilities.filter((c) => !/^STARTTLS\b/i.test(c))
    connection.tls.advertised = false
    connection.loginfo(this, `STARTTLS not offered on ${connection.local.ip}`)
    next()
}
