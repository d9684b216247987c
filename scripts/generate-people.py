#!/usr/bin/env python3
"""Generate a realistic jalon configuration directory for benchmarks.

Usage:
    generate-people.py --people N --seed S --out DIR [--start 2026-12-01] [--force] [--rules]

Writes DIR/jalon.toml (a few [[consultant]] entries, SPEC §2 default policies,
timezone Europe/Paris, mail disabled) and DIR/people/<bucket>/<id>.toml for N
people, at most 1,000 files per bucket folder (people/000/, people/001/, ...).
Files are mode 0644 and folders 0755, whatever the umask.

The output depends only on N, the seed and --start: the same arguments give
byte-identical files. Person number i is drawn from its own generator seeded
with (seed, i), so the first people of a large directory are those of a small
one, except for the consultant they are given (the number of consultants in
jalon.toml grows with N).

Dates are placed around --start (the first day of the benchmark window): with
the default mix, `jalon agenda --json --from START --days 365` yields about
13.5 reminders per person.

Four profiles of people:
  - bilan en cours: a bilan de compétences under way (préliminaire,
    investigation sessions, conclusion), a few small deadlines, and the
    derived follow-up interview 6 months after the conclusion;
  - feuille de route: a finished bilan (past sessions, done) whose roadmap
    deadlines are running, and the document-destruction deadline (R6313-7);
  - recyclages: an employee with mandatory trainings to renew (catalog kinds
    of SPEC §3 or custom trainings with valid_for) and a yearly review;
  - accompagnement: regular support sessions (job search, business creation)
    with roadmap deadlines.

With --rules, people also get what the rules of providers derive: CPF
dossiers ([[dossier]], at every stage) for accompanied people and finished
bilans, the bilan's end (retention_consent, an employer-funded bilan's
agreement_sent; jalon.toml turns on [policy.retention] and [policy.evaluation]),
the newer catalogue kinds (CACES by recommendation, CNAPS, amiante, RP1, PCR)
with their renewal windows, and a [[catalog]] table. Without it, the output is
the same as before those existed.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import unicodedata
from zoneinfo import ZoneInfo

# --------------------------------------------------------------------------
# Tuning knobs (measured with the real binary; see the report).

PROFILE_WEIGHTS = [
    ("bilan", 30),
    ("feuille", 30),
    ("recyclage", 25),
    ("accompagnement", 15),
]

# --------------------------------------------------------------------------
# Word lists.

FIRST_NAMES = [
    "Marie", "Jean", "Pierre", "Michel", "Philippe", "Nathalie", "Isabelle", "Sylvie",
    "Catherine", "Françoise", "Nicolas", "Christophe", "Stéphane", "Sébastien", "Julien",
    "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Laura", "Julie",
    "Céline", "Sandrine", "Valérie", "Aurélie", "Émilie", "Élodie", "Hélène", "Agnès",
    "Thomas", "Alexandre", "Antoine", "Maxime", "Hugo", "Lucas", "Louis", "Théo",
    "Mathieu", "Guillaume", "Romain", "Florian", "Kévin", "Jérôme", "Frédéric", "Laurent",
    "Olivier", "David", "Éric", "Thierry", "Pascal", "Patrick", "Didier", "Bruno",
    "Karim", "Mehdi", "Yasmine", "Nadia", "Fatima", "Samir", "Rachid", "Leïla",
    "Jean-Baptiste", "Marie-Claire", "Anne-Sophie", "Jean-Pierre", "Pierre-Louis",
    "Zoé", "Anaïs", "Gaëlle", "Maëlle", "Noémie", "Océane", "Clément", "Jérémy",
    "Benoît", "François", "Gérald", "Régis", "Aïcha", "Moussa", "Amadou", "Awa",
    "Yannick", "Gwenaël", "Loïc", "Soizic", "Corentin", "Mathilde", "Margaux", "Pauline",
    "Justine", "Audrey", "Véronique", "Brigitte", "Monique", "Annie", "Christelle", "Nadège",
]

LAST_NAMES = [
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
    "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David",
    "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
    "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc",
    "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
    "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
    "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire",
    "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly",
    "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard",
    "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
    "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix",
    "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet",
    "Le Gall", "Le Goff", "Kerbrat", "Le Berre", "Benali", "Haddad", "Nguyen", "Tran",
    "Diallo", "Traoré", "Da Silva", "Ferreira", "Dos Santos", "Lopes", "Santos", "Weber",
    "Klein", "Wagner", "Schneider", "Hoffmann", "D'Angelo", "De La Fontaine", "Saint-Martin",
    "N'Diaye", "Lévêque", "Lejeune", "Hamon", "Besnard", "Carpentier", "Collet", "Prévost",
]

# Surnames common in the overseas departments, used for people living there.
OVERSEAS_LAST_NAMES = {
    "Indian/Reunion": ["Hoarau", "Payet", "Grondin", "Técher", "Robert", "Fontaine", "Boyer",
                       "Rivière", "Lauret", "Nativel", "Maillot", "Turpin", "Dijoux", "Huet"],
    "Indian/Mayotte": ["Madi", "Said", "Ali", "Abdallah", "Soilihi", "Ahamada", "Attoumani",
                       "Combo", "Boinali", "Houmadi"],
    "America/Guadeloupe": ["Jean-Louis", "Lubin", "Bélair", "Cornélie", "Jabot", "Moutou",
                           "Pierre-Charles", "Larifla", "Sainte-Rose", "Numa"],
    "America/Martinique": ["Joseph", "Marie-Sainte", "Louis-Joseph", "Rosamont", "Éloi",
                           "Jean-Baptiste", "Sainte-Luce", "Bellance", "Pavilla", "Marie-Rose"],
    "America/Cayenne": ["Horth", "Karam", "Prévot", "Ho-A-Chuck", "Tang", "Sabayo", "Auguste",
                        "Jean-Marie", "Polony", "Karamoko"],
    "Pacific/Noumea": ["Wamytan", "Gope", "Ounou", "Hnawia", "Wéa", "Ukeiwé", "Lafleur",
                       "Frogier", "Briault", "Pidjot"],
}

ZONES = [  # (zone, weight)
    ("Europe/Paris", 850),
    ("Indian/Reunion", 60),
    ("America/Guadeloupe", 25),
    ("America/Martinique", 25),
    ("Pacific/Noumea", 15),
    ("America/Cayenne", 15),
    ("Indian/Mayotte", 10),
]

DOMAINS = ["example.org", "example.net", "example.com", "mail.example", "courriel.example",
           "orange.example", "laposte.example", "free.example"]

CONSULTANTS = [
    ("Claire", "Martin"), ("Thomas", "Nguyen"), ("Sophie", "Marchand"), ("Karim", "Bouzid"),
    ("Isabelle", "Perrot"), ("Antoine", "Lemaire"), ("Nadia", "Chérif"), ("Bruno", "Lefort"),
    ("Hélène", "Caradec"), ("Julien", "Técher"), ("Agnès", "Vasseur"), ("Marc", "Olivier"),
    ("Céline", "Rigaud"), ("Paul", "Ménard"), ("Estelle", "Nativel"), ("Yann", "Le Floch"),
    ("Laure", "Béranger"), ("Damien", "Roche"), ("Mélanie", "Dufresne"), ("Hugo", "Lebrun"),
    ("Nora", "Haddad"), ("Franck", "Duval"), ("Sonia", "Pereira"), ("Gilles", "Mauduit"),
]

PLACES_PARIS = [
    "Cabinet Horizon, 12 rue des Tanneurs, Lyon",
    "Cabinet Horizon, 4 place du Capitole, Toulouse",
    "Cabinet Horizon, 27 quai de la Fosse, Nantes",
    "Cabinet Horizon, 8 rue de la République, Strasbourg",
    "Cabinet Horizon, 15 boulevard Voltaire, Paris 11e",
    "Maison de l'emploi, salle 2, Lille",
    "Téléphone (le consultant appelle)",
]

METIERS = [
    "Développeur web et web mobile", "Technicien de maintenance industrielle",
    "Comptable assistant", "Conseiller en insertion professionnelle",
    "Secrétaire assistant médico-social", "Gestionnaire de paie",
    "Formateur professionnel d'adultes", "Assistant de vie aux familles",
    "Agent de restauration", "Technicien d'assistance en informatique",
    "Responsable de petite et moyenne structure", "Électricien d'équipement du bâtiment",
    "Conducteur de transport en commun sur route", "Négociateur technico-commercial",
]

FORMATIONS = [
    "Technicien de maintenance industrielle (AFPA)", "Développeur web (GRETA)",
    "Gestionnaire de paie (CNAM)", "Préparateur en pharmacie (CFA)",
    "Auxiliaire de puériculture (IFAP)", "Conducteur routier (FCO / titre pro)",
    "Cuisinier (CAP en un an)", "Aide-soignant (IFAS)", "Comptabilité (DCG, 1re année)",
]

ENTREPRISES = ["Boulangerie « Au Bon Pain »", "Atelier de couture", "Food truck",
               "Cabinet de conseil RH", "Entreprise de paysagisme", "Gîte rural",
               "Agence de communication", "Salon de coiffure", "Restauration rapide"]

# (id stem, title template) — roadmap deadlines.
ROADMAP_DEADLINES = [
    ("inscription-formation", "S'inscrire à la formation {formation}"),
    ("titre-pro", "Obtenir le titre professionnel {metier}"),
    ("pmsmp", "Trouver un stage d'immersion (PMSMP) en entreprise"),
    ("cv", "Mettre à jour le CV et le profil en ligne"),
    ("dossier-cpf", "Déposer la demande de financement CPF (Mon Compte Formation)"),
    ("vae-livret-1", "Envoyer le livret 1 de VAE (recevabilité)"),
    ("vae-livret-2", "Rendre le livret 2 de VAE"),
    ("candidatures", "Envoyer dix candidatures ciblées"),
    ("transitions-pro", "Déposer le dossier de projet de transition professionnelle (PTP)"),
    ("france-travail", "Prendre rendez-vous avec le conseiller France Travail"),
    ("qcm-blanc", "Atteindre 80 % de réussite au QCM blanc"),
    ("module-3", "Terminer le module 3 [e-learning] de la formation"),
    ("reseau", "Contacter cinq anciens collègues pour le « réseau »"),
    ("permis-c", "Passer l'épreuve théorique du permis C"),
    ("toeic", "Obtenir le TOEIC (score visé : 785)"),
    ("portfolio", "Constituer le portfolio de réalisations"),
    ("entretien-employeur", "Présenter le projet à l'employeur (entretien professionnel)"),
    ("salon-emploi", "Participer au salon \"Emploi & Reconversion\""),
]

BILAN_DEADLINES = [
    ("enquetes-metiers", "Réaliser trois enquêtes métiers auprès de professionnels"),
    ("questionnaire", "Compléter le questionnaire d'intérêts professionnels"),
    ("recit-parcours", "Rédiger le récit de son parcours (5 pages)"),
    ("tests-aptitudes", "Passer les tests d'aptitudes en ligne"),
    ("lectures", "Lire les fiches ROME des métiers retenus"),
]

CREATION_DEADLINES = [
    ("etude-marche", "Terminer l'étude de marché ({entreprise})"),
    ("business-plan", "Déposer le business plan auprès de la BGE"),
    ("pret-honneur", "Présenter le dossier de prêt d'honneur"),
    ("immatriculation", "Immatriculer l'entreprise"),
    ("arce", "Demander l'ARCE à France Travail"),
]

INVESTIGATION_TOPICS = [
    "intérêts et valeurs professionnelles", "enquêtes métiers", "compétences transférables",
    "personnalité et motivations", "marché de l'emploi local", "pistes de formation",
    "faisabilité du projet", "freins et ressources",
]

ACCOMPAGNEMENT_TOPICS = [
    "suivi des candidatures", "préparation aux entretiens", "étude de marché",
    "prévisionnel financier", "réseau professionnel", "plan de formation",
    "bilan intermédiaire", "simulation d'entretien", "statut juridique",
]

# (kind, validity in months); custom trainings have no kind.
CATALOG = [
    ("sst", 24), ("habilitation-electrique", 36), ("caces", 60), ("fco", 60),
    ("aipr", 60), ("ssiap", 36), ("certiphyto", 60),
]
CATALOG_TITLES = {
    "habilitation-electrique": ["Habilitation électrique B1V-BR", "Habilitation électrique BS-BE manœuvre",
                                "Habilitation électrique H0V-B0"],
    "caces": ["CACES R489 catégorie 3 (chariots élévateurs)", "CACES R486 nacelles (PEMP) A et B",
              "CACES R482 engins de chantier, catégorie A"],
    "fco": ["FCO transport de marchandises", "FCO transport de voyageurs"],
    "ssiap": ["SSIAP 1 (remise à niveau)", "SSIAP 2 (remise à niveau)"],
    "certiphyto": ["Certiphyto décideur en entreprise non soumise à agrément",
                   "Certiphyto opérateur"],
    "aipr": ["AIPR opérateur", "AIPR encadrant"],
}
# With --rules: the newer catalogue kinds, some with a renewal window, and one of jalon.toml's [[catalog]].
RULES_CATALOG = CATALOG + [
    ("caces-r482", 120), ("caces-r486", 60), ("caces-r489", 60), ("cnaps-carte-pro", 60),
    ("amiante-ss4", 36), ("rp1", 36), ("pcr", 60), ("sst-formateur", 36), ("habilitation-grue", 24),
]
DOSSIER_TITLES = [
    "Titre pro Développeur web (CPF)", "CACES R489 (CPF)", "Anglais professionnel TOEIC (CPF)",
    "Créer et gérer son entreprise (CPF)", "Permis C (CPF)", "Bureautique TOSA (CPF)",
]
CUSTOM_TRAININGS = [  # (id, title, valid_for spelling, months)
    ("travail-hauteur", "Travail en hauteur et port du harnais", "3 ans", 36),
    ("gestes-postures", "Gestes et postures (PRAP)", "24 mois", 24),
    ("haccp", "Hygiène alimentaire (HACCP)", "5 years", 60),
    ("atex", "Sensibilisation ATEX niveau 1", "3 years", 36),
    ("amiante", "Prévention du risque amiante (sous-section 4)", "3 ans", 36),
    ("epi-incendie", "Équipier de première intervention", "12 mois", 12),
]
COMPANIES = ["transports-durand", "logistique-ouest", "batiplus", "agri-services",
             "securite-lyonnaise", "elec-maintenance"]

# Overrides, French and English spellings (SPEC §4).
SESSION_REMINDS = [
    ["-1 semaine", "-1 jour", "-3 heures"],
    ["-48h", "-90 minutes"],
    ["-1 day", "-1 hour"],
    ["-2 jours ouvrés", "-2h"],
    ["-3 jours", "-30 min"],
]
DEADLINE_REMINDS = [
    ["-1 mois", "-10 jours ouvrés", "+0d"],
    ["-2 semaines", "-3 jours", "0 jour"],
    ["-1 month", "-1 week", "+0d"],
    ["-7d", "-2d"],
    ["-2 mois", "-14d", "+0d"],
    ["-5 workdays", "-1 workday"],
    ["-21 jours", "-1 jour ouvré", "+0 jours"],
]
RENEWAL_REMINDS = [
    ["-4 mois", "-2 mois", "-14d"],
    ["-6 months", "-3 months", "-1 month"],
    ["-120 jours", "-60 jours", "-30 jours"],
    ["-1 an", "-3 mois"],
    ["-13 semaines", "-4 semaines", "-1 semaine"],
]
FOLLOW_UPS = [
    '{ every = "1 semaine", count = 2 }',
    '{ every = "1 mois", count = 2, to = ["person", "consultant"] }',
    '{ every = "14 jours", count = 4 }',
    '{ every = "3 workdays", count = 3, to = ["consultant"] }',
    '{ every = "2 weeks", count = 1 }',
    "false",
]
REMIND_AT = ["08:00", "08:30", "10:00", "13:30", "14:00", "17:30"]

# --------------------------------------------------------------------------
# Calendar helpers (the generator's own, only to place dates sensibly).


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_HOLIDAYS: dict[tuple[int, str], set[dt.date]] = {}


def holidays(year: int, kind: str) -> set[dt.date]:
    key = (year, kind)
    if key not in _HOLIDAYS:
        e = easter(year)
        days = {dt.date(year, 1, 1), e + dt.timedelta(days=1), dt.date(year, 5, 1), dt.date(year, 5, 8),
                e + dt.timedelta(days=39), e + dt.timedelta(days=50), dt.date(year, 7, 14),
                dt.date(year, 8, 15), dt.date(year, 11, 1), dt.date(year, 11, 11), dt.date(year, 12, 25)}
        if kind == "alsace-moselle":
            days |= {e - dt.timedelta(days=2), dt.date(year, 12, 26)}
        _HOLIDAYS[key] = days
    return _HOLIDAYS[key]


def working(day: dt.date, kind: str) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year, kind)


def next_working(day: dt.date, kind: str) -> dt.date:
    while not working(day, kind):
        day += dt.timedelta(days=1)
    return day


def add_working_days(day: dt.date, count: int, kind: str) -> dt.date:
    while count > 0:
        day += dt.timedelta(days=1)
        if working(day, kind):
            count -= 1
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


PARIS = ZoneInfo("Europe/Paris")
_ZONES: dict[str, ZoneInfo] = {}


def zone(name: str) -> ZoneInfo:
    if name not in _ZONES:
        _ZONES[name] = ZoneInfo(name)
    return _ZONES[name]


def fmt_offset(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h:02d}:{m:02d}"


# --------------------------------------------------------------------------
# TOML writing.


def toml_str(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_list(values: list[str]) -> str:
    return "[" + ", ".join(toml_str(v) for v in values) + "]"


def ascii_slug(text: str) -> str:
    """Lowercase a-z0-9 words joined by '-' ("Lefèvre" → "lefevre", "N'Diaye" → "n-diaye")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("æ", "ae"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words, word = [], []
    for c in plain:
        if "a" <= c <= "z" or "0" <= c <= "9":
            word.append(c)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return "-".join(words)


# --------------------------------------------------------------------------
# People.


class Item:
    """One [[session]], [[deadline]] or [[training]], as ordered key/value lines."""

    def __init__(self, section: str, comment: str | None = None):
        self.section = section
        self.comment = comment
        self.lines: list[tuple[str, str]] = []

    def set(self, key: str, value: str) -> "Item":
        self.lines.append((key, value))
        return self

    def render(self) -> str:
        out = []
        if self.comment:
            out.append(f"# {self.comment}")
        out.append(f"[[{self.section}]]")
        width = max(len(k) for k, _ in self.lines)
        for key, value in self.lines:
            out.append(f"{key.ljust(width)} = {value}")
        return "\n".join(out) + "\n"


class PersonBuilder:
    def __init__(self, rng: random.Random, start: dt.date, index: int, consultants: list[str],
                 rules: bool = False):
        self.rules = rules
        self.rng = rng
        self.start = start
        self.index = index
        self.consultants = consultants
        self.items: list[Item] = []
        self.item_ids: set[str] = set()
        self.header: list[tuple[str, str]] = []

    # -- random helpers
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        r = self.rng.randrange(total)
        for value, w in pairs:
            if r < w:
                return value
            r -= w
        raise AssertionError

    def day(self, lo: int, hi: int) -> dt.date:
        """A day between start+lo and start+hi (inclusive)."""
        return self.start + dt.timedelta(days=self.rng.randint(lo, hi))

    def unique_id(self, stem: str) -> str:
        stem = stem[:60]
        candidate, n = stem, 2
        while candidate in self.item_ids or candidate == "suivi":
            candidate = f"{stem}-{n}"
            n += 1
        self.item_ids.add(candidate)
        return candidate

    # -- time formatting
    def session_time(self) -> tuple[int, int]:
        return self.pick([(9, 0), (9, 30), (10, 0), (11, 0), (14, 0), (14, 30), (16, 0), (17, 30)])

    def at_value(self, day: dt.date, hm: tuple[int, int]) -> str:
        """A session's `at`: local to the person, or, sometimes, fixed from Paris with an offset."""
        h, m = hm
        local = dt.datetime(day.year, day.month, day.day, h, m)
        if self.zone_name != "Europe/Paris" and self.chance(0.4):
            # Booked by the consultant in Paris: written in Paris time with Paris's offset.
            instant = local.replace(tzinfo=zone(self.zone_name))
            paris = instant.astimezone(PARIS)
            return paris.strftime("%Y-%m-%dT%H:%M:%S") + fmt_offset(paris.utcoffset())
        if self.zone_name == "Europe/Paris" and self.chance(0.05):
            aware = local.replace(tzinfo=PARIS)
            return local.strftime("%Y-%m-%dT%H:%M:%S") + fmt_offset(aware.utcoffset())
        return local.strftime("%Y-%m-%dT%H:%M:%S")

    # -- items
    def session(self, sid: str, day: dt.date, phase: str | None, title: str | None, *, past_done: bool = True,
                duration: str | None = None, comment: str | None = None) -> None:
        day = next_working(day, self.holiday_kind)
        it = Item("session", comment)
        it.set("id", toml_str(self.unique_id(sid)))
        it.set("at", self.at_value(day, self.session_time()))
        if phase:
            it.set("phase", toml_str(phase))
        if title:
            it.set("title", toml_str(title))
        if duration:
            it.set("duration", toml_str(duration))
        if self.chance(0.8):
            it.set("place", toml_str(self.place()))
        if self.chance(0.06):
            it.set("remind", toml_list(self.pick(SESSION_REMINDS)))
        if self.chance(0.03):
            it.set("on_non_working", toml_str(self.pick(["before", "after"])))
        if self.chance(0.02) and self.consultant:
            it.set("to", toml_list(["consultant"]))
        if day < self.start and past_done and self.chance(0.9):
            it.set("done", "true")
        self.items.append(it)

    def place(self) -> str:
        if self.zone_name != "Europe/Paris" or self.chance(0.35):
            who = self.consultant or "accueil"
            return f"Visio : https://visio.horizon.example/{who}"
        return self.pick(PLACES_PARIS)

    def deadline(self, stem: str, title: str, day: dt.date, *, comment: str | None = None,
                 extra: list[tuple[str, str]] | None = None, allow_overrides: bool = True) -> None:
        it = Item("deadline", comment)
        it.set("id", toml_str(self.unique_id(stem)))
        it.set("title", toml_str(title))
        if self.chance(0.15):
            hm = self.pick(["12:00:00", "17:00:00", "18:00:00", "23:00:00"])
            if self.chance(0.2):
                local = dt.datetime.fromisoformat(f"{day.isoformat()}T{hm}").replace(tzinfo=zone(self.zone_name))
                it.set("due", f"{day.isoformat()}T{hm}{fmt_offset(local.utcoffset())}")
            else:
                it.set("due", f"{day.isoformat()}T{hm}")
        else:
            it.set("due", day.isoformat())
        for key, value in extra or []:
            it.set(key, value)
        if allow_overrides:
            if self.chance(0.12):
                it.set("remind", toml_list(self.pick(DEADLINE_REMINDS)))
            if self.chance(0.08):
                fu = self.pick(FOLLOW_UPS)
                if "consultant" in fu and not self.consultant:
                    fu = "false"
                it.set("follow_up", fu)
            if self.chance(0.06):
                it.set("on_non_working", toml_str(self.pick(["keep", "before", "after"])))
            if self.chance(0.04) and self.consultant:
                it.set("to", toml_list(["person", "consultant"]))
        if day < self.start and self.chance(0.7):
            it.set("done", "true")
        elif self.chance(0.04):
            it.set("done", self.pick(["true", (self.start - dt.timedelta(days=self.rng.randint(1, 20))).isoformat()]))
        self.items.append(it)

    def training(self) -> None:
        it = Item("training")
        if self.chance(0.8):
            kind, months = self.pick(RULES_CATALOG if self.rules else CATALOG)
            it.set("id", toml_str(self.unique_id(kind)))
            it.set("kind", toml_str(kind))
            if kind in CATALOG_TITLES and self.chance(0.5):
                it.set("title", toml_str(self.pick(CATALOG_TITLES[kind])))
            valid_for = None
            if self.chance(0.08):
                valid_for, months = self.pick([("24 mois", 24), ("2 years", 24), ("3 ans", 36), ("5 ans", 60)])
        else:
            tid, title, valid_for, months = self.pick(CUSTOM_TRAININGS)
            it.set("id", toml_str(self.unique_id(tid)))
            it.set("title", toml_str(title))
        # Expiry spread evenly from a little before the window to one validity after its start.
        expiry = self.day(-45, months * 30)
        if self.chance(0.2) and valid_for is None:
            it.set("expires", expiry.isoformat())
        else:
            obtained = add_months(expiry, -months)
            if obtained >= self.start:
                obtained = self.start - dt.timedelta(days=self.rng.randint(1, 30))
            it.set("obtained", obtained.isoformat())
            if valid_for:
                it.set("valid_for", toml_str(valid_for))
        if self.chance(0.12):
            it.set("remind", toml_list(self.pick(RENEWAL_REMINDS)))
        if self.chance(0.06):
            fu = self.pick(FOLLOW_UPS)
            if "consultant" in fu and not self.consultant:
                fu = "false"
            it.set("follow_up", fu)
        if self.chance(0.15):
            it.set("on_non_working", toml_str(self.pick(["before", "after"])))
        if self.chance(0.05):
            it.set("to", toml_list(["person", f"rh@{self.pick(COMPANIES)}.example"]))
        if self.chance(0.03):
            it.set("done", "true")
        self.items.append(it)

    # -- profiles
    def bilan_sessions(self, begin: dt.date, *, past_done: bool = True) -> dt.date:
        """Préliminaire, 1–4 investigation sessions, conclusion; returns the conclusion's day."""
        day = begin
        self.session("preliminaire", day, "preliminaire", "Entretien préliminaire", past_done=past_done,
                     duration=self.pick(["2h", "90 minutes", "2 heures"]))
        topics = list(INVESTIGATION_TOPICS)
        self.rng.shuffle(topics)
        count = self.rng.randint(1, 4)
        for k in range(1, count + 1):
            day = next_working(day + dt.timedelta(days=self.rng.randint(8, 21)), self.holiday_kind)
            self.session(f"investigation-{k}" if count > 1 else "investigation", day, "investigation",
                         f"Investigation : {topics[k - 1]}", past_done=past_done,
                         duration=self.pick(["3h", "3 heures", "2h", "150 min"]))
        day = next_working(day + dt.timedelta(days=self.rng.randint(8, 21)), self.holiday_kind)
        self.session("conclusion", day, "conclusion",
                     self.pick(["Entretien de conclusion et remise de la synthèse",
                                "Remise du document de synthèse", None]),
                     past_done=past_done, duration="2h")
        return day

    def profile_bilan(self) -> str:
        begin = self.day(-80, 290)
        conclusion = self.bilan_sessions(begin)
        for stem, title in self.rng.sample(BILAN_DEADLINES, self.rng.randint(0, 2)):
            due = begin + dt.timedelta(days=self.rng.randint(7, max(8, (conclusion - begin).days)))
            self.deadline(stem, title, due)
        if self.chance(0.45):
            stem, title = self.pick(ROADMAP_DEADLINES)
            due = conclusion + dt.timedelta(days=self.rng.randint(30, 200))
            self.deadline(stem, title.format(metier=self.pick(METIERS), formation=self.pick(FORMATIONS)), due)
        return "bilan de compétences en cours"

    def profile_feuille(self) -> str:
        conclusion = self.day(-270, -3)
        begin = conclusion - dt.timedelta(days=self.rng.randint(40, 90))
        self.bilan_sessions(begin)
        if self.chance(0.15):
            self.session("entretien-suivi", add_months(conclusion, 6), "suivi", "Entretien de suivi à six mois",
                         duration="1h", comment="Entretien de suivi fixé d'avance")
        count = self.rng.randint(2, 5)
        metier, formation = self.pick(METIERS), self.pick(FORMATIONS)
        for stem, title in self.rng.sample(ROADMAP_DEADLINES, count):
            due = conclusion + dt.timedelta(days=self.rng.randint(20, 540))
            self.deadline(stem, title.format(metier=metier, formation=formation), due)
        if self.consultant and self.chance(0.5):
            self.deadline("destruction-documents",
                          "Détruire les documents du bilan (consentement de conservation d'un an, R6313-7)",
                          add_months(conclusion, 12), allow_overrides=False,
                          extra=[("to", toml_list(["consultant"])), ("follow_up", "false")])
        return "bilan terminé : feuille de route"

    def profile_recyclage(self) -> str:
        for _ in range(self.weighted([(1, 30), (2, 35), (3, 25), (4, 10)])):
            self.training()
        if self.chance(0.8):
            self.session("point-annuel", self.day(0, 364), "accompagnement", "Point annuel sur le plan de formation",
                         duration="1h")
        return "recyclages obligatoires"

    def profile_accompagnement(self) -> str:
        creation = self.chance(0.35)
        begin = self.day(-120, 200)
        sessions = self.rng.randint(3, 9)
        every = self.pick([14, 21, 28, 30, 42])
        topics = ACCOMPAGNEMENT_TOPICS
        day = begin
        for k in range(1, sessions + 1):
            self.session(f"point-{k}", day, "accompagnement", f"Point d'étape : {self.pick(topics)}", duration="1h")
            day = day + dt.timedelta(days=every + self.rng.randint(-3, 3))
        pool = CREATION_DEADLINES if creation else ROADMAP_DEADLINES
        entreprise, metier, formation = self.pick(ENTREPRISES), self.pick(METIERS), self.pick(FORMATIONS)
        for stem, title in self.rng.sample(pool, self.rng.randint(1, 3)):
            due = begin + dt.timedelta(days=self.rng.randint(15, 300))
            self.deadline(stem, title.format(entreprise=entreprise, metier=metier, formation=formation), due)
        return "accompagnement à la création d'entreprise" if creation else "accompagnement vers l'emploi"

    # -- with --rules
    def dossier(self) -> None:
        it = Item("dossier")
        it.set("id", toml_str(self.unique_id("cpf")))
        it.set("title", toml_str(self.pick(DOSSIER_TITLES)))
        it.set("funding", toml_str("cpf"))
        requested = self.day(-60, 300)
        proposed = next_working(requested + dt.timedelta(days=self.rng.randint(1, 4)), self.holiday_kind)
        # At least the 11 jours ouvrés the rules ask between the proposal and the start.
        start = next_working(add_working_days(proposed, 11, self.holiday_kind)
                             + dt.timedelta(days=self.rng.randint(0, 30)), self.holiday_kind)
        end = start + dt.timedelta(days=self.rng.randint(20, 150))
        # The dossier has reached a stage: requested only, proposed, started, or finished.
        stage = self.weighted([(1, 20), (2, 20), (3, 30), (4, 30)])
        for key, day in list(zip(("requested", "proposed", "start", "end"), (requested, proposed, start, end)))[:stage]:
            it.set(key, day.isoformat())
        if stage >= 3 and self.chance(0.5):
            it.set("done", toml_list(["answer"]))
        if self.chance(0.1):
            it.set("remind", toml_list(["+0d"]))
        self.items.append(it)

    def rules_items(self, profile: str) -> list[tuple[str, str]]:
        """The dossiers and the bilan's end keys: items go to self.items, person keys are returned."""
        keys: list[tuple[str, str]] = []
        if profile in ("accompagnement", "feuille") and self.consultant:
            for _ in range(self.weighted([(0, 30), (1, 55), (2, 15)])):
                self.dossier()
        if profile in ("bilan", "feuille"):
            if self.chance(0.4):
                keys.append(("retention_consent", "true" if self.chance(0.5) else "false"))
            if self.chance(0.2):
                keys.append(("funding", toml_str("employeur")))
                keys.append(("agreement_sent", self.day(-60, 120).isoformat()))
        return keys

    # -- the whole person
    def build(self, used_ids: set[str]) -> tuple[str, str]:
        rng = self.rng
        self.zone_name = self.weighted(ZONES)
        first = self.pick(FIRST_NAMES)
        if self.zone_name in OVERSEAS_LAST_NAMES and self.chance(0.7):
            last = self.pick(OVERSEAS_LAST_NAMES[self.zone_name])
        else:
            last = self.pick(LAST_NAMES)
        name = f"{first} {last}"
        base = ascii_slug(name)
        pid, n = base, 2
        while pid in used_ids:
            pid = f"{base}-{n}"
            n += 1
        used_ids.add(pid)
        self.consultant = self.pick(self.consultants) if self.chance(0.9) else None
        self.holiday_kind = "metropole"
        if self.zone_name == "Europe/Paris" and self.chance(0.06):
            self.holiday_kind = "alsace-moselle"

        header: list[tuple[str, str]] = [("id", toml_str(pid)), ("name", toml_str(name))]
        if self.chance(0.95):
            local = ascii_slug(first).replace("-", "") + "." + ascii_slug(last).replace("-", "")
            if pid != base:
                local += pid[len(base) + 1:]
            header.append(("email", toml_str(f"{local}@{self.pick(DOMAINS)}")))
        if self.consultant:
            header.append(("consultant", toml_str(self.consultant)))
        if self.zone_name != "Europe/Paris":
            header.append(("timezone", toml_str(self.zone_name)))
        if self.holiday_kind != "metropole":
            header.append(("holidays", toml_str(self.holiday_kind)))
        if self.chance(0.08):
            header.append(("remind_at", toml_str(self.pick(REMIND_AT))))

        profile = self.weighted(PROFILE_WEIGHTS)
        description = getattr(self, f"profile_{profile}")()
        if profile in ("bilan", "feuille") and self.chance(0.03):
            header.append(("suivi", "false"))
        if self.rules:
            header += self.rules_items(profile)

        out = [f"# {name} — {description}."]
        width = max(len(k) for k, _ in header)
        out += [f"{k.ljust(width)} = {v}" for k, v in header]
        text = "\n".join(out) + "\n"
        for it in self.items:
            text += "\n" + it.render()
        return pid, text


# --------------------------------------------------------------------------
# Settings.


def consultant_entries(n_people: int) -> list[tuple[str, str, str]]:
    """(id, name, email): 3 consultants for up to 1,000 people, one more per 1,000 beyond, at most 24."""
    count = max(3, min(len(CONSULTANTS), 2 + (n_people + 999) // 1000))
    result = []
    for first, last in CONSULTANTS[:count]:
        cid = ascii_slug(first)
        email = f"{ascii_slug(first)}.{ascii_slug(last).replace('-', '')}@horizon.example"
        result.append((cid, f"{first} {last}", email))
    return result


def settings_text(consultants: list[tuple[str, str, str]], seed: str, n_people: int, start: dt.date,
                  rules: bool = False) -> str:
    lines = [
        f"# Réglages de jalon générés par generate-people.py (graine {seed}, {n_people} personnes,",
        f"# fenêtre à partir du {start.isoformat()}). Les politiques sont celles par défaut de la SPEC, §2.",
        "",
        'timezone  = "Europe/Paris"',
        'locale    = "fr"',
        'holidays  = "metropole"',
        'remind_at = "09:00"',
        'catch_up  = "7d"',
        "",
        "[mail]",
        'from     = "Cabinet Horizon <suivi@horizon.example>"',
        'sendmail = "/usr/sbin/sendmail"',
        "enabled  = false",
    ]
    for cid, name, email in consultants:
        lines += ["", "[[consultant]]", f"id    = {toml_str(cid)}", f"name  = {toml_str(name)}",
                  f"email = {toml_str(email)}"]
    lines += [
        "",
        "[policy.session]",
        'remind = ["-2d", "-2h"]',
        'to     = ["person", "consultant"]',
        "",
        "[policy.deadline]",
        'remind    = ["-14d", "-3d", "+0d"]',
        'to        = ["person"]',
        'follow_up = { every = "7d", count = 3, to = ["person", "consultant"] }',
        "",
        "[policy.renewal]",
        'remind    = ["-90d", "-30d", "-7d"]',
        'to        = ["person"]',
        'follow_up = { every = "14d", count = 2, to = ["person", "consultant"] }',
        "",
        "[policy.suivi]",
        'after  = "6 months"',
        'remind = ["-14d", "+0d"]',
        'to     = ["consultant"]',
    ]
    if rules:
        lines += [
            "",
            "[policy.retention]",
            "enabled = true",
            "",
            "[policy.evaluation]",
            "enabled = true",
            'after   = "6 mois"',
            "",
            "[[catalog]]",
            'kind     = "habilitation-grue"',
            'title    = "Habilitation grue (interne)"',
            'validity = "2 years"',
            'window   = { opens = "-2 months", closes = "-2 weeks" }',
            'source   = "Règlement intérieur"',
            "checked  = 2026-11-30",
        ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------


def write_file(path: str, text: str) -> None:
    data = text.encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.fchmod(fd, 0o644)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    finally:
        os.close(fd)


def make_dir(path: str) -> None:
    os.makedirs(path, exist_ok=True)
    os.chmod(path, 0o755)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, required=True, metavar="N", help="how many person files")
    parser.add_argument("--seed", required=True, metavar="S", help="random seed (any string)")
    parser.add_argument("--out", required=True, metavar="DIR", help="configuration directory to write")
    parser.add_argument("--start", default="2026-12-01", metavar="DATE",
                        help="first day of the benchmark window (default 2026-12-01)")
    parser.add_argument("--rules", action="store_true",
                        help="add CPF dossiers, the bilan's end and the newer catalogue kinds")
    parser.add_argument("--force", action="store_true",
                        help="replace DIR/jalon.toml and DIR/people/ when they exist")
    args = parser.parse_args(argv)
    if args.people < 0:
        parser.error("--people must not be negative")
    try:
        start = dt.date.fromisoformat(args.start)
    except ValueError:
        parser.error(f"--start {args.start!r} is not a date like 2026-12-01")

    out = args.out
    settings_path = os.path.join(out, "jalon.toml")
    people_root = os.path.join(out, "people")
    if os.path.lexists(settings_path) or os.path.lexists(people_root):
        if not args.force:
            print(f"generate-people.py: {out} already holds jalon.toml or people/; use --force to replace them",
                  file=sys.stderr)
            return 1
        if os.path.lexists(people_root):
            shutil.rmtree(people_root)
        if os.path.lexists(settings_path):
            os.unlink(settings_path)
    make_dir(out)
    make_dir(people_root)

    seed = str(args.seed)
    consultants = consultant_entries(args.people)
    write_file(settings_path, settings_text(consultants, seed, args.people, start, args.rules))
    consultant_ids = [c[0] for c in consultants]

    width = max(3, len(str(max(0, args.people - 1) // 1000)))
    used_ids: set[str] = set()
    current_bucket = None
    for index in range(args.people):
        rng = random.Random(f"jalon-people:{seed}:{index}")
        pid, text = PersonBuilder(rng, start, index, consultant_ids, args.rules).build(used_ids)
        bucket = f"{index // 1000:0{width}d}"
        folder = os.path.join(people_root, bucket)
        if bucket != current_bucket:
            make_dir(folder)
            current_bucket = bucket
        write_file(os.path.join(folder, pid + ".toml"), text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
