"""The OS password as a way to unlock an idle review screen, checked by the system's PAM.

chartdesk never reads password files: it asks libpam (Linux-PAM, or OpenPAM on macOS and the
BSDs, through ctypes) to run the authentication and account stacks of a PAM service for the
user running chartdesk. The service is ``chartdesk`` unless ``[lock] pam_service`` names
another; where ``/etc/pam.d/chartdesk`` does not exist, Linux-PAM uses the ``other`` service
(Debian's includes ``common-auth``; Red Hat's denies everything, so install the file there — see
the README). A user who is not root checks their own password through pam_unix's setuid
``unix_chkpwd`` helper, so no privilege is needed.

No third-party binding is used: the small one here also reaches ``pam_start_confdir`` (a PAM
configuration directory other than /etc/pam.d), which lets the test suite run the real library
against a throwaway service file, and which python-pam does not offer.

PAM may sleep on a wrong password (pam_faildelay), so callers run `PamCheck.check` in a thread.
The typed password lives in a Python string and is handed to PAM as a C string PAM frees;
neither can be wiped, which is why it is never logged or kept.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pwd
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from tui.core.errors import ChartdeskError

DEFAULT_SERVICE: Final = "chartdesk"
PAM_SUCCESS: Final = 0
PAM_PROMPT_ECHO_OFF: Final = 1
PAM_PROMPT_ECHO_ON: Final = 2
PAM_BUF_ERR: Final = 5
PAM_CONV_ERR: Final = 19
PAM_SILENT: Final = 0x8000
PAM_DISALLOW_NULL_AUTHTOK: Final = 0x0001
_LIBRARIES: Final = ("libpam.so.0", "libpam.so", "libpam.dylib")


class PamUnavailable(ChartdeskError):
    """This system has no usable libpam (or not the function a check needs)."""


class _Message(ctypes.Structure):
    _fields_ = (("msg_style", ctypes.c_int), ("msg", ctypes.c_char_p))


class _Response(ctypes.Structure):
    _fields_ = (("resp", ctypes.c_void_p), ("resp_retcode", ctypes.c_int))


_CONVERSE = ctypes.CFUNCTYPE(
    ctypes.c_int,
    ctypes.c_int,
    ctypes.POINTER(ctypes.POINTER(_Message)),
    ctypes.POINTER(ctypes.POINTER(_Response)),
    ctypes.c_void_p,
)


class _Conversation(ctypes.Structure):
    _fields_ = (("conv", _CONVERSE), ("appdata_ptr", ctypes.c_void_p))


@dataclass(frozen=True)
class _Pam:
    """libpam's functions with their C signatures, and libc's allocator (PAM frees the
    answers with free(), so they must come from the same malloc)."""

    lib: Any
    libc: Any
    has_confdir: bool


@cache
def _load() -> _Pam:
    lib = None
    for name in (*_LIBRARIES, ctypes.util.find_library("pam")):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError:
            continue
    if lib is None:
        raise PamUnavailable("this system has no PAM library (libpam)")
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    libc.calloc.restype = ctypes.c_void_p
    libc.calloc.argtypes = (ctypes.c_size_t, ctypes.c_size_t)
    libc.strdup.restype = ctypes.c_void_p
    libc.strdup.argtypes = (ctypes.c_char_p,)
    libc.free.restype = None
    libc.free.argtypes = (ctypes.c_void_p,)
    handle = ctypes.POINTER(ctypes.c_void_p)
    lib.pam_start.restype = ctypes.c_int
    lib.pam_start.argtypes = (ctypes.c_char_p, ctypes.c_char_p,
                              ctypes.POINTER(_Conversation), ctypes.POINTER(handle))  # fmt: skip
    has_confdir = hasattr(lib, "pam_start_confdir")
    if has_confdir:
        lib.pam_start_confdir.restype = ctypes.c_int
        lib.pam_start_confdir.argtypes = (ctypes.c_char_p, ctypes.c_char_p,
                                          ctypes.POINTER(_Conversation), ctypes.c_char_p,
                                          ctypes.POINTER(handle))  # fmt: skip
    for name in ("pam_authenticate", "pam_acct_mgmt", "pam_end"):
        function = getattr(lib, name)
        function.restype = ctypes.c_int
        function.argtypes = (handle, ctypes.c_int)
    lib.pam_strerror.restype = ctypes.c_char_p
    lib.pam_strerror.argtypes = (handle, ctypes.c_int)
    return _Pam(lib, libc, has_confdir)


def current_user() -> str:
    """The account chartdesk runs as (from the real uid, not $USER, which anyone can set);
    "" when the uid has no passwd entry (common in containers run as an arbitrary uid)."""
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return ""


@dataclass(frozen=True)
class PamCheck:
    """Checks a password for an account with one PAM service.

    `confdir` is a PAM configuration directory in place of /etc/pam.d (Linux-PAM 1.4+).
    """

    service: str = DEFAULT_SERVICE
    confdir: Path | None = None

    def problem(self) -> str:
        """Why this check cannot run here ("" when it can)."""
        try:
            pam = _load()
        except PamUnavailable as exc:
            return str(exc)
        if self.confdir is not None and not pam.has_confdir:
            return "this PAM library cannot use a configuration directory (pam_start_confdir)"
        return ""

    def check(self, user: str, password: str) -> bool:
        """True when PAM accepts `password` for `user` and the account may log in now.
        Raises PamUnavailable when PAM cannot be used at all."""
        pam = _load()
        if not password:
            return False
        secret = password.encode("utf-8")

        def converse(count: int, messages: Any, answers: Any, _data: Any) -> int:
            """Answer every hidden prompt with the password and visible ones with the user;
            information and error messages need no answer."""
            block = pam.libc.calloc(count, ctypes.sizeof(_Response))
            if not block:
                return PAM_BUF_ERR
            replies = ctypes.cast(block, ctypes.POINTER(_Response))
            try:
                for index in range(count):
                    style = messages[index].contents.msg_style
                    if style == PAM_PROMPT_ECHO_OFF:
                        replies[index].resp = pam.libc.strdup(secret)
                    elif style == PAM_PROMPT_ECHO_ON:
                        replies[index].resp = pam.libc.strdup(user.encode("utf-8"))
            except Exception:  # never PAM_SUCCESS with half the answers: PAM frees nothing then
                for index in range(count):
                    pam.libc.free(replies[index].resp)
                pam.libc.free(block)
                return PAM_CONV_ERR
            answers[0] = replies
            return PAM_SUCCESS

        conversation = _Conversation(_CONVERSE(converse), None)
        handle = self._start(pam, user, conversation)
        status: int = PAM_SUCCESS
        try:
            status = pam.lib.pam_authenticate(handle, PAM_SILENT | PAM_DISALLOW_NULL_AUTHTOK)
            if status == PAM_SUCCESS:
                status = pam.lib.pam_acct_mgmt(handle, PAM_SILENT | PAM_DISALLOW_NULL_AUTHTOK)
            return status == PAM_SUCCESS
        finally:
            pam.lib.pam_end(handle, status)

    def _start(self, pam: _Pam, user: str, conversation: _Conversation) -> Any:
        """A PAM transaction for `user` with this service (and configuration directory)."""
        handle = ctypes.POINTER(ctypes.c_void_p)()
        arguments = [self.service.encode("utf-8"), user.encode("utf-8"),
                     ctypes.byref(conversation)]  # fmt: skip
        if self.confdir is None:
            status = pam.lib.pam_start(*arguments, ctypes.byref(handle))
        elif pam.has_confdir:
            confdir = str(self.confdir).encode()
            status = pam.lib.pam_start_confdir(*arguments, confdir, ctypes.byref(handle))
        else:
            raise PamUnavailable(self.problem())
        if status != PAM_SUCCESS:
            reason = (pam.lib.pam_strerror(None, status) or b"").decode(errors="replace")
            raise PamUnavailable(f"PAM could not start service {self.service!r}: {reason}")
        return handle
