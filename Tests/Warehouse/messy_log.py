"""A small, deterministic Dutch project log with everything a real export gets wrong.

Semicolons with decimal commas ("7,5", "1.234,5"), Dutch headers, dates in three spellings and
with times, rows repeated exactly, hours that are missing, zero, negative or no number, dates
that are no date, rows with too few or too many fields, names spelled two ways (NFC and NFD,
a no-break space, a zero-width space, double spaces, spaces around), a zero-width joiner that
shows (after Arabic) and one that does not, people with two departments in equal measure,
quoted fields with semicolons and line breaks. The same file every time.
"""

import random

DEPARTMENTS = ["Sociaal Domein", "Wonen", "Burgerzaken", "Financiën", "Ruimte", "Economie",
               "Jeugd", "Handhaving", "ICT", "Communicatie", "Zorg", "Onderwijs"]


def person_name(i):
    return f"Medewerker {i:03d}"


def spellings(rng, name):
    """Ways a system may write `name`; all are the same person under SiloScope's rule."""
    return rng.choice([
        name,
        name.replace(" ", "\u00a0"),
        name.replace(" ", "  "),
        " " + name + " ",
        name[:3] + "\u200b" + name[3:],
        "\t" + name,
    ])


def write(path, decomposed=True):
    """Writes the log; without `decomposed`, "Zoë" is written precomposed only (for engines
    that cannot put names in Unicode NFC)."""
    rng = random.Random(20261205)
    people = [person_name(i) for i in range(1, 181)]
    home = {p: rng.choice(DEPARTMENTS) for p in people}
    special = {
        "Zoë de Vries": "Wonen",
        "Ahmad \u0628\u200c\u0627": "Sociaal Domein",
    }
    projects = [f"Zaak-{k:03d}" for k in range(1, 91)]
    rows = []

    def day(rng):
        month, dd = rng.randint(1, 12), rng.randint(1, 28)
        style = rng.randint(0, 5)
        if style == 0:
            return f"{dd:02d}-{month:02d}-2025"
        if style == 1:
            return f"2025-{month:02d}-{dd:02d}"
        if style == 2:
            return f"{dd}/{month}/2025"
        if style == 3:
            return f"{dd:02d}.{month:02d}.2025"
        if style == 4:
            return f"2025-{month:02d}-{dd:02d}T09:30"
        return ""

    def hours(rng):
        value = rng.choice(["8", "7,5", "3,25", " 4 ", "1.234,5", "0,5", "12", "2,75"])
        return value

    for project in projects:
        size = rng.choice([1, 2, 3, 3, 4, 5, 6, 8, 12, 25])
        members = rng.sample(people, size)
        for member in members:
            for _ in range(rng.randint(1, 3)):
                department = home[member] if rng.random() > 0.05 else rng.choice(DEPARTMENTS)
                rows.append([spellings(rng, member), department, project, day(rng), hours(rng), ""])
    # Names written two ways (NFC and NFD), joiners, a person with two departments in equal
    # measure and the same last day.
    for project in projects[:6]:
        rows.append(["Zoë de Vries", "Wonen", project, "2025-05-01", "6", ""])
        rows.append(["Zoe\u0308 de Vries" if decomposed else "Zoë de Vries", "Wonen", project, "2025-05-02", "2", ""])
        rows.append(["Ahmad \u0628\u200c\u0627", "Sociaal Domein", project, "", "5", ""])
        rows.append(["Pim\u200d Jansen", "ICT", project, "2025-06-01", "1", ""])
    for project in projects[10:14]:
        rows.append(["Tweede Afdeling", "Jeugd", project, "2025-03-01", "4", ""])
        rows.append(["Tweede Afdeling", "Zorg", project, "2025-03-01", "4", ""])
    # Rows repeated exactly.
    for _ in range(40):
        rows.append(list(rng.choice(rows)))
    # Rows the reader skips: hours and dates that are no use, empty or invisible names.
    bad = [
        [people[0], "Wonen", projects[0], "2025-01-01", "abc", ""],
        [people[1], "Wonen", projects[0], "2025-01-01", "0", ""],
        [people[2], "Wonen", projects[0], "2025-01-01", "-2", ""],
        [people[3], "Wonen", projects[0], "2025-01-01", "", ""],
        [people[4], "Wonen", projects[0], "2025-01-01", "1,2,3", ""],
        [people[5], "Wonen", projects[0], "2025-02-30", "3", ""],
        [people[6], "Wonen", projects[0], "31-13-2025", "3", ""],
        [people[7], "Wonen", projects[0], "0999-01-01", "3", ""],
        ["", "Wonen", projects[0], "2025-01-01", "3", ""],
        ["\u200b", "Wonen", projects[0], "2025-01-01", "3", ""],
        [people[8], "Wonen", "", "2025-01-01", "3", ""],
        [people[9], "\u200b", projects[1], "2025-01-01", "3", ""],
        [people[10], "Wonen", projects[1], "2025-01-01", "1e400", ""],
    ]
    rows += bad
    rng.shuffle(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Medewerker;Afdeling;Zaak;Datum;Uren;Opmerking\n")
        for index, row in enumerate(rows):
            if index % 97 == 5:
                row[5] = "overleg; \"extern\"\nvervolg"
            f.write(";".join(quote(field) for field in row) + "\n")
            if index % 211 == 7:
                f.write(f"{people[11]};Wonen;{projects[2]}\n")  # too few fields
            if index % 223 == 9:
                f.write(f"{people[12]};Wonen;{projects[2]};2025-01-01;3;x;y\n")  # too many


def quote(field):
    if any(c in field for c in ";\"\n"):
        return '"' + field.replace('"', '""') + '"'
    return field


if __name__ == "__main__":
    import sys
    write(sys.argv[1])
