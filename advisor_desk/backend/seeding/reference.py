"""The fixed part of a demo seed: offices, teams, staff, professionals, insurers, agendas, templates."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher

from advisor_desk.backend.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from advisor_desk.backend.orm.professionals import search_key
from advisor_desk.domain.calendar import is_business_day
from advisor_desk.domain.enums import AppointmentChannel, MailTheme, Role, Sector

from . import data, establishments

PARIS = ZoneInfo("Europe/Paris")
AGENDA_PAST_DAYS = 180
AGENDA_FUTURE_DAYS = 45
SLOT_MINUTES = 30

# (code, name, address, postcode, city, lat, lon, phone, step-free, parking, counter, loop)
OFFICES: tuple[tuple[str, str, str, str, str, float, float, str, bool, bool, bool, bool], ...] = (
    (
        "LYO3",
        "Lyon 3e – Part-Dieu",
        "276 cours Émile Zola",
        "69003",
        "Lyon",
        45.7606,
        4.8601,
        "04 72 60 15 15",
        True,
        True,
        True,
        True,
    ),
    (
        "LYO8",
        "Lyon 8e – États-Unis",
        "64 boulevard des États-Unis",
        "69008",
        "Lyon",
        45.7353,
        4.8664,
        "04 72 78 31 20",
        True,
        False,
        True,
        True,
    ),
    (
        "VIL",
        "Villeurbanne – Gratte-Ciel",
        "12 avenue Henri Barbusse",
        "69100",
        "Villeurbanne",
        45.7665,
        4.8797,
        "04 78 84 42 10",
        True,
        True,
        True,
        False,
    ),
    (
        "VEN",
        "Vénissieux – Centre",
        "5 avenue Marcel Houël",
        "69200",
        "Vénissieux",
        45.6976,
        4.8866,
        "04 72 89 56 30",
        True,
        True,
        False,
        False,
    ),
    (
        "VAU",
        "Vaulx-en-Velin – Mas du Taureau",
        "3 avenue Georges Dimitrov",
        "69120",
        "Vaulx-en-Velin",
        45.7786,
        4.9206,
        "04 72 37 81 40",
        False,
        True,
        True,
        False,
    ),
    (
        "BRO",
        "Bron – Parilly",
        "22 avenue Franklin Roosevelt",
        "69500",
        "Bron",
        45.7386,
        4.9131,
        "04 78 26 47 50",
        True,
        False,
        False,
        True,
    ),
    (
        "VFS",
        "Villefranche-sur-Saône",
        "235 rue Nationale",
        "69400",
        "Villefranche-sur-Saône",
        45.9897,
        4.7186,
        "04 74 65 12 60",
        True,
        True,
        True,
        True,
    ),
    (
        "GIV",
        "Givors",
        "18 rue Joseph Faure",
        "69700",
        "Givors",
        45.5906,
        4.7692,
        "04 78 73 23 70",
        False,
        False,
        True,
        False,
    ),
    (
        "OUL",
        "Oullins – Grande Rue",
        "41 Grande Rue",
        "69600",
        "Oullins",
        45.7144,
        4.8075,
        "04 78 51 38 80",
        True,
        False,
        True,
        False,
    ),
    (
        "TAR",
        "Tarare",
        "10 boulevard Garibaldi",
        "69170",
        "Tarare",
        45.8966,
        4.4333,
        "04 74 63 09 90",
        False,
        True,
        False,
        False,
    ),
    (
        "SPR",
        "Saint-Priest – Centre",
        "3 rue Aristide Briand",
        "69800",
        "Saint-Priest",
        45.6956,
        4.9439,
        "04 78 20 61 05",
        True,
        True,
        True,
        False,
    ),
    (
        "CAL",
        "Caluire-et-Cuire – Montessuy",
        "31 avenue du Général de Gaulle",
        "69300",
        "Caluire-et-Cuire",
        45.7953,
        4.8469,
        "04 72 27 74 15",
        True,
        False,
        True,
        True,
    ),
)

# (team name, office code or None)
TEAMS: tuple[tuple[str, str | None], ...] = (
    ("Accueil Lyon Centre", "LYO3"),
    ("Accueil Est lyonnais", "VIL"),
    ("Accueil Nord et Sud", "VFS"),
    ("Courriels assurés", "LYO3"),
    ("Démarches et prestations", "LYO8"),
)

# (AMC number, name) — organismes complémentaires receiving NOEMIE flows.
INSURERS: tuple[tuple[str, str], ...] = (
    ("775685399", "MGEN"),
    ("538518473", "Harmonie Mutuelle"),
    ("775691181", "Malakoff Humanis"),
    ("333232270", "AG2R La Mondiale"),
    ("343115135", "Groupama Rhône-Alpes Auvergne"),
    ("779558501", "MAAF Santé"),
    ("779558502", "Macif Mutualité"),
    ("775659923", "Apivia Mutuelle"),
    ("775685340", "La Mutuelle Générale"),
    ("775606361", "MNH – Mutuelle Nationale des Hospitaliers"),
    ("322215021", "Swiss Life Prévoyance et Santé"),
    ("306536780", "AXA France Vie"),
    ("301180064", "Allianz Vie"),
    ("428702419", "April Santé Prévoyance"),
    ("779312537", "Mutuelle de France Unie – Rhône"),
    ("784621468", "Alptis Santé"),
)

# (specialty label, count, kind); kind drives which care lines use them.
PROFESSIONAL_SPECIALTIES: tuple[tuple[str, int, str], ...] = (
    ("Médecine générale", 620, "gp"),
    ("Cardiologie", 40, "spec"),
    ("Dermatologie", 30, "spec"),
    ("Ophtalmologie", 40, "spec"),
    ("Gynécologie médicale", 35, "spec"),
    ("Pédiatrie", 35, "spec"),
    ("Psychiatrie", 40, "spec"),
    ("Rhumatologie", 20, "spec"),
    ("Oto-rhino-laryngologie", 20, "spec"),
    ("Gastro-entérologie", 20, "spec"),
    ("Endocrinologie", 15, "spec"),
    ("Pneumologie", 15, "spec"),
    ("Radiologie", 50, "imaging"),
    ("Pharmacie", 330, "pharmacy"),
    ("Infirmier", 300, "nurse"),
    ("Masseur-kinésithérapeute", 200, "physio"),
    ("Laboratoire de biologie médicale", 60, "lab"),
    ("Transport sanitaire", 60, "transport"),
    ("Chirurgien-dentiste", 150, "dental"),
    ("Opticien", 80, "optical"),
    ("Établissement de santé", 20, "hospital"),
)

HOSPITALS: tuple[str, ...] = (
    "Hôpital Édouard Herriot (HCL)",
    "Hôpital de la Croix-Rousse (HCL)",
    "Centre hospitalier Lyon Sud (HCL)",
    "Hôpital Femme Mère Enfant (HCL)",
    "Hôpital Louis Pradel (HCL)",
    "Centre Léon Bérard",
    "Hôpital privé Jean Mermoz",
    "Clinique de la Sauvegarde",
    "Médipôle Lyon-Villeurbanne",
    "Hôpital Nord-Ouest Villefranche",
    "Centre hospitalier de Givors",
    "Hôpital Saint Joseph Saint Luc",
    "Clinique du Tonkin",
    "Centre hospitalier Le Vinatier",
    "Hôpital privé de l'Est lyonnais",
    "Clinique Trénel",
    "Hôpital des Charpennes (HCL)",
    "Centre hospitalier de Tarare",
    "Clinique Charcot",
    "Hôpital Pierre Garraud (HCL)",
)

# (code, label, duration, channel, min delay hours, max delay days)
REASONS: tuple[tuple[str, str, int, AppointmentChannel, int, int], ...] = (
    ("DROITS_VITALE", "Droits et carte Vitale", 20, AppointmentChannel.OFFICE, 2, 30),
    (
        "ARRET_IJ",
        "Arrêt de travail et indemnités journalières",
        30,
        AppointmentChannel.OFFICE,
        24,
        30,
    ),
    ("CSS", "Complémentaire santé solidaire", 30, AppointmentChannel.OFFICE, 24, 45),
    (
        "AT_MP",
        "Accident du travail, maladie professionnelle",
        30,
        AppointmentChannel.OFFICE,
        24,
        30,
    ),
    ("INVALIDITE", "Invalidité", 30, AppointmentChannel.OFFICE, 48, 45),
    ("MATERNITE", "Maternité, paternité, naissance", 20, AppointmentChannel.OFFICE, 24, 30),
    ("REMBOURSEMENTS", "Remboursements de soins", 20, AppointmentChannel.OFFICE, 2, 30),
    (
        "CHANGEMENT",
        "Changement de situation (adresse, nom, famille)",
        20,
        AppointmentChannel.OFFICE,
        2,
        30,
    ),
    ("RAPPEL_TEL", "Rappel par téléphone", 15, AppointmentChannel.PHONE, 2, 15),
    ("VISIO", "Rendez-vous en visio", 20, AppointmentChannel.VIDEO, 24, 30),
)

# Office hours: the usual week, with local variations.
_STANDARD_DAY = ((time(8, 30), time(12, 0)), (time(13, 30), time(16, 30)))
_HOUR_VARIANTS: dict[str, dict[int, tuple[tuple[time, time], ...]]] = {
    # Wednesday afternoon closed in the smaller offices; Tarare opens two days only.
    "GIV": {2: ((time(8, 30), time(12, 0)),)},
    "TAR": {0: (), 2: (), 4: ()},
    "BRO": {2: ((time(8, 30), time(12, 0)),)},
    # Villefranche opens earlier; Part-Dieu stays open at lunch time.
    "VFS": {d: ((time(8, 0), time(12, 0)), (time(13, 30), time(16, 30))) for d in range(5)},
    "LYO3": {d: ((time(8, 30), time(16, 30)),) for d in range(5)},
}


def office_day_ranges(code: str, weekday: int) -> tuple[tuple[time, time], ...]:
    if weekday >= 5:
        return ()
    return _HOUR_VARIANTS.get(code, {}).get(weekday, _STANDARD_DAY)


THEME_SUBJECTS: dict[MailTheme, tuple[str, ...]] = {
    MailTheme.RIGHTS_VITALE: (
        "Carte Vitale non reçue",
        "Demande d'attestation de droits",
        "Photo refusée pour ma carte",
        "Mise à jour de ma carte Vitale",
        "Ajout de mon enfant sur ma carte",
    ),
    MailTheme.REIMBURSEMENTS: (
        "Remboursement non reçu",
        "Question sur un décompte",
        "Feuille de soins papier envoyée",
        "Montant remboursé incorrect",
        "Franchises prélevées",
    ),
    MailTheme.SICK_LEAVE: (
        "Indemnités journalières non versées",
        "Attestation d'indemnités journalières",
        "Prolongation d'arrêt de travail",
        "Reprise à temps partiel thérapeutique",
    ),
    MailTheme.CSS: (
        "Demande de Complémentaire santé solidaire",
        "Renouvellement CSS",
        "Participation CSS prélevée deux fois",
    ),
    MailTheme.WORK_ACCIDENT: (
        "Suivi de mon dossier accident du travail",
        "Contestation du taux d'IPP",
        "Rechute accident du travail",
    ),
    MailTheme.MATERNITY: (
        "Congé maternité : indemnités",
        "Déclaration de grossesse",
        "Congé paternité",
    ),
    MailTheme.ADDRESS_BANK: (
        "Changement d'adresse",
        "Nouveau RIB",
        "Changement de coordonnées bancaires",
    ),
    MailTheme.OTHER: ("Demande d'information", "Réclamation", "Prise de rendez-vous"),
}

# The knowledge base agents search while answering: (code, title, theme, keywords, body).
KNOWLEDGE_ARTICLES: tuple[tuple[str, str, MailTheme | None, str, str], ...] = (
    (
        "VITALE_PERDUE",
        "Carte Vitale perdue ou volée",
        MailTheme.RIGHTS_VITALE,
        "vitale, perte, vol, opposition, nouvelle carte",
        "La carte perdue ou volée est mise en opposition dès la déclaration (compte ameli, "
        "accueil ou téléphone) : elle ne peut plus être utilisée. Une nouvelle carte est "
        "commandée en même temps ; l'assuré fournit une photo et une pièce d'identité si elles "
        "ne sont pas déjà au dossier. Délai de fabrication : 2 à 3 semaines. En attendant, "
        "l'attestation de droits permet de se faire soigner (feuilles de soins papier).",
    ),
    (
        "VITALE_PHOTO_NORMES",
        "Photo de carte Vitale : les normes",
        MailTheme.RIGHTS_VITALE,
        "photo, vitale, normes, refus",
        "Photo d'identité récente, en couleur, de face, tête nue, fond clair et uni, sans "
        "reflet. Une photo scannée d'un document officiel est refusée. Les enfants de moins "
        "de 12 ans et les personnes de plus de 75 ans résidant en établissement en sont "
        "dispensés.",
    ),
    (
        "REMB_DELAIS",
        "Délais de remboursement",
        MailTheme.REIMBURSEMENTS,
        "remboursement, délai, feuille de soins, télétransmission",
        "Avec la carte Vitale (télétransmission), le remboursement est versé sous 5 jours "
        "ouvrés environ. Une feuille de soins papier est traitée en 30 jours environ après sa "
        "réception. Un remboursement absent après ces délais : vérifier que le professionnel "
        "a bien transmis la feuille et que le RIB du dossier est à jour.",
    ),
    (
        "PARTICIPATION_FRANCHISES",
        "Participation forfaitaire et franchises médicales",
        MailTheme.REIMBURSEMENTS,
        "participation forfaitaire, franchise, plafond, 50 euros",
        "La participation forfaitaire s'applique aux consultations et actes de biologie, les "
        "franchises aux médicaments, actes paramédicaux et transports. Chacune est plafonnée à "
        "50 € par an et par personne, avec des plafonds journaliers. Exonérés : moins de 18 "
        "ans, bénéficiaires de la CSS et de l'AME, femmes enceintes à partir du 6e mois. Les "
        "montants non déduits d'un remboursement peuvent être payés en ligne.",
    ),
    (
        "IJ_CALCUL",
        "Calcul des indemnités journalières maladie",
        MailTheme.SICK_LEAVE,
        "indemnités journalières, calcul, salaire, carence",
        "Après 3 jours de carence, l'indemnité journalière vaut 50 % du salaire journalier de "
        "base (moyenne des 3 derniers mois de salaire brut, dans la limite d'un plafond). "
        "L'employeur doit transmettre l'attestation de salaire ; sans elle, rien ne peut être "
        "calculé. Le versement a lieu tous les 14 jours environ.",
    ),
    (
        "IJ_ARRET_ENVOI",
        "Envoi de l'avis d'arrêt de travail",
        MailTheme.SICK_LEAVE,
        "arrêt de travail, avis, 48 heures, envoi",
        "L'avis d'arrêt de travail est envoyé sous 48 heures : volets 1 et 2 à la CPAM, volet "
        "3 à l'employeur (sauf transmission en ligne par le médecin). Un envoi tardif peut "
        "réduire les indemnités en cas de récidive dans les 24 mois.",
    ),
    (
        "CSS_CONDITIONS",
        "Complémentaire santé solidaire : conditions",
        MailTheme.CSS,
        "css, complémentaire santé solidaire, ressources, plafond, participation",
        "La CSS est accordée pour 12 mois selon les ressources du foyer des 12 mois précédant "
        "la demande, comparées aux plafonds en vigueur (selon la composition du foyer). Sous "
        "le premier plafond : sans participation ; jusqu'au second : avec une participation "
        "mensuelle selon l'âge de chaque bénéficiaire. Le renouvellement se demande 2 à 4 mois "
        "avant la fin des droits.",
    ),
    (
        "AT_DECLARATION",
        "Accident du travail : déclaration et instruction",
        MailTheme.WORK_ACCIDENT,
        "accident du travail, déclaration, employeur, instruction, questionnaire",
        "L'employeur déclare l'accident dans les 48 heures. La CPAM dispose de 30 jours francs "
        "pour statuer, ou de 90 jours en cas d'instruction (questionnaires à l'assuré et à "
        "l'employeur). Les soins liés sont pris en charge à 100 % dans la limite des tarifs "
        "de la Sécurité sociale, sans avance de frais avec la feuille d'accident.",
    ),
    (
        "MATERNITE_CONGE",
        "Congé maternité : durée et indemnités",
        MailTheme.MATERNITY,
        "maternité, congé, durée, indemnités, grossesse",
        "Pour un premier ou deuxième enfant : 16 semaines (6 avant, 10 après la naissance). "
        "Les indemnités journalières sont calculées sur les 3 derniers salaires, sans délai "
        "de carence. La déclaration de grossesse est à faire avant la fin du 3e mois.",
    ),
    (
        "RIB_CHANGEMENT",
        "Changement de coordonnées bancaires",
        MailTheme.ADDRESS_BANK,
        "rib, iban, banque, changement, coordonnées",
        "Le nouveau RIB se déclare depuis le compte ameli ou à l'accueil ; il doit être au "
        "nom de l'assuré. L'ancien compte est conservé dans l'historique. Les "
        "remboursements en cours de paiement peuvent encore partir sur l'ancien compte.",
    ),
    (
        "ADRESSE_CHANGEMENT",
        "Changement d'adresse",
        MailTheme.ADDRESS_BANK,
        "adresse, déménagement, changement, caisse",
        "Un déménagement dans le même département se déclare à la CPAM, qui met le dossier à "
        "jour. Dans un autre département, le dossier est transféré à la nouvelle CPAM "
        "automatiquement après la déclaration.",
    ),
    (
        "CEAM",
        "Carte européenne d'assurance maladie",
        MailTheme.OTHER,
        "ceam, europe, voyage, certificat provisoire",
        "La CEAM est individuelle, valable 2 ans, gratuite ; elle est envoyée sous 15 jours. "
        "Pour un départ plus proche, un certificat provisoire de remplacement, valable 3 "
        "mois, peut être délivré immédiatement.",
    ),
)

# (code, title, theme, keywords, body)
REPLY_TEMPLATES: tuple[tuple[str, str, MailTheme | None, str, str], ...] = (
    (
        "ACCUSE_RECEPTION",
        "Accusé de réception",
        None,
        "reçu, demande, délai",
        "Bonjour {member_name},\n\nNous avons bien reçu votre message du {date} et nous le "
        "traitons dans les meilleurs délais.\n\nCordialement,\n{agent_name}\nCPAM du Rhône",
    ),
    (
        "VITALE_EN_COURS",
        "Carte Vitale en cours de fabrication",
        MailTheme.RIGHTS_VITALE,
        "vitale, carte, fabrication, reçue",
        "Bonjour {member_name},\n\nVotre carte Vitale est en cours de fabrication depuis le {date}. "
        "Vous la recevrez à votre domicile sous 2 à 3 semaines.\n\nCordialement,\n{agent_name}",
    ),
    (
        "VITALE_PHOTO",
        "Photo de carte Vitale refusée",
        MailTheme.RIGHTS_VITALE,
        "photo, vitale, refus, pièce d'identité",
        "Bonjour {member_name},\n\nLa photo transmise ne respecte pas les normes. Déposez une "
        "nouvelle photo depuis votre compte ameli, rubrique « Mes démarches ».\n\n{agent_name}",
    ),
    (
        "ATTESTATION_DROITS",
        "Attestation de droits disponible",
        MailTheme.RIGHTS_VITALE,
        "attestation, droits, justificatif",
        "Bonjour {member_name},\n\nVous trouverez votre attestation de droits (NIR se terminant "
        "par {nir_last_digits}) en pièce jointe.\n\nCordialement,\n{agent_name}",
    ),
    (
        "REMB_DELAI",
        "Délai de remboursement",
        MailTheme.REIMBURSEMENTS,
        "remboursement, délai, feuille de soins",
        "Bonjour {member_name},\n\nAvec la carte Vitale, le remboursement intervient sous 5 jours. "
        "Une feuille de soins papier est traitée sous 30 jours environ.\n\n{agent_name}",
    ),
    (
        "REMB_DECOMPTE",
        "Explication d'un décompte",
        MailTheme.REIMBURSEMENTS,
        "décompte, montant, taux, participation",
        "Bonjour {member_name},\n\nLe soin du {date} a été remboursé sur la base du tarif de "
        "convention, déduction faite de la participation forfaitaire.\n\n{agent_name}",
    ),
    (
        "FRANCHISES",
        "Franchises et participations",
        MailTheme.REIMBURSEMENTS,
        "franchise, participation forfaitaire, plafond, paiement en ligne",
        "Bonjour {member_name},\n\nLes franchises médicales et participations forfaitaires sont "
        "plafonnées à 50 € par an chacune. Les montants dus peuvent être réglés en ligne depuis "
        "votre compte ameli.\n\n{agent_name}",
    ),
    (
        "IJ_PIECES",
        "Pièces manquantes pour les IJ",
        MailTheme.SICK_LEAVE,
        "indemnités, arrêt, attestation de salaire, employeur",
        "Bonjour {member_name},\n\nPour calculer vos indemnités journalières, nous attendons "
        "l'attestation de salaire de votre employeur.\n\n{agent_name}",
    ),
    (
        "IJ_VERSEMENT",
        "Versement des indemnités journalières",
        MailTheme.SICK_LEAVE,
        "indemnités, versement, paiement, arrêt",
        "Bonjour {member_name},\n\nVos indemnités journalières ont été versées le {date}. "
        "L'attestation est disponible dans votre compte ameli.\n\n{agent_name}",
    ),
    (
        "CSS_DOSSIER",
        "Dossier CSS incomplet",
        MailTheme.CSS,
        "css, complémentaire santé solidaire, ressources, justificatifs",
        "Bonjour {member_name},\n\nVotre demande de Complémentaire santé solidaire est incomplète : "
        "merci de joindre vos justificatifs de ressources.\n\n{agent_name}",
    ),
    (
        "CSS_ACCORD",
        "Accord CSS",
        MailTheme.CSS,
        "css, accord, droits, participation",
        "Bonjour {member_name},\n\nVotre Complémentaire santé solidaire est accordée à compter du "
        "{date} pour 12 mois.\n\n{agent_name}",
    ),
    (
        "AT_INSTRUCTION",
        "Dossier AT en instruction",
        MailTheme.WORK_ACCIDENT,
        "accident du travail, instruction, questionnaire, employeur",
        "Bonjour {member_name},\n\nVotre dossier d'accident du travail est en cours d'instruction. "
        "Un questionnaire vous a été adressé le {date}.\n\n{agent_name}",
    ),
    (
        "AT_IPP",
        "Contestation du taux d'IPP",
        MailTheme.WORK_ACCIDENT,
        "ipp, taux, contestation, commission",
        "Bonjour {member_name},\n\nVous pouvez contester le taux d'incapacité permanente dans un "
        "délai de 2 mois devant la commission médicale de recours amiable.\n\n{agent_name}",
    ),
    (
        "MATERNITE_CONGE",
        "Congé maternité",
        MailTheme.MATERNITY,
        "maternité, congé, indemnités, grossesse",
        "Bonjour {member_name},\n\nVotre congé maternité débute le {date}. Vos indemnités sont "
        "versées tous les 14 jours.\n\n{agent_name}",
    ),
    (
        "PATERNITE_CONGE",
        "Congé paternité",
        MailTheme.MATERNITY,
        "paternité, naissance, congé, 25 jours",
        "Bonjour {member_name},\n\nLe congé de paternité et d'accueil de l'enfant dure 25 jours "
        "calendaires.\n\n{agent_name}",
    ),
    (
        "ADRESSE_OK",
        "Changement d'adresse enregistré",
        MailTheme.ADDRESS_BANK,
        "adresse, déménagement, changement",
        "Bonjour {member_name},\n\nVotre nouvelle adresse est enregistrée depuis le {date}.\n\n"
        "{agent_name}",
    ),
    (
        "RIB_OK",
        "Coordonnées bancaires modifiées",
        MailTheme.ADDRESS_BANK,
        "rib, iban, banque, coordonnées bancaires",
        "Bonjour {member_name},\n\nVos nouvelles coordonnées bancaires sont prises en compte pour "
        "les paiements à partir du {date}.\n\n{agent_name}",
    ),
    (
        "RDV_PROPOSITION",
        "Proposition de rendez-vous",
        None,
        "rendez-vous, accueil, conseiller",
        "Bonjour {member_name},\n\nUn conseiller peut vous recevoir le {date}. Vous pouvez aussi "
        "prendre rendez-vous depuis votre compte ameli.\n\n{agent_name}",
    ),
    (
        "RELANCE",
        "Relance : pièce attendue",
        None,
        "relance, pièce, justificatif, attente",
        "Bonjour {member_name},\n\nSans retour de votre part, votre demande sera classée sans suite "
        "le {date}.\n\n{agent_name}",
    ),
    (
        "CLOTURE",
        "Clôture de la demande",
        None,
        "clôture, réponse, traité",
        "Bonjour {member_name},\n\nVotre demande est traitée et nous clôturons cet échange. "
        "N'hésitez pas à nous écrire depuis votre compte ameli.\n\n{agent_name}",
    ),
)


@dataclass(frozen=True, slots=True)
class ProfessionalRef:
    id: int
    kind: str
    sector: Sector
    fee_cents: int
    commune: str  # INSEE commune code of the practice
    name: str


@dataclass
class ReferenceData:
    """The fixed rows (for insertion) and the lookups the member batches need (ids, agendas)."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    office_ids: dict[str, int] = field(default_factory=dict)
    team_ids: dict[str, int] = field(default_factory=dict)
    insurer_ids: list[int] = field(default_factory=list)
    professionals_by_kind: dict[str, list[ProfessionalRef]] = field(default_factory=dict)
    gps_by_commune: dict[str, list[ProfessionalRef]] = field(default_factory=dict)
    advisors_by_role: dict[Role, list[int]] = field(default_factory=dict)
    counter_by_office: dict[int, list[int]] = field(default_factory=dict)
    advisor_office: dict[int, int | None] = field(default_factory=dict)
    reason_ids: dict[str, int] = field(default_factory=dict)
    reason_minutes: dict[int, int] = field(default_factory=dict)
    # Appointment slots: (advisor id, office id, start as UTC datetime), sorted.
    slots: list[tuple[int, int, datetime]] = field(default_factory=list)


