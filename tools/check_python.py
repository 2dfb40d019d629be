"""Stop early, with a clear message, on a Python that the lock cannot install.

Run by `make` before it creates the virtual environment. Kept free of modern
syntax so that even an old interpreter can print the message.
"""
import sys

SUPPORTED = ((3, 11), (3, 11))


def problem(version_info):
    """Return a message when ``version_info`` is unsupported, else None."""
    major_minor = tuple(version_info[:2])
    if SUPPORTED[0] <= major_minor <= SUPPORTED[1]:
        return None
    return (
        "Python %d.%d cannot run this collection.\n"
        "MXNet 1.9.1 (its final release) needs numpy < 1.24, and numpy 1.23 "
        "installs only on Python 3.8 to 3.11; the lock (requirements.txt) pins "
        "packages that need Python 3.11.\n"
        "Use one of these:\n"
        "  * conda:  conda env create -f environment.yml && conda activate gluon-rnn\n"
        "            && pip install --no-deps -e .\n"
        "            then run pytest, or jupyter lab notebooks/\n"
        "  * pyenv:  pyenv install 3.11 && make test PYTHON=$(pyenv root)/versions/3.11.*/bin/python\n"
        "  * Debian/Ubuntu: install python3.11 and python3.11-venv, then make test PYTHON=python3.11"
        % major_minor)


if __name__ == "__main__":
    message = problem(sys.version_info)
    if message:
        sys.stderr.write(message + "\n")
        sys.exit(1)
