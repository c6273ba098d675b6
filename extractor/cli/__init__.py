"""`spine-extract`: a thin command line over the Python API.

Every failure is one line on stderr and an exit status (see `parser.EXIT_HELP`);
a Python traceback is shown only with `--debug`.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType

from ..io import InputError, ResumeError
from ..review.modelfile import ModelError
from .parser import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REPORT_ERRORS,
    EXIT_TERMINATED,
    EXIT_USAGE,
    UsageError,
    build_parser,
)


class Terminated(BaseException):
    """SIGTERM arrived (a BaseException, like KeyboardInterrupt, so that no
    `except Exception` on the way swallows it)."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def _error(message: str) -> None:
    print(f"spine-extract: error: {' '.join(str(message).split())}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    parser = build_parser()
    if not [a for a in argv if a != "--debug"]:
        parser.print_usage(sys.stderr)
        print("spine-extract: error: a command is required (spine-extract -h)", file=sys.stderr)
        return EXIT_USAGE
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _run(parser, argv)
    except (UsageError, InputError, ModelError, ResumeError) as e:
        if debug:
            raise
        _error(str(e))
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader of our output went away (`| head`): stop quietly
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("spine-extract: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("spine-extract: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except OSError as e:
        if debug:
            raise
        where = f"{e.filename}: " if e.filename else ""
        _error(f"{where}{e.strerror or e}")
        return EXIT_USAGE
    except Exception as e:
        if debug:
            raise
        _error(f"internal error ({type(e).__name__}: {e}); run with --debug for the traceback")
        return EXIT_INTERNAL
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(parser: object, argv: list[str]) -> int:
    from ..lexicon import LexiconError

    args = parser.parse_args(argv)  # type: ignore[attr-defined]
    try:
        if args.command == "extract":
            from .extract import run_extract

            return run_extract(args)
        from . import commands

        return commands.run(args)
    except LexiconError as e:
        raise UsageError(str(e)) from e


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_REPORT_ERRORS",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "main",
]