def _hash_password() -> str:
    # OWASP parameters; hashed once per seed: argon2 is slow on purpose.
    return PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1).hash(DEMO_PASSWORD)


def _utc(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=PARIS).astimezone(UTC)


def build_reference(seed: int, today: date, *, password_hash: str | None = None) -> ReferenceData:
    """Everything written once per seed run; deterministic for (seed, today)."""
    rng = random.Random(f"advisor-desk-reference-{seed}")
    ref = ReferenceData()
    rows = ref.rows
    now = datetime.combine(today, time(6, 0), tzinfo=UTC)

    rows["offices"] = []
    for i, o in enumerate(OFFICES, start=1):
        ref.office_ids[o[0]] = i
        rows["offices"].append(
            {
                "id": i,
                "code": o[0],
                "name": o[1],
                "address_line": o[2],
                "postcode": o[3],
                "city": o[4],
                "latitude": o[5],
                "longitude": o[6],
                "phone": o[7],
                "step_free_entrance": o[8],
                "accessible_parking": o[9],
                "accessible_counter": o[10],
                "hearing_loop": o[11],
                "active": True,
            }
        )
    rows["office_hours"] = []
    for code, office_id in ref.office_ids.items():
        for weekday in range(5):
            for opens, closes in office_day_ranges(code, weekday):
                rows["office_hours"].append(
                    {
                        "id": len(rows["office_hours"]) + 1,
                        "office_id": office_id,
                        "weekday": weekday,
                        "opens": opens,
                        "closes": closes,
                    }
                )
    # Local closures: staff training and works, around today so that agendas show them.
    closures = [
        ("LYO8", 9, "Formation du personnel"),
        ("GIV", -20, "Travaux d'accessibilité"),
        ("GIV", -19, "Travaux d'accessibilité"),
        ("VAU", 23, "Fermeture exceptionnelle (inventaire)"),
        ("TAR", -45, "Fermeture exceptionnelle"),
    ]
    rows["office_closures"] = []
    closed: set[tuple[int, date]] = set()
    for code, offset, reason in closures:
        day = today + timedelta(days=offset)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        if (ref.office_ids[code], day) in closed:
            continue
        closed.add((ref.office_ids[code], day))
        rows["office_closures"].append(
            {
                "id": len(rows["office_closures"]) + 1,
                "office_id": ref.office_ids[code],
                "day": day,
                "reason": reason,
            }
        )

    rows["teams"] = []
    for i, (name, office_code) in enumerate(TEAMS, start=1):
        ref.team_ids[name] = i
        rows["teams"].append(
            {
                "id": i,
                "name": name,
                "office_id": ref.office_ids[office_code] if office_code else None,
            }
        )

    rows["complementary_insurers"] = [
        {"id": i, "code": code, "name": name} for i, (code, name) in enumerate(INSURERS, start=1)
    ]
    ref.insurer_ids = [r["id"] for r in rows["complementary_insurers"]]

    _build_professionals(rng, ref)
    establishments.seed_directory(seed, rows, {s: k for s, _n, k in PROFESSIONAL_SPECIALTIES})

    rows["appointment_reasons"] = []
    for i, (code, label, minutes, channel, min_h, max_d) in enumerate(REASONS, start=1):
        ref.reason_ids[code] = i
        ref.reason_minutes[i] = minutes
        rows["appointment_reasons"].append(
            {
                "id": i,
                "code": code,
                "label": label,
                "duration_min": minutes,
                "channel": channel,
                "min_delay_hours": min_h,
                "max_delay_days": max_d,
                "active": True,
            }
        )

    hashed = password_hash or _hash_password()
    rows["advisors"] = []
    for i, acc in enumerate(DEMO_ACCOUNTS, start=1):
        office_id = ref.office_ids[acc.office_code]
        ref.advisors_by_role.setdefault(acc.role, []).append(i)
        ref.advisor_office[i] = office_id
        if acc.role is Role.COUNTER:
            ref.counter_by_office.setdefault(office_id, []).append(i)
        rows["advisors"].append(
            {
                "id": i,
                "login": acc.login,
                "full_name": acc.full_name,
                "password_hash": hashed,
                "role": acc.role,
                "office_id": office_id,
                "team_id": ref.team_ids[acc.team] if acc.team else None,
                "active": True,
                "failed_attempts": 0,
                "locked_until": None,
                "password_changed_at": now - timedelta(days=rng.randrange(10, 200)),
                "created_at": now - timedelta(days=rng.randrange(200, 900)),
            }
        )
    _build_schedules(rng, ref, today, {(o, d) for o, d in closed})

    rows["reply_templates"] = [
        {"id": i, "code": code, "title": title, "theme": theme, "keywords": keywords, "body": body}
        for i, (code, title, theme, keywords, body) in enumerate(REPLY_TEMPLATES, start=1)
    ]
    rows["knowledge_articles"] = [
        {
            "id": i,
            "code": code,
            "title": title,
            "theme": theme,
            "keywords": keywords,
            "body": body,
            "active": True,
            "updated_at": now - timedelta(days=30 + i),
            "updated_by_advisor_id": None,
        }
        for i, (code, title, theme, keywords, body) in enumerate(KNOWLEDGE_ARTICLES, start=1)
    ]
    # Past sessions of the staff, all ended: supervision screens show when people last worked.
    rows["session_tokens"] = []
    for advisor_id in range(1, len(DEMO_ACCOUNTS) + 1):
        started = now - timedelta(days=rng.randrange(1, 20), hours=rng.randrange(0, 8))
        rows["session_tokens"].append(
            {
                "token_hash": f"{rng.getrandbits(256):064x}",
                "advisor_id": advisor_id,
                "created_at": started,
                "last_seen_at": started + timedelta(hours=3),
                "idle_timeout_s": 900,
                "revoked_at": started + timedelta(hours=3, minutes=15),
            }
        )
    return ref


