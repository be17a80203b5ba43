#!/usr/bin/env python3
"""Writes a portfolio scenario for the whole-process CLI benchmark (tests/bench/README.md):
SITES copies of the Memphis example's site (7 items each), each with its months moved by
(site index mod 24), over a horizon of MONTHS months.

    python3 tests/bench/make_portfolio.py 100 240 > portfolio-100x240.json
"""
import json
import pathlib
import re
import sys

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def shifted(value, months):
    match = MONTH.match(value) if isinstance(value, str) else None
    if not match:
        return value
    index = int(match.group(1)) * 12 + int(match.group(2)) - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def shift(node, months):
    if isinstance(node, dict):
        return {k: (shifted(v, months) if k.endswith(("Month", "earliest", "latest")) else shift(v, months))
                for k, v in node.items()}
    if isinstance(node, list):
        return [shift(v, months) for v in node]
    return node


def main():
    sites, months = int(sys.argv[1]), int(sys.argv[2])
    example = pathlib.Path(__file__).resolve().parents[2] / "data/examples/memphis-retrofit-100k-h100.json"
    plan = json.loads(example.read_text())
    site = plan["sites"][0]
    plan["name"] = f"Portfolio, {sites} sites"
    plan["horizonMonths"] = months
    plan["sites"] = []
    for i in range(sites):
        copy = shift(site, i % 24)
        copy["name"] = f"Site {i + 1}"
        plan["sites"].append(copy)
    json.dump(plan, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
