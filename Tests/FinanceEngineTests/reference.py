#!/usr/bin/env python3
"""Reference values for FinanceEngine's tests, computed with numpy-financial.

Prints one JSON object: for each numpy-financial function FinanceEngine mirrors (fv, pv, pmt,
nper, rate, npv, irr, ipmt, ppmt), a list of cases with their inputs and numpy-financial's
result (null where it gives NaN); then amortization schedules, goal cases and fee-drag cases
derived from the same functions. FinanceEngineTests runs this and checks every Swift result
against it. Needs numpy-financial (`pip install numpy-financial`); exits 2 with a message when
it is missing.
"""

import json
import math
import random
import sys
import warnings

# The test reads standard output and error together: no warnings, which would garble the JSON.
warnings.simplefilter("ignore")

try:
    import numpy as np
    import numpy_financial as npf
except ImportError as error:
    sys.stderr.write(f"reference.py needs numpy-financial (pip install numpy-financial): {error}\n")
    sys.exit(2)

WHENS = ("end", "begin")

# 0/0 at a zero rate is expected, as in numpy-financial's own np.where branches.
np.seterr(all="ignore")


def number(value):
    """A float for JSON, or None for NaN and infinities (JSON has neither)."""
    value = float(value)
    return value if math.isfinite(value) else None


def round_half_away(value):
    """C's round(): to the nearest integer, halves away from zero (Swift's .toNearestOrAwayFromZero)."""
    magnitude = abs(value)
    whole = math.floor(magnitude)
    rounded = whole + (1 if magnitude - whole >= 0.5 else 0)
    return int(math.copysign(rounded, value))


def cents(dollars):
    return round_half_away(dollars * 100)


def cents_rounding_up(dollars):
    """Up to the cent, ignoring floating-point noise under a millionth of a cent (as Cents.fromDollarsRoundingUp)."""
    return math.ceil(dollars * 100 - 1e-6)


# Time value of money: hand-picked cases first (zero rates, both timings, signs both ways), then
# seeded random ones.
generator = random.Random(20240611)


def random_rate():
    return generator.choice([0.0, generator.uniform(-0.01, 0.0), generator.uniform(0.0005, 0.02), generator.uniform(0.02, 0.12)])


def fv_cases():
    cases = [
        (0.05 / 12, 120, -100, -100, "end"), (0.05 / 12, 120, -100, -100, "begin"), (0.0, 12, -100, -100, "end"),
        (0.0, 12, -100, 0, "begin"), (0.07, 30, 0, -10_000, "end"), (0.07 / 12, 480, -500, -25_000, "end"),
        (0.03, 10.5, -1_000, 0, "begin"), (-0.02, 5, -100, -1_000, "end"), (0.1, 1, 100, -1_000, "end"),
        (0.004, 360, 1_199.10, -200_000, "end"), (0.12 / 12, 24, 250, 0, "begin"), (0.06 / 12, 0, -100, -5_000, "end"),
        (0.015, 60, -250.5, 10_000, "end"),
    ]
    for _ in range(12):
        cases.append((random_rate(), generator.randint(1, 480), round(generator.uniform(-2_000, 2_000), 2),
                      round(generator.uniform(-100_000, 100_000), 2), generator.choice(WHENS)))
    return [dict(rate=r, nper=n, pmt=p, pv=v, when=w, expected=number(npf.fv(r, n, p, v, w)))
            for r, n, p, v, w in cases]


def pv_cases():
    cases = [
        (0.05 / 12, 120, -100, 15_692.93, "end"), (0.05 / 12, 120, -100, 15_692.93, "begin"), (0.0, 12, -100, 0, "end"),
        (0.0, 10, -50, 1_000, "begin"), (0.08, 20, 5_000, 0, "end"), (0.07 / 12, 360, -1_500, 0, "end"),
        (0.03, 7.25, 0, 10_000, "end"), (-0.01, 12, -100, 0, "end"), (0.2, 3, -1, -1, "begin"),
        (0.0375 / 12, 180, 2_000, -50_000, "begin"), (0.01, 1, -101, 0, "end"), (0.09, 0, -100, 500, "end"),
    ]
    for _ in range(12):
        cases.append((random_rate(), generator.randint(1, 480), round(generator.uniform(-2_000, 2_000), 2),
                      round(generator.uniform(-100_000, 100_000), 2), generator.choice(WHENS)))
    return [dict(rate=r, nper=n, pmt=p, fv=f, when=w, expected=number(npf.pv(r, n, p, f, w)))
            for r, n, p, f, w in cases]


