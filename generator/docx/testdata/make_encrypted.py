#!/usr/bin/python3
"""Make encrypted.docx: basic.docx saved by LibreOffice with a password.

Word and LibreOffice store a password-protected .docx as an OLE compound
file holding "EncryptionInfo" and "EncryptedPackage" streams, not as a zip;
import must tell the author so in plain words. The fixture comes from a real
office suite so the test sees the container as Office tools write it.

Needs Debian's libreoffice-writer-nogui and python3-uno:

    /usr/bin/python3 generator/docx/testdata/make_encrypted.py

It writes into the folder it lies in; commit encrypted.docx with it. The
password is "hemmelig".
"""
import os
import shutil
import signal
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue

HERE = os.path.dirname(os.path.abspath(__file__))


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    work = tempfile.mkdtemp(prefix="handleplan-fixture-")
    profile = os.path.join(work, "profile")
    # LibreOffice leaves a lock file beside what it opens: open a copy.
    shutil.copy(os.path.join(HERE, "basic.docx"), work)
    pipe = "handleplan-fixture-%d" % os.getpid()
    # Its own session, so that the office process (soffice.bin, a child
    # of the soffice script) ends with it.
    office = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--nologo", "--norestore",
        "-env:UserInstallation=file://" + profile,
        "--accept=pipe,name=%s;urp;" % pipe,
    ], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        src = uno.systemPathToFileUrl(os.path.join(work, "basic.docx"))
        tmp = os.path.join(work, "encrypted.docx")
        dst = uno.systemPathToFileUrl(tmp)
        doc = desktop.loadComponentFromURL(src, "_blank", 0, (prop("Hidden", True),))
        # The OOXML export encrypts when the media descriptor carries
        # EncryptionData with an "OOXPassword"; a plain Password property
        # is ignored. LibreOffice 7.4 writes ECMA-376 Standard encryption
        # (its Agile writer fails from a script), as Office 2007 did.
        password = NamedValue()
        password.Name = "OOXPassword"
        password.Value = "hemmelig"
        crypto = NamedValue()
        crypto.Name = "CryptoType"
        crypto.Value = "Standard"
        encryption = uno.Any("[]com.sun.star.beans.NamedValue", (password, crypto))
        doc.storeToURL(dst, (prop("FilterName", "MS Word 2007 XML"),
                             prop("EncryptionData", encryption)))
        doc.close(True)
        with open(tmp, "rb") as f:
            if f.read(8) != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
                raise SystemExit("LibreOffice wrote a plain .docx, not an encrypted one")
        shutil.copy(tmp, os.path.join(HERE, "encrypted.docx"))
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as the office quits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(office.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