def _build_professionals(rng: random.Random, ref: ReferenceData) -> None:
    rows: list[dict[str, Any]] = []
    communes = data.COMMUNES
    weights = [c[5] for c in communes]
    used_rpps: set[str] = set()
    hospital_names = iter(HOSPITALS)
    for specialty, count, kind in PROFESSIONAL_SPECIALTIES:
        for _ in range(count):
            pid = len(rows) + 1
            commune = rng.choices(communes, weights)[0]
            rpps = f"10{rng.randrange(10**9):09d}"
            while rpps in used_rpps:
                rpps = f"10{rng.randrange(10**9):09d}"
            used_rpps.add(rpps)
            last = rng.choice(data.LAST_NAMES[:300])
            era = data.FIRST_NAMES_BY_ERA[rng.randrange(1, 4)]
            first = rng.choice(era[1] if rng.random() < 0.5 else era[2])
            if kind == "pharmacy":
                last = f"Pharmacie {rng.choice(_PHARMACY_NAMES)}"
                first = ""
            elif kind == "lab":
                last = f"Laboratoire {rng.choice(_LAB_NAMES)}"
                first = ""
            elif kind == "transport":
                last = f"{rng.choice(_TRANSPORT_NAMES)} {last}"
                first = ""
            elif kind == "hospital":
                last = next(hospital_names)
                first = ""
            sector = Sector.SECTOR_1
            fee = 0
            if kind == "gp":
                roll = rng.random()
                sector = (
                    Sector.SECTOR_1
                    if roll < 0.88
                    else (Sector.OPTAM if roll < 0.95 else Sector.SECTOR_2)
                )
                fee = 3000 if sector is Sector.SECTOR_1 else rng.choice((3500, 4000, 4500, 5000))
            elif kind in ("spec", "imaging"):
                roll = rng.random()
                sector = (
                    Sector.SECTOR_1
                    if roll < 0.55
                    else (Sector.OPTAM if roll < 0.8 else Sector.SECTOR_2)
                )
                fee = 3150 if sector is Sector.SECTOR_1 else rng.choice((5000, 6000, 7000, 8000))
            elif kind == "dental":
                fee = 2300
            number = rng.randrange(1, 180)
            street = f"{number} {rng.choice(data.STREET_TYPES)} {rng.choice(data.STREET_NAMES)}"
            ref_row = ProfessionalRef(pid, kind, sector, fee, commune[0], f"{first} {last}".strip())
            ref.professionals_by_kind.setdefault(kind, []).append(ref_row)
            if kind == "gp":
                ref.gps_by_commune.setdefault(commune[0], []).append(ref_row)
            rows.append(
                {
                    "id": pid,
                    "rpps": rpps,
                    "last_name": last,
                    "first_name": first,
                    "specialty": specialty,
                    "sector": sector,
                    "consultation_fee_cents": fee,
                    "address_line": street,
                    "postcode": commune[2],
                    "city": commune[1],
                    "latitude": round(commune[3] + rng.uniform(-0.012, 0.012), 6),
                    "longitude": round(commune[4] + rng.uniform(-0.016, 0.016), 6),
                    "search_key": search_key(last, first, commune[1]),
                }
            )
    ref.rows["professionals"] = rows