def pmt_cases():
    cases = [
        (0.075 / 12, 180, 200_000, 0, "end"), (0.075 / 12, 180, 200_000, 0, "begin"), (0.0, 12, 1_200, 0, "end"),
        (0.0, 24, 1_000, 500, "begin"), (0.065 / 12, 360, 350_000, 0, "end"), (0.2499 / 12, 36, 5_000, 0, "end"),
        (0.05 / 12, 120, 0, -50_000, "end"), (0.05 / 12, 120, -10_000, -100_000, "begin"), (-0.005, 24, 1_000, 0, "end"),
        (0.03, 5.5, 10_000, 0, "end"), (0.1, 1, 1_000, 0, "begin"), (0.04 / 12, 60, 25_000, -5_000, "end"),
    ]
    for _ in range(12):
        cases.append((random_rate(), generator.randint(1, 480), round(generator.uniform(-100_000, 100_000), 2),
                      round(generator.uniform(-50_000, 50_000), 2), generator.choice(WHENS)))
    return [dict(rate=r, nper=n, pv=v, fv=f, when=w, expected=number(npf.pmt(r, n, v, f, w)))
            for r, n, v, f, w in cases]


def nper_expected(rate, pmt, pv, fv, when):
    if rate == 0:
        # numpy-financial documents "fv + pv + pmt*nper = 0" for a zero rate, but its scalar branch
        # returns (pv - fv) / pmt (a sign slip in 1.0.0); the reference is the documented equation.
        return number(-(fv + pv) / pmt) if pmt != 0 else None
    return number(npf.nper(rate, pmt, pv, fv, when))


def nper_cases():
    cases = [
        (0.07 / 12, -150, 8_000, 0, "end"), (0.07 / 12, -150, 8_000, 0, "begin"), (0.08 / 12, -100, 9_000, 0, "end"),
        (0.0, -100, 1_000, 0, "end"), (0.0, -250, 0, 10_000, "begin"), (0.05 / 12, -500, -10_000, 100_000, "end"),
        (0.2499 / 12, -50, 5_000, 0, "end"),  # the payment never covers the interest: NaN
        (0.01, -5, 1_000, 0, "end"),  # the same: NaN
        (0.0, 0, 1_000, 0, "end"),  # no payment at a zero rate: no answer
        (0.004, -1_199.10, 200_000, 0, "end"), (0.03, 0, -1_000, 2_000, "end"), (-0.01, -100, 5_000, 0, "end"),
        (0.02, 500, -10_000, 0, "begin"),
    ]
    for _ in range(12):
        rate = generator.choice([0.0, generator.uniform(0.0005, 0.02)])
        periods = generator.randint(2, 400)
        present = round(generator.uniform(-100_000, 100_000), 2)
        future = round(generator.uniform(-20_000, 20_000), 2)
        when = generator.choice(WHENS)
        payment = round(float(npf.pmt(rate, periods, present, future, when)), 2)
        cases.append((rate, payment, present, future, when))
    return [dict(rate=r, pmt=p, pv=v, fv=f, when=w, expected=nper_expected(r, p, v, f, w)) for r, p, v, f, w in cases]


def rate_cases():
    cases = [
        (10, 0, -100, 200, "end"), (360, -1_000, 100_000, 0, "end"), (360, -1_000, 100_000, 0, "begin"),
        (12, -100, 1_100, 0, "end"), (60, -500, 25_000, 0, "end"), (5, 0, -1_000, 1_500, "begin"),
        (48, -250, -5_000, 25_000, "end"), (24, -50, 1_000, 0, "end"), (12, -100, 1_200, 0, "end"),
        (1, 0, -100, 110, "end"), (120, -100, 0, 20_000, "begin"),
        (10, -100, 100, 0, "end"),  # Newton settles below -100 %, and numpy-financial returns that as it is
        (12, 100, 1_000, 0, "end"), (12, 0, 100, 100, "end"), (10, 0, -100, 0, "begin"),  # no rate: NaN
    ]
    for _ in range(12):
        periods = generator.randint(2, 360)
        rate = generator.uniform(0.0005, 0.03)
        present = round(generator.uniform(1_000, 200_000), 2) * generator.choice([1, -1])
        when = generator.choice(WHENS)
        payment = round(float(npf.pmt(rate, periods, present, 0, when)), 2)
        cases.append((periods, payment, present, 0, when))
    return [dict(nper=n, pmt=p, pv=v, fv=f, when=w, expected=number(npf.rate(n, p, v, f, w)))
            for n, p, v, f, w in cases]


