"""`python -m lstm trace | train | carry | carry-experiment | series | bench`: the unit from a terminal or a script."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from pathlib import Path

from lstm.unit.days import DaysError, check_days
from lstm.unit.numbers import NumberError, parse_number, parse_whole
from lstm.unit.trace import STEP_FIELDS, STEP_TITLES, Trace
from lstm.unit.weights import MAX_FILE_BYTES, PRESETS, Weights, WeightsError, from_file_bytes, to_file_bytes

MAX_SEED = 2**63 - 1


class UsageError(Exception):
    """A bad argument: reported on one line, exit status 2."""


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line instead of the usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def read_weights(spec: str) -> Weights:
    """`seed`, `trained`, or the path of a .json or .safetensors weights file."""
    if spec in PRESETS:
        return PRESETS[spec]
    path = Path(spec)
    if path.suffix.lower() not in (".json", ".safetensors"):
        raise UsageError(f"--weights takes {' or '.join(PRESETS)} or a .json or .safetensors file, not {spec!r}")
    data = read_regular_file(spec, MAX_FILE_BYTES, "weights file")
    try:
        return from_file_bytes(data, path.name)
    except WeightsError as error:
        raise UsageError(f"{spec}: {error}") from None


def read_regular_file(spec: str, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, checked before reading.

    Opened without blocking and checked on the open descriptor: a FIFO would wait forever for a
    writer, a device never ends, and a name swapped between a check and the open is caught either way.
    """
    try:
        descriptor = os.open(spec, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise UsageError(f"cannot read {what} {spec}: {error.strerror}") from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        kind = "a folder" if stat.S_ISDIR(status.st_mode) else "a pipe or a device"
        raise UsageError(f"cannot read {what} {spec}: it is {kind}, not a regular file")
    with os.fdopen(descriptor, "rb") as file:
        if status.st_size > limit:
            raise UsageError(f"{spec}: it is {status.st_size:,} bytes; a {what} is at most {limit:,}")
        try:
            return file.read(limit + 1)
        except OSError as error:
            raise UsageError(f"cannot read {what} {spec}: {error.strerror}") from None


def finite_float(text: str) -> float:
    try:
        return parse_number(text.strip())
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def bounded_int(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = parse_whole(text.strip())
        except NumberError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low}..{high}")
        return value

    return parse


def learning_rate(text: str) -> float:
    value = finite_float(text)
    if not 0 < value <= 100:
        raise argparse.ArgumentTypeError(f"{value:g} is outside (0, 100]")
    return value


def trace_table(trace: Trace) -> str:
    widths = [max(len(STEP_TITLES[field]), 9) for field in STEP_FIELDS]
    lines = ["  ".join(STEP_TITLES[field].rjust(width) for field, width in zip(STEP_FIELDS, widths, strict=True))]
    for row in trace.rows():
        cells = [str(row[0])] + [f"{value:.4f}" for value in row[1:]]
        lines.append("  ".join(cell.rjust(width) for cell, width in zip(cells, widths, strict=True)))
    lines.append(f"prediction (short memory after day {len(trace.steps)}): {trace.prediction:.4f}")
    return "\n".join(lines)


def run_trace(args: argparse.Namespace) -> str:
    from lstm.unit.forward import trace

    try:
        days = check_days(args.days)
    except DaysError as error:
        raise UsageError(str(error)) from None
    result = trace(days, read_weights(args.weights))
    return json.dumps(result.to_dict()) if args.json else trace_table(result)


def run_train(args: argparse.Namespace) -> str:
    # Lightning takes a second and a half to import: only the command that trains pays for it.
    from lstm.training.fit import train
    from lstm.training.process import configure_process
    from lstm.training.recipes import RECIPES

    configure_process()

    if args.out and Path(args.out).suffix.lower() not in (".json", ".safetensors"):
        raise UsageError(f"--out must end in .json or .safetensors, not {args.out!r}")
    if args.out and os.path.exists(args.out) and not os.path.isfile(args.out):
        raise UsageError(f"--out {args.out} exists and is not a regular file: writing to it could wait forever")
    if args.snapshots and not args.json:
        raise UsageError("--snapshots goes with --json: the snapshots are part of the JSON")
    start = read_weights(args.start) if args.start else None
    result = train(
        RECIPES[args.recipe],
        epochs=args.epochs,
        learning_rate=args.lr,
        seed=args.seed,
        start=start,
        snapshots=args.snapshots,
    )
    if args.out:
        try:
            Path(args.out).write_bytes(to_file_bytes(result.weights, args.out))
        except OSError as error:
            raise UsageError(f"cannot write {args.out}: {error.strerror}") from None
    if args.json:
        return json.dumps(result.to_dict())
    lines = [
        f"recipe {result.recipe}: {result.epochs} epochs, {result.steps} optimiser steps in {result.fit_seconds:.2f} s",
        f"loss {result.loss:.6g}; prediction A {result.predictions['A']:.4f} (target 0), "
        f"B {result.predictions['B']:.4f} (target 1)",
    ]
    if result.saturated is not None:
        learning_rate = RECIPES[args.recipe].learning_rate if args.lr is None else args.lr
        lines.append(result.saturated.message(learning_rate))
    if result.diverged_at_step is not None:
        lines.append(
            f"stopped at step {result.diverged_at_step}: the loss stopped being a finite number "
            "(learning rate too high); the weights are the last good ones"
        )
    lines += [f"  {name:5} {value: .4f}" for name, value in result.weights.items()]
    return "\n".join(lines)


def run_carry(args: argparse.Namespace) -> str:
    from lstm.training.process import configure_process
    from lstm.training.rnn_carry import train_unit

    configure_process()
    result = train_unit(args.unit, args.days, args.seed, epochs=args.epochs)
    return json.dumps(result.to_dict()) if args.json else result.summary()


def run_carry_experiment(args: argparse.Namespace) -> str:
    from lstm.training.process import configure_process
    from lstm.training.rnn_carry import SEEDS, experiment, experiment_json, experiment_summary

    configure_process()
    args.seeds = list(SEEDS) if args.seeds is None else args.seeds
    for option, values in (("--days", args.days), ("--seeds", args.seeds)):
        twice = sorted({value for value in values if values.count(value) > 1})
        if twice:
            raise UsageError(f"{option} gives {', '.join(map(str, twice))} more than once")
    if Path(args.out).suffix.lower() != ".json":
        raise UsageError(f"--out must end in .json, not {args.out!r}")
    if os.path.exists(args.out) and not os.path.isfile(args.out):
        raise UsageError(f"--out {args.out} exists and is not a regular file: writing to it could wait forever")
    days, seeds = " ".join(map(str, args.days)), " ".join(map(str, args.seeds))
    command = f"python -m lstm carry-experiment --days {days} --seeds {seeds} --epochs {args.epochs} --out {args.out}"
    table = experiment(args.days, args.seeds, args.epochs, command=command)
    try:
        Path(args.out).write_text(experiment_json(table), encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {args.out}: {error.strerror}") from None
    return f"{experiment_summary(table)}, written to {args.out}"


def run_series(args: argparse.Namespace) -> str:
    from lstm.training.series import MAX_BYTES, SeriesError, read_series

    data = read_regular_file(args.file, MAX_BYTES, "price file")
    try:
        series = read_series(data, Path(args.file).name, column=args.column)
    except SeriesError as error:
        raise UsageError(f"{args.file}: {error}") from None
    if args.json:
        dates = list(series.dates) if series.dates is not None else None
        return json.dumps({"name": series.name, "prices": list(series.prices), "column": series.column, "dates": dates})
    first, last = (series.dates[0], series.dates[-1]) if series.dates else ("day 1", f"day {len(series.prices)}")
    lines = [
        f"{series.name}: {len(series.prices):,} prices from column {series.column!r}",
        f"first {first}: {series.prices[0]:g}",
        f"last  {last}: {series.prices[-1]:g}",
    ]
    if len(series.choices) > 1:
        lines.append(f"columns of prices: {', '.join(series.choices)} (pick one with --column)")
    return "\n".join(lines + [f"note: {note}" for note in series.notes])


def run_bench(args: argparse.Namespace) -> str:
    try:
        # The benchmark starts servers and browsers from a checkout; an installed package has no bench/.
        from bench import measure as bench
    except ModuleNotFoundError as error:
        if error.name != "bench":
            raise
        raise UsageError(
            "the benchmark needs a checkout of LSTM Explorer: run it from the repository's root, where bench/ is"
        ) from None

    try:
        figures = bench.measure(repeats=args.repeat, browser=not args.no_browser, only=args.only)
    except RuntimeError as error:
        raise UsageError(f"{error} (or pass --no-browser to leave out the browser figures)") from None
    if args.json:
        return json.dumps(
            {
                "machine": bench.machine(),
                "figures": [bench.as_dict(figure) for figure in figures],
            }
        )
    return f"{bench.machine()}\n{bench.table(figures)}"


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="python -m lstm", description="The tutorial's LSTM unit from the command line.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    trace_parser = commands.add_parser("trace", help="every gate and memory, day by day")
    trace_parser.add_argument("days", nargs="*", help="day values, e.g. 0 0.5 0.25 1")
    trace_parser.add_argument("--weights", default="trained", help="seed, trained, or a .json/.safetensors file")
    trace_parser.add_argument("--json", action="store_true", help="print one JSON object")
    trace_parser.set_defaults(run=run_trace)

    train_parser = commands.add_parser("train", help="train on the tutorial's two companies")
    train_parser.add_argument("--recipe", choices=("tutorial", "fast"), default="fast")
    train_parser.add_argument("--epochs", type=bounded_int(1, 5000), help="passes over both companies")
    train_parser.add_argument("--lr", type=learning_rate, help="Adam's learning rate")
    train_parser.add_argument("--seed", type=bounded_int(0, MAX_SEED), default=42, help="seed of the initial draw")
    train_parser.add_argument("--start", help="start from seed, trained or a weights file instead of the draw")
    train_parser.add_argument("--out", help="save the trained weights (.json or .safetensors)")
    train_parser.add_argument(
        "--snapshots",
        type=bounded_int(2, 500),
        metavar="K",
        help="with --json: K snapshots of the run, epoch 0 first and the last epoch last, the others spread evenly",
    )
    train_parser.add_argument("--json", action="store_true", help="print one JSON object")
    train_parser.set_defaults(run=run_train)

    add_carry_commands(commands)

    series_parser = commands.add_parser("series", help="read a price file as the Your own series page does")
    series_parser.add_argument("file", help="a CSV or text file of prices (at most 1 MB)")
    series_parser.add_argument("--column", help="the column to read, by its header or its number from 1")
    series_parser.add_argument("--json", action="store_true", help="print one JSON object")
    series_parser.set_defaults(run=run_series)

    bench_parser = commands.add_parser("bench", help="measure training and page speed on this machine")
    bench_parser.add_argument("--repeat", type=bounded_int(1, 20), default=3, help="repetitions; medians are reported")
    bench_parser.add_argument("--json", action="store_true", help="print one JSON object")
    bench_parser.add_argument(
        "--no-browser",
        action="store_true",
        help="leave out the pages, bytes on the wire and the live run (they need Chromium and nginx)",
    )
    bench_parser.add_argument(
        "--only",
        choices=("class-vote", "live"),
        help="measure one part alone: class-vote (60 phones beside the projector, a few minutes) or live (runs "
        "with the Training page open beside the command line's, --repeat pairs)",
    )
    bench_parser.set_defaults(run=run_bench)
    return parser


def add_carry_commands(commands) -> None:
    from lstm.insights.carry import EXPERIMENT_DAYS, MAX_DAYS, MIN_DAYS, UNITS
    from lstm.training.recipes import MAX_EPOCHS, RECIPES

    fast = RECIPES["fast"]
    carry_parser = commands.add_parser("carry", help="train the plain RNN or the LSTM on companies A and B over N days")
    carry_parser.add_argument("--unit", choices=UNITS, required=True, help="rnn (the plain RNN) or lstm")
    carry_parser.add_argument(
        "--days", type=bounded_int(MIN_DAYS, MAX_DAYS), required=True, help="day 1, then 0.5 0.25 1 repeated"
    )
    carry_parser.add_argument("--seed", type=bounded_int(0, MAX_SEED), default=42, help="seed of the initial draw")
    carry_parser.add_argument(
        "--epochs", type=bounded_int(1, MAX_EPOCHS), default=fast.epochs, help="Adam steps on both companies"
    )
    carry_parser.add_argument("--json", action="store_true", help="print one JSON object")
    carry_parser.set_defaults(run=run_carry)

    experiment_parser = commands.add_parser(
        "carry-experiment", help="remake the Why an LSTM experiment: both units, every length and seed"
    )
    experiment_parser.add_argument(
        "--days", type=bounded_int(MIN_DAYS, MAX_DAYS), nargs="+", default=list(EXPERIMENT_DAYS), help="the lengths"
    )
    experiment_parser.add_argument(
        "--seeds", type=bounded_int(0, MAX_SEED), nargs="+", help="one training per seed (default 42 to 51)"
    )
    experiment_parser.add_argument(
        "--epochs", type=bounded_int(1, MAX_EPOCHS), default=fast.epochs, help="Adam steps per training"
    )
    experiment_parser.add_argument("--out", required=True, help="the JSON file to write, e.g. lstm/insights/carry.json")
    experiment_parser.set_defaults(run=run_carry_experiment)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        print(args.run(args))
    except UsageError as error:
        print(f"python -m lstm: error: {error}", file=sys.stderr)
        return 2
    return 0
