"""A real SMTP server on loopback for the notify tests (aiosmtpd): writes each message it
accepts to FOLDER/NNN.eml with FOLDER/NNN.json (envelope sender and recipients), and its port to
PORT_FILE once it listens.

    smtp_sink.py FOLDER PORT_FILE [--reject ADDRESS]... [--fail-after N] [--auth USER:PASSWORD]
                 [--tls starttls|smtps --certificate FILE [--names SAN] [--inject]]

--reject answers 550 to RCPT TO for that address; --fail-after answers 451 to every DATA after
the first N messages; --auth requires AUTH with that user and password (in the clear unless
--tls, and then only over TLS). --tls starttls offers STARTTLS, --tls smtps speaks TLS from the
first byte, with a self-signed certificate made by openssl at start-up for --names (a
subjectAltName, default IP:127.0.0.1,DNS:localhost) and written to --certificate (its key
beside it, FILE.key) for the client to trust. The .json of each message says "tls": the
TLS version it came over, or null in the clear. --inject sends a reply line in the clear right
after the 220 to STARTTLS, in the same write (RFC 3207 §5: a client must not read it as a reply
to what it sends over TLS).
"""

import argparse
import asyncio
import json
import logging
import os
import signal
import ssl
import subprocess
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult


class Sink:
    def __init__(self, folder, reject, fail_after):
        self.folder, self.reject, self.fail_after, self.count = folder, set(reject), fail_after, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.fail_after is not None and self.count >= self.fail_after:
            return "451 4.3.0 temporary failure, try later"
        self.count += 1
        name = os.path.join(self.folder, "%03d" % self.count)
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        tls = server.transport.get_extra_info("ssl_object")
        with open(name + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                       "tls": tls.version() if tls else None}, f)
        os.rename(name + ".tmp", name + ".eml")
        return "250 OK queued"


class InjectingSMTP(SMTP):
    async def push(self, status):
        if isinstance(status, str) and status.startswith("220 Ready to start TLS"):
            status += "\r\n554 5.7.0 injected in the clear"
        await super().push(status)


def tls_context(certificate, names):
    """A server context with a new self-signed certificate for `names`, written to `certificate`."""
    key = certificate + ".key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "2", "-subj", "/CN=convene test SMTP server", "-addext", "subjectAltName=" + names,
         "-keyout", key, "-out", certificate],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    return context


def main():
    # A test runner's threads block most signals and its children inherit the mask: unblock them
    # so that the test's terminate() (SIGTERM) stops the server.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    # The client's refusals (an untrusted certificate ends the handshake) are what the tests
    # want: keep aiosmtpd's tracebacks and warnings about them out of the test log.
    logging.getLogger("mail.log").disabled = True
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("port_file")
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--fail-after", type=int)
    parser.add_argument("--auth")
    parser.add_argument("--tls", choices=["starttls", "smtps"])
    parser.add_argument("--certificate")
    parser.add_argument("--names", default="IP:127.0.0.1,DNS:localhost")
    parser.add_argument("--inject", action="store_true")
    parser.add_argument("--lifetime", type=float, default=600)
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    sink = Sink(args.folder, args.reject, args.fail_after)
    context = tls_context(args.certificate, args.names) if args.tls else None
    # STARTTLS: offered in EHLO, AUTH only after it. SMTPS: TLS from the first byte, so AUTH
    # needs no STARTTLS (aiosmtpd knows TLS only from STARTTLS).
    options = {"decode_data": False, "enable_SMTPUTF8": True}
    if args.tls == "starttls":
        options["tls_context"] = context

    def authenticator(server, session, envelope, mechanism, auth_data):
        user, password = args.auth.split(":", 1)
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok)

    server_class = InjectingSMTP if args.inject else SMTP

    def factory():
        if args.auth:
            return server_class(sink, authenticator=authenticator, auth_require_tls=args.tls == "starttls",
                        auth_required=True, **options)
        return server_class(sink, **options)

    async def serve():
        listening = context if args.tls == "smtps" else None
        server = await asyncio.get_running_loop().create_server(factory, "127.0.0.1", 0, ssl=listening)
        port = server.sockets[0].getsockname()[1]
        with open(args.port_file + ".tmp", "w") as f:
            f.write(str(port))
        os.rename(args.port_file + ".tmp", args.port_file)
        async with server:
            # Never outlive a test that died: stop after --lifetime seconds.
            await asyncio.wait_for(server.serve_forever(), args.lifetime)

    try:
        asyncio.run(serve())
    except (KeyboardInterrupt, asyncio.TimeoutError):
        sys.exit(0)


if __name__ == "__main__":
    main()