def npv_cases():
    cases = [
        (0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]), (0.0, [-100, 50, 50, 10]), (0.1, [-100, 39, 59, 55, 20]),
        (0.05, [1_000]), (0.05, []), (-0.02, [-500, 100, 100, 100, 100, 100, 100]), (0.12, [0, 0, 0, 1_000]),
        (0.281, [-100, 39, 59, 55, 20]), (0.03, [-1_000, -500, 800, 800, 800]), (1.5, [-10, 30, -5]),
    ]
    for _ in range(12):
        values = [round(generator.uniform(-5_000, 5_000), 2) for _ in range(generator.randint(1, 40))]
        cases.append((generator.choice([0.0, generator.uniform(-0.05, 0.3)]), values))
    return [dict(rate=r, values=v, expected=number(npf.npv(r, v)) if v else 0.0) for r, v in cases]


def irr_cases():
    cases = [
        [-100, 39, 59, 55, 20], [-100, 0, 0, 74], [-100, 100, 0, -7], [-100, 100, 0, 7], [-5, 10.5, 1, -8, 1],
        [-100, 50, 50], [-1_000, 300, 300, 300, 300, 300], [-40_000, 5_000, 8_000, 12_000, 30_000],
        [100, 200, 300],  # all in: no rate
        [-100, -50],  # all out: no rate
        [0, -100, 60, 60], [-100, 60, 60, 0, 0], [1_000, -300, -300, -300, -300],
        [-10_000] + [1_000] * 12 + [2_000],
    ]
    for _ in range(14):
        periods = generator.randint(2, 60)
        outlay = -round(generator.uniform(1_000, 50_000), 2)
        values = [outlay] + [round(generator.uniform(0, -outlay / periods * 1.6), 2) for _ in range(periods)]
        cases.append(values)
    for _ in range(10):  # mixed signs: several roots may exist, and the one closest to zero counts
        cases.append([round(generator.uniform(-3_000, 2_000), 2) for _ in range(generator.randint(3, 25))])
    return [dict(values=v, expected=number(npf.irr(v))) for v in cases]


def per_period_cases(function):
    cases = [
        (0.0824 / 12, 1, 12, 2_500, 0, "end"), (0.0824 / 12, 12, 12, 2_500, 0, "end"),
        (0.0824 / 12, 1, 12, 2_500, 0, "begin"), (0.0824 / 12, 6, 12, 2_500, 0, "begin"), (0.1 / 12, 5, 24, 1_000, 0, "end"),
        (0.065 / 12, 180, 360, 350_000, 0, "end"), (0.0, 3, 12, 1_200, 0, "end"), (0.05 / 12, 10, 60, 20_000, -5_000, "end"),
        (0.02, 2, 10, -1_000, 0, "begin"), (0.07 / 12, 360, 360, 100_000, 0, "end"),
    ]
    for _ in range(10):
        periods = generator.randint(1, 360)
        cases.append((generator.uniform(0.0005, 0.02), generator.randint(1, periods), periods,
                      round(generator.uniform(-200_000, 200_000), 2), 0, generator.choice(WHENS)))
    return [dict(rate=r, per=p, nper=n, pv=v, fv=f, when=w, expected=number(function(r, p, n, v, f, w)))
            for r, p, n, v, f, w in cases]


# Amortization: a lender's schedule in cents. The payment is npf.pmt rounded to the cent; each
# month's interest is the cent balance × the monthly rate, rounded; the last payment clears the
# balance. npf.ipmt and npf.ppmt are included for each row (they assume the unrounded payment).
def amortization_schedule(principal_cents, annual_rate, months):
    monthly_rate = annual_rate / 12
    payment = max(cents(-float(npf.pmt(monthly_rate, months, principal_cents / 100))), 1)
    rows, balance = [], principal_cents
    for month in range(1, months + 1):
        if balance <= 0:
            break
        interest = round_half_away(float(balance) * monthly_rate)
        last = month == months or balance + interest <= payment
        paid = balance + interest if last else payment
        balance -= paid - interest
        rows.append(dict(month=month, payment=paid, interest=interest, principal=paid - interest, balance=balance))
    periods = np.arange(1, months + 1)
    return dict(
        principal_cents=principal_cents, annual_rate=annual_rate, months=months, payment_cents=payment, rows=rows,
        npf_pmt=float(npf.pmt(monthly_rate, months, principal_cents / 100)),
        npf_ipmt=[float(x) for x in npf.ipmt(monthly_rate, periods, months, principal_cents / 100)],
        npf_ppmt=[float(x) for x in npf.ppmt(monthly_rate, periods, months, principal_cents / 100)])


