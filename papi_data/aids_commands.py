"""Decision-aid commands: whatif (a province's results with chosen changes)
and trends (trend classes of a province's indicators)."""
from __future__ import annotations

import json

from . import trends, whatif

UserError = ValueError


def register(sub, user_error) -> None:
    global UserError
    UserError = user_error
    s = sub.add_parser("whatif", help="total, tier and rank of a province after chosen changes, with their range")
    s.add_argument("--province", required=True)
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--change", action="append", required=True, metavar="CODE=DELTA",
                   help="e.g. D5=+0.2; repeatable")
    s.add_argument("--format", choices=["text", "json"], default="text")
    s.set_defaults(func=cmd_whatif)

    s = sub.add_parser("trends", help="trend class of each indicator of a province (docs/TRENDS.md)")
    s.add_argument("--province", required=True)
    s.add_argument("--indicator")
    s.add_argument("--format", choices=["csv", "json"], default="csv")
    s.set_defaults(func=cmd_trends)


def _changes(items: list[str], year: int) -> dict[str, float]:
    from .cli import _indicator
    out: dict[str, float] = {}
    for item in items:
        code, sep, delta = item.partition("=")
        try:
            out[_indicator(code, year)] = float(delta)
        except ValueError:
            raise UserError(f"--change wants CODE=DELTA (e.g. D5=+0.2), not {item!r}") from None
        if not sep:
            raise UserError(f"--change wants CODE=DELTA (e.g. D5=+0.2), not {item!r}")
    return out


def cmd_whatif(args) -> int:
    from .cli import _province, _scores
    changes = _changes(args.change, args.year)
    code = _province(args.province, args.year)
    try:
        s = whatif.scenario(_scores(), code, args.year, changes)
    except (KeyError, whatif.OutOfScale) as e:
        raise UserError(str(e.args[0])) from None
    row = lambda o: {"year": o.year, "value": round(o.value, 4), "tier": o.tier,  # noqa: E731
                     "rank": o.rank, "n_ranked": o.n_ranked}
    if args.format == "json":
        print(json.dumps({"province_code": code, "year": args.year, "changes": changes,
                          "values": {k: round(v, 4) for k, v in s.values.items()},
                          "result": row(s.result), "history": [row(o) for o in s.history],
                          "top_tier_years": s.top_years()}, ensure_ascii=False, indent=1))
        return 0
    r = s.result
    print(f"TOTAL {r.value:.4f}: tier {r.tier}, rank {r.rank}/{r.n_ranked} if other provinces stay as in {r.year}")
    print(f"top tier in {s.top_years()} of {len(s.history)} earlier comparable years' conditions")
    for o in s.history:
        print(f"  {o.year}: tier {o.tier}, rank {o.rank}/{o.n_ranked}")
    return 0


def cmd_trends(args) -> int:
    from .cli import _indicator, _province, _scores
    df = _scores()
    last = int(df.year.max())
    code = _province(args.province, last)
    ind = _indicator(args.indicator, last) if args.indicator else None
    t = trends.province_trends(df, code, ind)
    if args.format == "json":
        print(json.dumps(json.loads(t.to_json(orient="records")), ensure_ascii=False, indent=1))
    else:
        print(t.to_csv(index=False), end="")
    return 0
