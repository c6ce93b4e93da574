#!/usr/bin/env python3
"""Re-gather the extra test corpus listed in SOURCES.tsv and verify every file.

Each row of SOURCES.tsv names a file, the GitHub repository (owner/name), the
path inside it, the commit, and (optionally) the file's sha256.  For every row
the bytes are taken either from a local folder of git mirrors (``--mirrors``)
or downloaded from a URL template (default: raw.githubusercontent.com), written
to the output folder, and compared with the recorded sha256.

Examples:
    python3 gather.py                       # download next to SOURCES.tsv
    python3 gather.py --out /tmp/corpus     # download elsewhere
    python3 gather.py --mirrors /work/.mirror
    python3 gather.py --check               # only verify files already present

Exit status is 0 when every file is present and matches, 1 otherwise.
Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import subprocess
import sys
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

DEFAULT_URL = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"
TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Source:
    """One row of SOURCES.tsv."""

    file: str
    repo: str
    path: str
    commit: str
    sha256: str  # empty when the table has no sha256 column


def read_sources(table: Path) -> list[Source]:
    """Parse the tab-separated source table (header line required)."""
    with table.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = []
        for number, row in enumerate(reader, start=2):
            missing = [k for k in ("file", "repo", "path", "commit") if not row.get(k)]
            if missing:
                raise ValueError(f"{table}:{number}: missing {', '.join(missing)}")
            name = row["file"]
            if "/" in name or "\\" in name or name in (".", ".."):
                raise ValueError(f"{table}:{number}: file name must be flat: {name!r}")
            rows.append(
                Source(name, row["repo"], row["path"], row["commit"],
                       (row.get("sha256") or "").strip().lower())
            )
    return rows


def find_git_dir(mirrors: Path, repo: str) -> Path | None:
    """Locate a git directory for owner/name under a folder of mirrors."""
    owner, name = repo.split("/", 1)
    candidates = [
        mirrors / f"{owner}+{name}" / "repo",
        mirrors / f"{owner}+{name}",
        mirrors / f"{owner}+{name}.git",
        mirrors / owner / name,
        mirrors / owner / f"{name}.git",
    ]
    for candidate in candidates:
        if (candidate / ".git").is_dir():
            return candidate / ".git"
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    return None


def bytes_from_mirror(mirrors: Path, source: Source) -> bytes:
    """Read the exact blob bytes with ``git show COMMIT:PATH``."""
    git_dir = find_git_dir(mirrors, source.repo)
    if git_dir is None:
        raise FileNotFoundError(f"no mirror of {source.repo} under {mirrors}")
    result = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{source.commit}:{source.path}"],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise FileNotFoundError(f"git show failed: {message}")
    return result.stdout


def bytes_from_url(template: str, source: Source) -> bytes:
    """Download the file from a URL built from the template."""
    url = template.format(
        repo=source.repo,
        commit=source.commit,
        path=urllib.parse.quote(source.path, safe="/"),
    )
    request = urllib.request.Request(url, headers={"User-Agent": "narrator-corpus-gather"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        return response.read()


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomically(target: Path, data: bytes) -> None:
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.replace(target)


def gather(sources: list[Source], out_dir: Path, mirrors: Path | None,
           url_template: str, check_only: bool) -> int:
    """Fetch (unless check_only) and verify every source; return the failure count."""
    out_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for source in sources:
        target = out_dir / source.file
        try:
            if target.is_file() and source.sha256 and sha256_of(target.read_bytes()) == source.sha256:
                print(f"ok       {source.file}")
                continue
            if check_only:
                state = "missing" if not target.exists() else "differs"
                print(f"{state:8} {source.file}")
                failures += 1
                continue
            if mirrors is not None:
                data = bytes_from_mirror(mirrors, source)
            else:
                data = bytes_from_url(url_template, source)
            digest = sha256_of(data)
            if source.sha256 and digest != source.sha256:
                print(f"MISMATCH {source.file}: expected {source.sha256}, got {digest}")
                failures += 1
                continue
            write_atomically(target, data)
            label = "fetched" if source.sha256 else "unchecked"
            print(f"{label:8} {source.file} ({len(data)} bytes)")
        except (OSError, ValueError) as error:  # URLError is an OSError
            print(f"FAILED   {source.file}: {error}")
            failures += 1
    return failures


def parse_args(argv: list[str]) -> argparse.Namespace:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="?", type=Path, default=here / "SOURCES.tsv",
                        help="source table (default: SOURCES.tsv next to this script)")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: the folder of the source table)")
    parser.add_argument("--mirrors", type=Path, default=None,
                        help="folder of git mirrors (owner+name/repo or owner/name); "
                             "read with git instead of downloading")
    parser.add_argument("--url", default=DEFAULT_URL,
                        help="URL template with {repo}, {commit}, {path} (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="only verify files already in the output folder")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    sources = read_sources(args.sources)
    out_dir = args.out if args.out is not None else args.sources.resolve().parent
    failures = gather(sources, out_dir, args.mirrors, args.url, args.check)
    print(f"{len(sources) - failures}/{len(sources)} files ok")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
