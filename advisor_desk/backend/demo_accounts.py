"""Demo staff accounts created by `advisor-desk db seed`; they all share DEMO_PASSWORD."""

from __future__ import annotations

from typing import NamedTuple

from advisor_desk.domain.enums import Role

# Public on purpose: a demo database only. A real deployment creates its own accounts.
DEMO_PASSWORD = "demo-cpam-2026"


class DemoAccount(NamedTuple):
    login: str
    full_name: str
    role: Role
    office_code: str
    team: str | None


# The first six are the documented ones (README, `--demo-login`); the others staff the offices
# so that schedules, queues and supervision screens look like a real CPAM.
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("conseiller", "Camille Durand", Role.COUNTER, "LYO3", "Accueil Lyon Centre"),
    DemoAccount("conseiller2", "Julien Moreau", Role.COUNTER, "VIL", "Accueil Est lyonnais"),
    DemoAccount("agent", "Sophie Lefèvre", Role.BACKOFFICE, "LYO3", "Courriels assurés"),
    DemoAccount("agent2", "Karim Benali", Role.BACKOFFICE, "LYO8", "Démarches et prestations"),
    DemoAccount("superviseur", "Nathalie Girard", Role.SUPERVISOR, "LYO3", "Accueil Lyon Centre"),
    DemoAccount("admin", "Olivier Mercier", Role.ADMIN, "LYO3", None),
    DemoAccount("a.diallo", "Agnès Diallo", Role.COUNTER, "LYO3", "Accueil Lyon Centre"),
    DemoAccount("d.nguyen", "David Nguyen", Role.COUNTER, "LYO3", "Accueil Lyon Centre"),
    DemoAccount("b.marchand", "Bruno Marchand", Role.COUNTER, "LYO8", "Accueil Lyon Centre"),
    DemoAccount("l.esposito", "Loïc Esposito", Role.COUNTER, "LYO8", "Accueil Lyon Centre"),
    DemoAccount("a.revol", "Aurélie Revol", Role.COUNTER, "VIL", "Accueil Est lyonnais"),
    DemoAccount("l.masson", "Léa Masson", Role.COUNTER, "VIL", "Accueil Est lyonnais"),
    DemoAccount("m.rousseau", "Marion Rousseau", Role.COUNTER, "VEN", "Accueil Est lyonnais"),
    DemoAccount("l.tissot", "Laura Tissot", Role.COUNTER, "VEN", "Accueil Est lyonnais"),
    DemoAccount("a.vincent", "Agnès Vincent", Role.COUNTER, "VAU", "Accueil Est lyonnais"),
    DemoAccount("e.girard", "Élodie Girard", Role.COUNTER, "VAU", "Accueil Est lyonnais"),
    DemoAccount("c.picard", "Camille Picard", Role.COUNTER, "BRO", "Accueil Est lyonnais"),
    DemoAccount("y.roux", "Yannick Roux", Role.COUNTER, "BRO", "Accueil Est lyonnais"),
    DemoAccount("i.perret", "Isabelle Perret", Role.COUNTER, "VFS", "Accueil Nord et Sud"),
    DemoAccount("s.ferreira", "Sarah Ferreira", Role.COUNTER, "VFS", "Accueil Nord et Sud"),
    DemoAccount("a.gauthier", "Aurélie Gauthier", Role.COUNTER, "GIV", "Accueil Nord et Sud"),
    DemoAccount("p.meunier", "Pierre Meunier", Role.COUNTER, "GIV", "Accueil Nord et Sud"),
    DemoAccount("i.vial", "Inès Vial", Role.COUNTER, "OUL", "Accueil Lyon Centre"),
    DemoAccount("h.giraud", "Hélène Giraud", Role.COUNTER, "OUL", "Accueil Lyon Centre"),
    DemoAccount("e.bouvier", "Élodie Bouvier", Role.COUNTER, "TAR", "Accueil Nord et Sud"),
    DemoAccount("a.perrin", "Aurélie Perrin", Role.COUNTER, "SPR", "Accueil Est lyonnais"),
    DemoAccount("v.guerin", "Valérie Guérin", Role.COUNTER, "SPR", "Accueil Est lyonnais"),
    DemoAccount("c.robin", "Chloé Robin", Role.COUNTER, "CAL", "Accueil Lyon Centre"),
    DemoAccount("m.boyer", "Mehdi Boyer", Role.COUNTER, "CAL", "Accueil Lyon Centre"),
    DemoAccount("h.barbier", "Hugo Barbier", Role.BACKOFFICE, "LYO3", "Courriels assurés"),
    DemoAccount(
        "f.chevalier", "Fatima Chevalier", Role.BACKOFFICE, "LYO3", "Démarches et prestations"
    ),
    DemoAccount("s.arnaud", "Sarah Arnaud", Role.BACKOFFICE, "LYO3", "Courriels assurés"),
    DemoAccount("m.haddad", "Marion Haddad", Role.BACKOFFICE, "LYO3", "Démarches et prestations"),
    DemoAccount("f.legrand", "Fatima Legrand", Role.BACKOFFICE, "LYO3", "Courriels assurés"),
    DemoAccount("c.colin", "Camille Colin", Role.BACKOFFICE, "LYO3", "Démarches et prestations"),
    DemoAccount("s.garnier", "Samir Garnier", Role.BACKOFFICE, "LYO8", "Courriels assurés"),
    DemoAccount("e.lopez", "Élodie Lopez", Role.BACKOFFICE, "LYO8", "Démarches et prestations"),
    DemoAccount("s.faure", "Sébastien Faure", Role.BACKOFFICE, "LYO8", "Courriels assurés"),
    DemoAccount(
        "c.fontaine", "Cédric Fontaine", Role.BACKOFFICE, "LYO8", "Démarches et prestations"
    ),
    DemoAccount("a.clement", "Antoine Clément", Role.BACKOFFICE, "LYO8", "Courriels assurés"),
    DemoAccount("v.picard", "Valérie Picard", Role.BACKOFFICE, "LYO3", "Démarches et prestations"),
    DemoAccount("e.lambert", "Élodie Lambert", Role.SUPERVISOR, "VIL", "Accueil Est lyonnais"),
    DemoAccount("c.jacquet", "Chloé Jacquet", Role.SUPERVISOR, "VFS", "Accueil Nord et Sud"),
    DemoAccount("s.morel", "Sophie Morel", Role.SUPERVISOR, "LYO8", "Démarches et prestations"),
    DemoAccount("r.dumas", "Romain Dumas", Role.SUPERVISOR, "LYO3", "Courriels assurés"),
    DemoAccount("c.brun", "Claire Brun", Role.ADMIN, "LYO3", None),
)
