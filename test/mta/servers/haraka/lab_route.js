// Hoplock MTA lab: routing for Haraka 3.3.4, from config/lab_route.json:
//   { "mail_dir": "/run/.../hk/mail", "bind": "127.0.5.1", "helo": "mx.haraka-lab.test",
//     "user": "alice", "pass": "...",
//     "routes": { "t01.lab.test": { "kind": "deliver" },
//                 "t02.lab.test": { "kind": "relay", "ip": "127.0.4.1", "port": 25, "mode": "smtp" } },
//     "modes": { "e12": { "minVersion": "TLSv1.2", "maxVersion": "TLSv1.2", "ciphers": "..." },
//                "ccert": { "key": "/path.key", "cert": "/path.crt" } } }
// - rcpt: accepts only the lab's domains; a relayed domain marks the transaction as relaying, so Haraka
//   hands it to its own outbound queue (queue_outbound) instead of the inbound queue hook.
// - queue / queue_outbound: a delivered domain is written whole (with Haraka's Received field) to
//   <mail_dir>/<domain>.eml.
// - get_mx: the relay target as an IP literal, with Haraka's own bind / bind_helo / using_lmtp / auth_*
//   MX options. The client mode travels on the HarakaMx object (lab_mode); outbound/tls.js's
//   get_tls_options and outbound/client_pool.js's get_client are wrapped to apply the mode's TLS options
//   (TLS 1.2 and key exchange, client certificate) and implicit TLS (smtps). "Never STARTTLS" modes use
//   tls.ini [outbound] no_tls_hosts, which Haraka also matches against the recipient domain.
const fs = require('node:fs')
const path = require('node:path')
const net_utils = require('haraka-net-utils')
const obtls = require('./outbound/tls')
const client_pool = require('./outbound/client_pool')

exports.register = function () {
    this.cfg = this.config.get('lab_route.json', 'json')
    this.mode_tls = {}
    for (const [mode, o] of Object.entries(this.cfg.modes || {})) {
        const t = { ...o }
        if (t.key) t.key = fs.readFileSync(t.key)
        if (t.cert) t.cert = fs.readFileSync(t.cert)
        this.mode_tls[mode] = t
    }
    const plugin = this

    if (!obtls.__lab_wrapped) {
        const orig_opts = obtls.get_tls_options.bind(obtls)
        obtls.get_tls_options = (mx) => {
            const o = orig_opts(mx)
            const extra = plugin.mode_tls[mx.lab_mode]
            if (extra) Object.assign(o, extra)
            plugin.loginfo(`outbound TLS options for ${mx.exchange}:${mx.port} mode=${mx.lab_mode}: ${JSON.stringify(Object.keys(extra || {}))}`)
            return o
        }
        const orig_get_client = client_pool.get_client
        client_pool.get_client = function (mx, callback) {
            if (mx.lab_mode !== 'smtps') return orig_get_client.call(this, mx, callback)
            return orig_get_client.call(this, mx, (err, socket) => {
                if (err || !socket) return callback(err, socket)
                // implicit TLS: upgrade before the greeting
                socket.upgrade(obtls.get_tls_options(mx), (verified, verifyError, cert, cipher) => {
                    plugin.loginfo(
                        `smtps secured: cipher=${cipher?.name} version=${cipher?.version} verified=${verified} to ${mx.exchange}:${mx.port}`,
                    )
                })
                callback(null, socket)
            })
        }
        obtls.__lab_wrapped = true
    }

    this.register_hook('rcpt', 'lab_rcpt')
    this.register_hook('queue', 'lab_queue')
    this.register_hook('queue_outbound', 'lab_queue')
    this.register_hook('get_mx', 'lab_get_mx')
}

exports.route = function (domain) {
    if (!domain) return undefined
    const d = String(domain).toLowerCase()
    return Object.hasOwn(this.cfg.routes, d) ? this.cfg.routes[d] : undefined
}

exports.lab_rcpt = function (next, connection, params) {
    const rcpt = params[0]
    const r = this.route(rcpt.host)
    if (!r) return next(DENY, `no route for ${rcpt.host}`)
    if (r.kind === 'relay') connection.relaying = true
    connection.loginfo(this, `route ${rcpt.address} -> ${r.kind === 'relay' ? `relay ${r.ip}:${r.port} mode=${r.mode}` : 'deliver'}`)
    next(OK)
}

exports.lab_queue = function (next, connection) {
    const txn = connection?.transaction
    if (!txn) return next()
    const rcpt = txn.rcpt_to[0]
    const r = this.route(rcpt?.host)
    if (!r || r.kind !== 'deliver') return next() // relayed: Haraka's outbound delivers it
    const file = path.join(this.cfg.mail_dir, `${rcpt.host.toLowerCase()}.eml`)
    const tmp = `${file}.tmp`
    const ws = fs.createWriteStream(tmp)
    ws.once('close', () => {
        fs.renameSync(tmp, file)
        connection.loginfo(this, `delivered ${rcpt.address} to ${file}`)
        next(OK, 'delivered to the lab mailbox')
    })
    ws.once('error', (err) => {
        connection.logerror(this, `cannot write ${tmp}: ${err}`)
        next(DENYSOFT, 'cannot write the lab mailbox')
    })
    txn.message_stream.pipe(ws)
}

exports.lab_get_mx = function (next, hmail, domain) {
    const r = this.route(domain)
    if (!r || r.kind !== 'relay') return next()
    const o = {
        priority: 0,
        exchange: r.ip,
        port: r.port,
        bind: this.cfg.bind,
        bind_helo: this.cfg.helo,
    }
    if (r.mode === 'lmtp') o.using_lmtp = true
    if (r.mode === 'auth' || r.mode === 'authplain') {
        o.auth_type = 'PLAIN'
        o.auth_user = this.cfg.user
        o.auth_pass = this.cfg.pass
    }
    const mx = new net_utils.HarakaMx(o)
    mx.lab_mode = r.mode
    hmail.loginfo(this, `MX for ${domain}: ${r.ip}:${r.port} mode=${r.mode} bind=${this.cfg.bind}`)
    next(OK, mx)
}