def amortization_cases():
    loans = [
        (35_000_000, 0.065, 360), (25_000_000, 0.0575, 180), (3_000_000, 0.0699, 60), (500_000, 0.2499, 24),
        (1_200_000, 0.0, 12), (1_000_000, 0.0, 7), (250_000, 0.089, 36), (100, 0.05, 3), (1_999_999, 0.0425, 84),
        (80_000_000, 0.0325, 360), (123_456, 0.1999, 13), (5_000_000, 0.0001, 120),
    ]
    return [amortization_schedule(*loan) for loan in loans]


# Goals: months to a target (npf.nper, rounded up), the contribution that reaches it by a date
# (npf.pmt, rounded up to the cent), and the projected balance (npf.fv, rounded to the cent).
def goal_cases():
    goals = [
        (1_000_000, 0, 50_000, 0.0), (1_000_000, 200_000, 25_000, 0.04), (5_000_000, 1_000_000, 100_000, 0.07),
        (2_500_000, 2_400_000, 1_000, 0.05), (100_000_000, 5_000_000, 150_000, 0.06), (120_000, 0, 10_000, 0.0),
        (3_000_000, 500_000, 0, 0.05), (3_000_000, 500_000, 0, 0.0), (1_000_000, 999_999, 1, 0.0),
        (50_000_000, 0, 200_000, 0.08), (750_000, 100_000, 20_000, 0.025), (10_000_000, 100_000, 5_000, -0.01),
    ]
    months_to_reach = []
    for target, current, contribution, annual_return in goals:
        rate = annual_return / 12
        if rate == 0:
            periods = -(target / 100 - current / 100) / (-contribution / 100) if contribution else math.nan
        else:
            periods = float(npf.nper(rate, -contribution / 100, -current / 100, target / 100))
        # Rounded up, but not for floating-point noise: (10000 - 9999.99) / 0.01 is 1.0000000000000009.
        months = math.ceil(periods - 1e-9) if math.isfinite(periods) and periods > 0 else None
        months_to_reach.append(dict(target_cents=target, current_cents=current, contribution_cents=contribution,
                                    annual_return=annual_return, months=months))
    contributions = []
    for target, current, _, annual_return in goals:
        for months in (1, 12, 37, 120, 360):
            payment = -float(npf.pmt(annual_return / 12, months, -current / 100, target / 100))
            contributions.append(dict(target_cents=target, current_cents=current, annual_return=annual_return,
                                      months=months, contribution_cents=max(cents_rounding_up(payment), 0)))
    projections = []
    for target, current, contribution, annual_return in goals:
        for months in (0, 1, 18, 240):
            value = float(npf.fv(annual_return / 12, months, -contribution / 100, -current / 100))
            projections.append(dict(current_cents=current, contribution_cents=contribution, annual_return=annual_return,
                                    months=months, projected_cents=cents(value)))
    return dict(months_to_reach=months_to_reach, contributions=contributions, projections=projections)


# Fee drag: the future value at the gross return minus that at the return less the expense ratio.
def fee_drag_cases():
    portfolios = [
        (10_000_000, 0, 0.07, 3.0), (10_000_000, 0, 0.07, 100.0), (5_000_000, 50_000, 0.06, 50.0),
        (0, 100_000, 0.07, 75.0), (100_000_000, 0, 0.05, 4.5), (2_500_000, 25_000, 0.08, 120.0),
        (1_000, 0, 0.0, 25.0),
    ]
    cases = []
    for start, contribution, annual_return, expense_bps in portfolios:
        for years in (10, 20, 30):
            def grow(rate):
                return cents(float(npf.fv(rate / 12, years * 12, -contribution / 100, -start / 100)))
            gross, net = grow(annual_return), grow(annual_return - expense_bps / 10_000)
            cases.append(dict(start_cents=start, contribution_cents=contribution, annual_return=annual_return,
                              expense_ratio_bps=expense_bps, years=years, without_fees_cents=gross,
                              with_fees_cents=net, drag_cents=gross - net))
    return cases


def main():
    reference = dict(
        numpy_financial=getattr(npf, "__version__", "unknown"),
        fv=fv_cases(), pv=pv_cases(), pmt=pmt_cases(), nper=nper_cases(), rate=rate_cases(), npv=npv_cases(),
        irr=irr_cases(), ipmt=per_period_cases(npf.ipmt), ppmt=per_period_cases(npf.ppmt),
        amortization=amortization_cases(), goals=goal_cases(), fee_drag=fee_drag_cases())
    print(json.dumps(reference))


if __name__ == "__main__":
    main()
