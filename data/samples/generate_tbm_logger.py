#!/usr/bin/env python3
"""Writes tbm-logger-sample.csv: one hour of a hard-rock gripper TBM's data logger at 1 Hz (seeded, reproducible).

Shaped like a real logger export: a three-line preamble before the header, ';' as delimiter and ',' as decimal
separator, local time (Europe/Vienna) in dd.MM.yyyy HH:mm:ss, SI units the platform converts (MN, MNm, MPa),
columns the mapping leaves out, a 20 s gap where the logger restarted, cells the logger marks NaN, and two broken
rows (a truncated line and a value the logger garbled), which the import refuses by line number.
"""
import math
import random
from datetime import datetime, timedelta

random.seed(20261110)
start = datetime(2026, 11, 10, 6, 0, 0)  # local time, Europe/Vienna (UTC+1 in November)
rows = []
chainage = 4182.350
stroke = 2117
temp_bearing, temp_gear, temp_hyd = 46.0, 52.0, 41.0
phase_boring, phase_left = True, 1500  # seconds left in the current phase
for s in range(3600):
    t = start + timedelta(seconds=s)
    if 1800 <= s < 1820:
        continue  # logger restart: no rows
    phase_left -= 1
    if phase_left <= 0:
        phase_boring = not phase_boring
        phase_left = random.randint(1500, 1900) if phase_boring else random.randint(240, 360)
        if phase_boring:
            stroke += 1
    if phase_boring:
        rpm = 5.8 + random.gauss(0, 0.05)
        pen = max(0.5, 7.5 + random.gauss(0, 0.6) + 1.5 * math.sin(s / 400))
        adv = rpm * pen  # mm/min
        thrust_mn = 14.5 + 0.9 * (pen - 7.5) + random.gauss(0, 0.25)
        torque_mnm = 2.4 + 0.18 * (pen - 7.5) + random.gauss(0, 0.06)
        power = torque_mnm * 1000 * rpm * 2 * math.pi / 60 / 0.93  # kW at the motors
        grip = 30.5 + random.gauss(0, 0.3)  # MPa
        chainage += adv / 60 / 1000
        temp_bearing += (58 - temp_bearing) / 1800
        temp_gear += (66 - temp_gear) / 1500
    else:
        rpm = pen = adv = 0.0
        thrust_mn = max(0.0, 0.6 + random.gauss(0, 0.1))
        torque_mnm = 0.0
        power = 38 + random.gauss(0, 2)
        grip = 0.4 + random.gauss(0, 0.05) if phase_left < 200 else 30.0 + random.gauss(0, 0.3)
        temp_bearing += (44 - temp_bearing) / 2400
        temp_gear += (48 - temp_gear) / 2000
    temp_hyd += (47 - temp_hyd) / 3000 + random.gauss(0, 0.02)
    belt = adv * 60 / 1000 * 22.9 * 2.7 if phase_boring else 0.0  # t/h of muck, not mapped
    water = 120 + random.gauss(0, 4) if phase_boring else 10.0
    def f(v, d):
        return f"{v:.{d}f}".replace(".", ",")
    cells = [t.strftime("%d.%m.%Y %H:%M:%S"), f(chainage, 3), str(stroke), f(thrust_mn, 3), f(torque_mnm, 3), f(rpm, 2),
             f(pen, 2), f(adv, 1), f(grip, 2), f(temp_bearing, 1), f(temp_gear, 1), f(temp_hyd, 1), f(power, 0),
             "1" if phase_boring else "0", f(belt, 1), f(water, 1)]
    if s % 997 == 500:
        cells[9] = "NaN"  # sensor dropout: a gap in that channel, not an error
    rows.append(";".join(cells))

rows[2345] = rows[2345][:40]  # a truncated row (the logger lost power mid-write)
garbled = rows[3001].split(";")
garbled[3] = "14,5E"  # a garbled value
rows[3001] = ";".join(garbled)

with open("tbm-logger-sample.csv", "w", encoding="utf-8", newline="\n") as out:
    out.write("Logger;TBM S-1061 gripper TBM;firmware 4.2\n")
    out.write("Project;sample drive, exploratory tunnel;exported 10.11.2026\n")
    out.write("Sample rate;1 Hz\n")
    out.write("Timestamp;Chainage [m];Stroke No.;Total thrust [MN];Cutterhead torque [MNm];Cutterhead speed [rpm];"
              "Penetration [mm/rev];Advance speed [mm/min];Gripper pressure [MPa];Main bearing temp [°C];"
              "Gear oil temp [°C];Hydraulic oil temp [°C];Cutterhead power [kW];Boring;Belt load [t/h];Water flow [l/min]\n")
    for r in rows:
        out.write(r + "\n")