_PHARMACY_NAMES = (
    "de la Mairie",
    "du Centre",
    "des Brotteaux",
    "de la Gare",
    "du Marché",
    "Bellecour",
    "des Gratte-Ciel",
    "de la Croix-Rousse",
    "du Parc",
    "Saint-Jean",
    "des Étoiles",
    "de la Place",
    "Monplaisir",
    "des Quais",
    "du Rhône",
    "de la Saône",
    "Jean Macé",
)
_LAB_NAMES = ("Biogroup Lyon", "Cerballiance Rhône", "Eurofins Biomnis", "Unilians", "Dyomedea")
_TRANSPORT_NAMES = ("Ambulances", "Taxi conventionné", "Ambulances VSL")


def _build_schedules(
    rng: random.Random, ref: ReferenceData, today: date, closed: set[tuple[int, date]]
) -> None:
    """Weekly opening ranges of the counter advisors at their office, and the slot grid."""
    schedules: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    absences: list[dict[str, Any]] = []
    office_reasons = [
        rid for code, rid in ref.reason_ids.items() if code not in ("RAPPEL_TEL", "VISIO")
    ]
    first_day = today - timedelta(days=AGENDA_PAST_DAYS + 30)
    code_of = {v: k for k, v in ref.office_ids.items()}
    # advisor → weekday → list of ranges, for the slot grid
    weekly: dict[int, dict[int, list[tuple[time, time]]]] = {}
    for office_id, advisor_ids in sorted(ref.counter_by_office.items()):
        code = code_of[office_id]
        for n, advisor_id in enumerate(advisor_ids):
            # Every other advisor works part time (no Wednesday): real counters rotate.
            days = [d for d in range(5) if not (n % 2 == 1 and d == 2)]
            for weekday in days:
                for opens, closes in office_day_ranges(code, weekday):
                    sid = len(schedules) + 1
                    schedules.append(
                        {
                            "id": sid,
                            "advisor_id": advisor_id,
                            "office_id": office_id,
                            "weekday": weekday,
                            "first_day": first_day,
                            "last_day": None,
                            "start_time": opens,
                            "end_time": closes,
                        }
                    )
                    reasons = office_reasons + ([ref.reason_ids["RAPPEL_TEL"]] if n == 0 else [])
                    links.extend({"schedule_id": sid, "reason_id": r} for r in reasons)
                    weekly.setdefault(advisor_id, {}).setdefault(weekday, []).append(
                        (opens, closes)
                    )
    # A week of holidays for some advisors, in the past and in the future.
    absent: dict[int, list[tuple[date, date]]] = {}
    for advisor_id in sorted(weekly):
        if rng.random() < 0.5:
            start = today + timedelta(days=rng.randrange(-AGENDA_PAST_DAYS, AGENDA_FUTURE_DAYS))
            start -= timedelta(days=start.weekday())
            end = start + timedelta(days=4)
            absent.setdefault(advisor_id, []).append((start, end))
            absences.append(
                {
                    "id": len(absences) + 1,
                    "advisor_id": advisor_id,
                    "starts_at": _utc(start, time(0, 0)),
                    "ends_at": _utc(end + timedelta(days=1), time(0, 0)),
                    "reason": "Congés annuels",
                }
            )
    ref.rows["schedules"] = schedules
    ref.rows["schedule_reasons"] = links
    ref.rows["absences"] = absences

    slots: list[tuple[int, int, datetime]] = []
    day = today - timedelta(days=AGENDA_PAST_DAYS)
    last = today + timedelta(days=AGENDA_FUTURE_DAYS)
    step = timedelta(minutes=SLOT_MINUTES)
    while day <= last:
        if is_business_day(day):
            for advisor_id, by_day in sorted(weekly.items()):
                office_id = ref.advisor_office[advisor_id] or 0
                if (office_id, day) in closed:
                    continue
                if any(a <= day <= b for a, b in absent.get(advisor_id, ())):
                    continue
                for opens, closes in by_day.get(day.weekday(), ()):
                    start = _utc(day, opens)
                    end = _utc(day, closes)
                    while start + step <= end:
                        slots.append((advisor_id, office_id, start))
                        start += step
        day += timedelta(days=1)
    ref.slots = slots
