"""A real SMTP server on loopback for the notify tests (aiosmtpd): writes each message it
accepts to FOLDER/NNN.eml with FOLDER/NNN.json (envelope sender and recipients), and its port to
PORT_FILE once it listens.

    smtp_sink.py FOLDER PORT_FILE [--reject ADDRESS]... [--fail-after N] [--auth USER:PASSWORD]

--reject answers 550 to RCPT TO for that address; --fail-after answers 451 to every DATA after
the first N messages; --auth requires AUTH with that user and password (in the clear, loopback).
"""

import argparse
import asyncio
import json
import os
import signal
import sys

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
        with open(name + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        os.rename(name + ".tmp", name + ".eml")
        return "250 OK queued"


def main():
    # A test runner's threads block most signals and its children inherit the mask: unblock them
    # so that the test's terminate() (SIGTERM) stops the server.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("port_file")
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--fail-after", type=int)
    parser.add_argument("--auth")
    parser.add_argument("--lifetime", type=float, default=600)
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    sink = Sink(args.folder, args.reject, args.fail_after)

    def authenticator(server, session, envelope, mechanism, auth_data):
        user, password = args.auth.split(":", 1)
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok)

    def factory():
        if args.auth:
            return SMTP(sink, authenticator=authenticator, auth_require_tls=False, auth_required=True,
                        decode_data=False, enable_SMTPUTF8=True)
        return SMTP(sink, decode_data=False, enable_SMTPUTF8=True)

    async def serve():
        server = await asyncio.get_running_loop().create_server(factory, "127.0.0.1", 0)
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
