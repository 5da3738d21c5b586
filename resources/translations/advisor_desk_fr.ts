<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AbsencesPanel</name>
    <message>
        <source>&amp;Advisor:</source>
        <translation>&amp;Agent :</translation>
    </message>
    <message>
        <source>&amp;Delete the absence</source>
        <translation>&amp;Supprimer l&apos;absence</translation>
    </message>
    <message>
        <source>e.g. training, leave</source>
        <translation>ex. formation, congés</translation>
    </message>
    <message>
        <source>Add the a&amp;bsence</source>
        <translation>Ajouter l&apos;a&amp;bsence</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>A&amp;u :</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>New absence</source>
        <translation>Nouvelle absence</translation>
    </message>
    <message>
        <source>No active advisor.</source>
        <translation>Aucun agent actif.</translation>
    </message>
    <message>
        <source>No absence planned for this advisor.</source>
        <translation>Aucune absence prévue pour cet agent.</translation>
    </message>
    <message>
        <source>Absence of {advisor} added.</source>
        <translation>Absence de {advisor} ajoutée.</translation>
    </message>
    <message>
        <source>Delete this absence? The advisor becomes bookable again at those times.</source>
        <translation>Supprimer cette absence ? Le conseiller redevient réservable sur ces horaires.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Absence deleted.</source>
        <translation>Absence supprimée.</translation>
    </message>
</context>
<context>
    <name>AccountsPanel</name>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Nouveau compte…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Filter the accounts…</source>
        <translation>Filtrer les comptes…</translation>
    </message>
    <message>
        <source>Deactivate or reactivate the selected account</source>
        <translation>Désactiver ou réactiver le compte choisi</translation>
    </message>
    <message>
        <source>New &amp;password…</source>
        <translation>Nouveau mot de &amp;passe…</translation>
    </message>
    <message>
        <source>Reset the password of the selected account</source>
        <translation>Réinitialiser le mot de passe du compte choisi</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Point d&apos;accueil</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Locked (failed attempts)</source>
        <translation>Verrouillé (essais infructueux)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>No account yet: create one with “New account”.</source>
        <translation>Aucun compte pour l&apos;instant : créez-en un avec « Nouveau compte ».</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Account “{login}” created.</source>
        <translation>Compte « {login} » créé.</translation>
    </message>
    <message>
        <source>Account “{login}” reactivated.</source>
        <translation>Compte « {login} » réactivé.</translation>
    </message>
    <message>
        <source>Account “{login}” deactivated: it can no longer sign in.</source>
        <translation>Compte « {login} » désactivé : il ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>Password of “{login}” reset; the account is unlocked.</source>
        <translation>Mot de passe de « {login} » réinitialisé ; le compte est déverrouillé.</translation>
    </message>
</context>
<context>
    <name>AccueilScreen</name>
    <message>
        <source>No member or dependent found for “{text}”.</source>
        <translation>Aucun assuré ni ayant droit trouvé pour « {text} ».</translation>
    </message>
    <message>
        <source>Nothing matches exactly: close names.</source>
        <translation>Aucune correspondance exacte : noms proches.</translation>
    </message>
    <message>
        <source>Nobody of that name was born on that day: other dates shown.</source>
        <translation>Personne de ce nom n&apos;est né ce jour-là : autres dates affichées.</translation>
    </message>
    <message>
        <source>The first {n} results: add a first name or a birth date.</source>
        <translation>Les {n} premiers résultats : ajoutez un prénom ou une date de naissance.</translation>
    </message>
    <message>
        <source>{n} result.</source>
        <translation>{n} résultat.</translation>
    </message>
    <message>
        <source>{n} results.</source>
        <translation>{n} résultats.</translation>
    </message>
    <message>
        <source>Type a NIR (full or its start) or a name, with or without the first name and the birth date.</source>
        <translation>Saisissez un NIR (complet ou son début) ou un nom, avec ou sans prénom et date de naissance.</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Comptes</translation>
    </message>
    <message>
        <source>A&amp;udit trail</source>
        <translation>&amp;Journal d&apos;audit</translation>
    </message>
</context>
<context>
    <name>AldModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Affection</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>L&apos;assuré</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>sans date de fin</translation>
    </message>
    <message>
        <source>Care protocol</source>
        <translation>Protocole de soins</translation>
    </message>
    <message>
        <source>Exonerating</source>
        <translation>Exonérante</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>{ref}, expired on {date}</source>
        <translation>{ref}, expiré le {date}</translation>
    </message>
    <message>
        <source>{ref}, valid until {date}</source>
        <translation>{ref}, valable jusqu&apos;au {date}</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>To renew</source>
        <translation>À renouveler</translation>
    </message>
    <message>
        <source>Protocol to renew</source>
        <translation>Protocole à renouveler</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>En cours</translation>
    </message>
</context>
<context>
    <name>AmeliBox</name>
    <message>
        <source>ameli account</source>
        <translation>Compte ameli</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Hand over a provisional c&amp;ode…</source>
        <translation>Remettre un c&amp;ode provisoire…</translation>
    </message>
    <message>
        <source>&amp;Unlock the account</source>
        <translation>Débloq&amp;uer le compte</translation>
    </message>
    <message>
        <source>Unlocks an account locked after too many wrong passwords</source>
        <translation>Débloque un compte bloqué après trop de mots de passe erronés</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Aucun compte</translation>
    </message>
    <message>
        <source>Provisional code pending</source>
        <translation>Code provisoire en attente</translation>
    </message>
    <message>
        <source>No account (code expired)</source>
        <translation>Aucun compte (code expiré)</translation>
    </message>
    <message>
        <source>Account active</source>
        <translation>Compte actif</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>Compte bloqué</translation>
    </message>
    <message>
        <source>{date} at {time}</source>
        <translation>{date} à {time}</translation>
    </message>
    <message>
        <source>The provisional code handed over on {date} by {advisor} was valid until {until}; it can no longer be used.</source>
        <translation>Le code provisoire remis le {date} par {advisor} était valable jusqu&apos;au {until} : il ne peut plus servir.</translation>
    </message>
    <message>
        <source>Provisional code handed over on {date} by {advisor}, valid until {until}.</source>
        <translation>Code provisoire remis le {date} par {advisor}, valable jusqu&apos;au {until}.</translation>
    </message>
    <message>
        <source>Open since {date}.</source>
        <translation>Ouvert depuis le {date}.</translation>
    </message>
    <message>
        <source>Last login: {when}.</source>
        <translation>Dernière connexion : {when}.</translation>
    </message>
    <message>
        <source>No login since it was opened.</source>
        <translation>Aucune connexion depuis l&apos;ouverture.</translation>
    </message>
    <message>
        <source>Locked since {when} after {count} wrong password(s).</source>
        <translation>Bloqué depuis le {when} après {count} mot(s) de passe erroné(s).</translation>
    </message>
    <message>
        <source>The member has no ameli account and no provisional code.</source>
        <translation>L&apos;assuré n&apos;a ni compte ameli ni code provisoire.</translation>
    </message>
    <message>
        <source>Self-employed: the carte Vitale is to be updated before the account.</source>
        <translation>Travailleur indépendant : mettre à jour la carte Vitale avant de créer le compte.</translation>
    </message>
    <message>
        <source>Prints a letter with a code valid {days} days to create the ameli account</source>
        <translation>Imprime un courrier avec un code valable {days} jours pour créer le compte ameli</translation>
    </message>
    <message>
        <source>Hand a provisional code to {name}? With it, the member creates the ameli account on ameli.fr within {days} days. The code is printed on a letter to give in person; it is not kept.</source>
        <translation>Remettre un code provisoire à {name} ? Avec ce code, l&apos;assuré crée son compte ameli sur ameli.fr dans les {days} jours. Le code est imprimé sur un courrier à remettre en main propre ; il n&apos;est pas conservé.</translation>
    </message>
    <message>
        <source>the member</source>
        <translation>l&apos;assuré</translation>
    </message>
    <message>
        <source>The code handed over earlier will no longer work.</source>
        <translation>Le code remis auparavant ne fonctionnera plus.</translation>
    </message>
    <message>
        <source>Provisional ameli code</source>
        <translation>Code provisoire ameli</translation>
    </message>
    <message>
        <source>Hand over the code</source>
        <translation>Remettre le code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>AnnuaireScreen</name>
    <message>
        <source>Health professiona&amp;ls</source>
        <translation>Pr&amp;ofessionnels de santé</translation>
    </message>
    <message>
        <source>Care esta&amp;blishments</source>
        <translation>Éta&amp;blissements de soins</translation>
    </message>
    <message>
        <source>All specialties</source>
        <translation>Toutes les spécialités</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>Tous secteurs</translation>
    </message>
    <message>
        <source>No extra fees (sector 1)</source>
        <translation>Sans dépassement (secteur 1)</translation>
    </message>
    <message>
        <source>Sector 1 and OPTAM</source>
        <translation>Secteur 1 et OPTAM</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>&amp;Emergency department 24/7 only</source>
        <translation>Ur&amp;gences 24h/24 seulement</translation>
    </message>
    <message>
        <source>Hospitals and clinics whose emergency department is open day and night.</source>
        <translation>Hôpitaux et cliniques dont le service d&apos;urgences est ouvert jour et nuit.</translation>
    </message>
    <message>
        <source>Name or commune</source>
        <translation>Nom ou commune</translation>
    </message>
    <message>
        <source>Nowhere (by name)</source>
        <translation>Nulle part (par nom)</translation>
    </message>
    <message>
        <source>or postcode</source>
        <translation>ou code postal</translation>
    </message>
    <message>
        <source>A postcode replaces the office as the starting point.</source>
        <translation>Un code postal remplace le bureau comme point de départ.</translation>
    </message>
    <message>
        <source>S&amp;pecialty:</source>
        <translation>S&amp;pécialité :</translation>
    </message>
    <message>
        <source>Sec&amp;tors:</source>
        <translation>Sec&amp;teurs :</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>Ar&amp;ound:</source>
        <translation>A&amp;utour de :</translation>
    </message>
    <message>
        <source>{total} professionals, the {n} nearest shown</source>
        <translation>{total} professionnels, les {n} plus proches affichés</translation>
    </message>
    <message>
        <source>{total} professionals, the first {n} shown</source>
        <translation>{total} professionnels, les {n} premiers affichés</translation>
    </message>
    <message>
        <source>{total} professional(s)</source>
        <translation>{total} professionnel(s)</translation>
    </message>
    <message>
        <source>No professional matches these filters.</source>
        <translation>Aucun professionnel ne correspond à ces critères.</translation>
    </message>
    <message>
        <source>{total} establishments, the {n} nearest shown</source>
        <translation>{total} établissements, les {n} plus proches affichés</translation>
    </message>
    <message>
        <source>{total} establishments, the first {n} shown</source>
        <translation>{total} établissements, les {n} premiers affichés</translation>
    </message>
    <message>
        <source>{total} establishment(s)</source>
        <translation>{total} établissement(s)</translation>
    </message>
    <message>
        <source>No emergency department matches these filters.</source>
        <translation>Aucun service d&apos;urgences ne correspond à ces critères.</translation>
    </message>
    <message>
        <source>No establishment matches these filters.</source>
        <translation>Aucun établissement ne correspond à ces critères.</translation>
    </message>
    <message>
        <source>Select a row to see its opening hours.</source>
        <translation>Sélectionnez une ligne pour voir ses horaires.</translation>
    </message>
    <message>
        <source>{name} — consultation hours: {hours}</source>
        <translation>{name} — horaires de consultation : {hours}</translation>
    </message>
    <message>
        <source>{name} — opening hours: {hours}</source>
        <translation>{name} — horaires d&apos;ouverture : {hours}</translation>
    </message>
    <message>
        <source> — emergency department open 24/7</source>
        <translation> — urgences ouvertes 24h/24</translation>
    </message>
    <message>
        <source> — phone {phone}</source>
        <translation> — téléphone {phone}</translation>
    </message>
</context>
<context>
    <name>ArticleDialog</name>
    <message>
        <source>Knowledge base</source>
        <translation>Base de connaissances</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>&amp;Insert into the reply</source>
        <translation>&amp;Insérer dans la réponse</translation>
    </message>
    <message>
        <source>all themes</source>
        <translation>tous les thèmes</translation>
    </message>
    <message>
        <source>Theme: {theme} · updated on {date}</source>
        <translation>Thème : {theme} · mis à jour le {date}</translation>
    </message>
    <message>
        <source>by {name}</source>
        <translation>par {name}</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>This article could not be read.</source>
        <translation>Impossible de lire cet article.</translation>
    </message>
</context>
<context>
    <name>ArticleEditorDialog</name>
    <message>
        <source>New article</source>
        <translation>Nouvel article</translation>
    </message>
    <message>
        <source>Edit article</source>
        <translation>Modifier l&apos;article</translation>
    </message>
    <message>
        <source>e.g. VITALE_LOST</source>
        <translation>ex. VITALE_PERDUE</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>Tous les thèmes</translation>
    </message>
    <message>
        <source>Words members use, separated by commas</source>
        <translation>Mots employés par les assurés, séparés par des virgules</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code :</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;hème :</translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation>&amp;Mots-clés :</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xte :</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En usage</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation>Début du texte</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>All advisors</source>
        <translation>Tous les agents</translation>
    </message>
    <message>
        <source>{count} latest</source>
        <translation>{count} derniers</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <source>Apply the filters (Enter)</source>
        <translation>Appliquer les filtres (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>All members (NIR or internal number)</source>
        <translation>Tous les assurés (NIR ou n° interne)</translation>
    </message>
    <message>
        <source>A NIR (the member&apos;s or a dependent&apos;s: the member&apos;s file) or the internal number of the Member column</source>
        <translation>Un NIR (de l&apos;assuré ou d&apos;un ayant droit : le dossier de l&apos;assuré) ou le n° interne de la colonne Assuré</translation>
    </message>
    <message>
        <source>E&amp;xport (CSV)…</source>
        <translation>E&amp;xporter (CSV)…</translation>
    </message>
    <message>
        <source>Every event of these filters (up to 100,000), to answer a member&apos;s request</source>
        <translation>Tous les événements de ces filtres (jusqu&apos;à 100 000), pour répondre à la demande d&apos;un assuré</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>A&amp;ssuré :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>a&amp;u :</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Assuré</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the audit trail…</source>
        <translation>Export du journal d&apos;audit en cours…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Enregistré dans {path}.</translation>
    </message>
    <message>
        <source>No audit event matches these filters.</source>
        <translation>Aucun événement du journal ne correspond à ces filtres.</translation>
    </message>
</context>
<context>
    <name>BacklogChart</name>
    <message>
        <source>Open e-mails by theme and age</source>
        <translation>Courriels ouverts par thème et ancienneté</translation>
    </message>
</context>
<context>
    <name>BatchBar</name>
    <message>
        <source>Reason (required to refuse or close)</source>
        <translation>Motif (obligatoire pour refuser ou classer)</translation>
    </message>
    <message>
        <source>Apply to the &amp;selection</source>
        <translation>Appli&amp;quer à la sélection</translation>
    </message>
    <message>
        <source>{n} selected:</source>
        <translation>{n} sélectionnées :</translation>
    </message>
    <message>
        <source>{done} request(s) done, {skipped} skipped.</source>
        <translation>{done} demande(s) traitée(s), {skipped} ignorée(s).</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Move the appointment of {name}</source>
        <translation>Déplacer le rendez-vous de {name}</translation>
    </message>
    <message>
        <source>New appointment for {name}</source>
        <translation>Nouveau rendez-vous pour {name}</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Nouveau rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Accessible offices only (reduced mobility)</source>
        <translation>Points d&apos;accueil &amp;accessibles uniquement (mobilité réduite)</translation>
    </message>
    <message>
        <source>&amp;More slots (4 weeks)</source>
        <translation>Plus de &amp;créneaux (4 semaines)</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Réserver</translation>
    </message>
    <message>
        <source>&amp;Move here</source>
        <translation>&amp;Déplacer ici</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>{label} ({minutes} min)</source>
        <translation>{label} ({minutes} min)</translation>
    </message>
    <message>
        <source>No appointment reason is open for booking.</source>
        <translation>Aucun motif de rendez-vous n&apos;est ouvert à la réservation.</translation>
    </message>
    <message>
        <source>The reason of this appointment is no longer offered: it cannot be moved. Cancel it and book a new appointment if needed.</source>
        <translation>Le motif de ce rendez-vous n&apos;est plus proposé : il ne peut pas être déplacé. Annulez-le et prenez un nouveau rendez-vous si besoin.</translation>
    </message>
    <message>
        <source>No office matches these criteria.</source>
        <translation>Aucun point d&apos;accueil ne correspond à ces critères.</translation>
    </message>
    <message>
        <source>{when} with {advisor}</source>
        <translation>{when} avec {advisor}</translation>
    </message>
</context>
<context>
    <name>BureauxScreen</name>
    <message>
        <source>Offices and hours</source>
        <translation>Points d&apos;accueil et horaires</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motifs</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Plages d&apos;ouverture</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Absences</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>At least 12 characters, mixing at least two kinds (lower case, upper case, digits, symbols). The new password is asked at the next sign-in and to unlock.</source>
        <translation>Au moins 12 caractères, mêlant au moins deux sortes (minuscules, majuscules, chiffres, symboles). Le nouveau mot de passe sera demandé à la prochaine connexion et pour déverrouiller.</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>Mot de passe &amp;actuel :</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Confirm the new password:</source>
        <translation>&amp;Confirmer le nouveau :</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation>Saisissez votre mot de passe actuel.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Les deux nouveaux mots de passe diffèrent.</translation>
    </message>
</context>
<context>
    <name>ClosuresBox</name>
    <message>
        <source>Reason, e.g. training</source>
        <translation>Motif, ex. formation</translation>
    </message>
    <message>
        <source>A&amp;dd closure</source>
        <translation>Ajo&amp;uter la fermeture</translation>
    </message>
    <message>
        <source>&amp;Remove closure</source>
        <translation>&amp;Retirer la fermeture</translation>
    </message>
    <message>
        <source>A public holiday cannot be removed</source>
        <translation>Un jour férié ne peut pas être retiré</translation>
    </message>
    <message>
        <source>Closure on {day} added.</source>
        <translation>Fermeture du {day} ajoutée.</translation>
    </message>
    <message>
        <source>Remove this closure? The office opens again that day.</source>
        <translation>Retirer cette fermeture ? Le point d&apos;accueil rouvre ce jour-là.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Closure on {day} removed.</source>
        <translation>Fermeture du {day} retirée.</translation>
    </message>
</context>
<context>
    <name>ConnaissancesScreen</name>
    <message>
        <source>Words of the member&apos;s question, e.g. lost card</source>
        <translation>Mots de la question de l&apos;assuré, ex. carte perdue</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>Tous les thèmes</translation>
    </message>
    <message>
        <source>Show &amp;retired articles</source>
        <translation>Afficher les articles &amp;retirés</translation>
    </message>
    <message>
        <source>&amp;New article…</source>
        <translation>&amp;Nouvel article…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Re&amp;chercher :</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;hème :</translation>
    </message>
    <message>
        <source>{n} article(s)</source>
        <translation>{n} article(s)</translation>
    </message>
    <message>
        <source>No article matches these words.</source>
        <translation>Aucun article ne correspond à ces mots.</translation>
    </message>
    <message>
        <source>The knowledge base has no article yet.</source>
        <translation>La base de connaissances ne contient encore aucun article.</translation>
    </message>
    <message>
        <source>“{title}” saved.</source>
        <translation>« {title} » enregistré.</translation>
    </message>
    <message>
        <source>“{title}” is retired: agents no longer see it.</source>
        <translation>« {title} » est retiré : les agents ne le voient plus.</translation>
    </message>
    <message>
        <source>Re&amp;store</source>
        <translation>Ré&amp;tablir</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>{message} Your input is kept; the application tries again every {seconds} s.</source>
        <translation>{message} Votre saisie est conservée ; l&apos;application réessaie toutes les {seconds} s.</translation>
    </message>
</context>
<context>
    <name>CourrielsScreen</name>
    <message>
        <source>Unassigned</source>
        <translation>Non attribués</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miens</translation>
    </message>
    <message>
        <source>Waiting for member</source>
        <translation>En attente de l&apos;assuré</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escaladés</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>Tous les thèmes</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Toute ancienneté</translation>
    </message>
    <message>
        <source>Received {n} h ago or more</source>
        <translation>Reçus depuis {n} h ou plus</translation>
    </message>
    <message>
        <source>Received {n} days ago or more</source>
        <translation>Reçus depuis {n} jours ou plus</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>Toutes échéances</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>À traiter aujourd&apos;hui</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Dans les délais</translation>
    </message>
    <message>
        <source>Paused (waiting for the member)</source>
        <translation>En pause (attente de l&apos;assuré)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Take the most urgent unassigned e-mail (Ctrl+N)</source>
        <translation>Prendre le courriel non attribué le plus urgent (Ctrl+N)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <source>Reload the queue (F5)</source>
        <translation>Recharger la file (F5)</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Vue :</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;hème :</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>Anc&amp;ienneté :</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>É&amp;chéance :</translation>
    </message>
    <message>
        <source>O&amp;ffice:</source>
        <translation>&amp;Point d&apos;accueil :</translation>
    </message>
    <message>
        <source>No e-mail in this queue.</source>
        <translation>Aucun courriel dans cette file.</translation>
    </message>
    <message>
        <source>{free} unassigned · {mine} mine · {pending} waiting</source>
        <translation>{free} non attribués · {mine} à moi · {pending} en attente</translation>
    </message>
    <message>
        <source>The queue is empty: well done.</source>
        <translation>La file est vide : bravo.</translation>
    </message>
</context>
<context>
    <name>CreateAccountDialog</name>
    <message>
        <source>New advisor account</source>
        <translation>Nouveau compte agent</translation>
    </message>
    <message>
        <source>e.g. jdupont</source>
        <translation>p. ex. jdupont</translation>
    </message>
    <message>
        <source>First name and last name</source>
        <translation>Prénom et nom</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— aucun —</translation>
    </message>
    <message>
        <source>At least 12 characters, mixing at least two kinds (letters, digits, symbols).</source>
        <translation>Au moins 12 caractères, de deux sortes au moins (lettres, chiffres, symboles).</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Nom complet :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>Point d&apos;acc&amp;ueil :</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>É&amp;quipe :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirmation :</translation>
    </message>
    <message>
        <source>Create the account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>DeclarationDetailPanel</name>
    <message>
        <source>Request</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <source>Private note for the agents (never sent to the member)</source>
        <translation>Note privée pour les agents (jamais envoyée à l&apos;assuré)</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>A&amp;jouter la note</translation>
    </message>
    <message>
        <source>Comment or reason (required to refuse or close)</source>
        <translation>Commentaire ou motif (obligatoire pour refuser ou classer)</translation>
    </message>
    <message>
        <source>Missing items, separated by &apos;;&apos;</source>
        <translation>Pièces manquantes, séparées par « ; »</translation>
    </message>
    <message>
        <source>&amp;Take</source>
        <translation>&amp;Prendre</translation>
    </message>
    <message>
        <source>&amp;Start instruction</source>
        <translation>&amp;Démarrer l&apos;instruction</translation>
    </message>
    <message>
        <source>Ask the &amp;member</source>
        <translation>De&amp;mander à l&apos;assuré</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>A&amp;ccepter</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Refuser</translation>
    </message>
    <message>
        <source>C&amp;lose without follow-up</source>
        <translation>Cla&amp;sser sans suite</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>R&amp;ouvrir</translation>
    </message>
    <message>
        <source>Supporting documents</source>
        <translation>Pièces justificatives</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Private notes</source>
        <translation>Notes privées</translation>
    </message>
    <message>
        <source>Select a request in the queue.</source>
        <translation>Sélectionnez une démarche dans la file.</translation>
    </message>
    <message>
        <source>No note yet.</source>
        <translation>Aucune note pour l&apos;instant.</translation>
    </message>
    <message>
        <source>State: {state} · expected by {date}</source>
        <translation>État : {state} · échéance : {date}</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>EN RETARD</translation>
    </message>
    <message>
        <source>agent: {name}</source>
        <translation>agent : {name}</translation>
    </message>
    <message>
        <source>received {date}</source>
        <translation>reçue le {date}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquante</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultative</translation>
    </message>
</context>
<context>
    <name>DeclarationQueueModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Assuré</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Déposée le</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Ancienneté (jours)</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
</context>
<context>
    <name>DeclarationsModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Déposée le</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Estimated processing</source>
        <translation>Traitement estimé</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée le</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>non estimé</translation>
    </message>
</context>
<context>
    <name>DeductiblePaymentDialog</name>
    <message>
        <source>Record a payment of deductibles</source>
        <translation>Enregistrer un paiement de franchises</translation>
    </message>
    <message>
        <source>Amount owed: {owed}. The payment settles the oldest years first.</source>
        <translation>Somme due : {owed}. Le paiement solde d&apos;abord les années les plus anciennes.</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Carte bancaire</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <source>Transaction, cheque or transfer number</source>
        <translation>N° de transaction, de chèque ou de virement</translation>
    </message>
    <message>
        <source>&amp;Amount (€):</source>
        <translation>&amp;Montant (€) :</translation>
    </message>
    <message>
        <source>&amp;Means:</source>
        <translation>Moy&amp;en :</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Référence :</translation>
    </message>
    <message>
        <source>Record the payment</source>
        <translation>Enregistrer le paiement</translation>
    </message>
</context>
<context>
    <name>DeductiblesModel</name>
    <message>
        <source>{counted} of {cap} — cap reached</source>
        <translation>{counted} sur {cap} — plafond atteint</translation>
    </message>
    <message>
        <source>{counted} of {cap}</source>
        <translation>{counted} sur {cap}</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Réglé</translation>
    </message>
    <message>
        <source>Participation
withheld</source>
        <translation>Participation
retenue</translation>
    </message>
    <message>
        <source>Participation
owed</source>
        <translation>Participation
due</translation>
    </message>
    <message>
        <source>Participation
cap</source>
        <translation>Plafond
participation</translation>
    </message>
    <message>
        <source>Franchises
withheld</source>
        <translation>Franchises
retenues</translation>
    </message>
    <message>
        <source>Franchises
owed</source>
        <translation>Franchises
dues</translation>
    </message>
    <message>
        <source>Franchise
cap</source>
        <translation>Plafond
franchises</translation>
    </message>
    <message>
        <source>Still
owed</source>
        <translation>Reste
dû</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Participation</translation>
    </message>
    <message>
        <source>Franchise</source>
        <translation>Franchise</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>Soins</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
</context>
<context>
    <name>DeductiblesPanel</name>
    <message>
        <source>Deductibles</source>
        <translation>Franchises</translation>
    </message>
    <message>
        <source>&amp;Record a payment…</source>
        <translation>Enregistrer un &amp;paiement…</translation>
    </message>
    <message>
        <source>Loading the deductibles…</source>
        <translation>Chargement des franchises…</translation>
    </message>
    <message>
        <source>Still owed by the member: &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Reste dû par l&apos;assuré : &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing is owed.</source>
        <translation>Rien n&apos;est dû.</translation>
    </message>
    <message>
        <source>{label} ({start} – {end})</source>
        <translation>{label} ({start} – {end})</translation>
    </message>
    <message>
        <source>Exempt from deductibles: {items}</source>
        <translation>Exonéré des franchises et participations : {items}</translation>
    </message>
    <message>
        <source>No exemption from deductibles.</source>
        <translation>Aucune exonération des franchises et participations.</translation>
    </message>
    <message>
        <source>Owed after tiers-payant care in {year}:</source>
        <translation>Sommes dues après des soins en tiers payant en {year} :</translation>
    </message>
    <message>
        <source>{amount} until {day}</source>
        <translation>{amount} jusqu&apos;au {day}</translation>
    </message>
    <message>
        <source>{amount} from {day}</source>
        <translation>{amount} à partir du {day}</translation>
    </message>
    <message>
        <source>{year}: participation {participation} per act (capped {pcap} a year); franchises {box} per box of medicine, {para} per paramedical act ({para_day} a day), {transport} per transport ({transport_day} a day), capped {fcap} a year.</source>
        <translation>{year} : participation forfaitaire {participation} par acte (plafond {pcap} par an) ; franchises {box} par boîte de médicament, {para} par acte paramédical ({para_day} par jour), {transport} par transport ({transport_day} par jour), plafond {fcap} par an.</translation>
    </message>
</context>
<context>
    <name>DemarchesScreen</name>
    <message>
        <source>Unassigned</source>
        <translation>Non attribuées</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Toutes les natures</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Toute ancienneté</translation>
    </message>
    <message>
        <source>Filed {n} days ago or more</source>
        <translation>Déposées depuis {n} jours ou plus</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Reload the queue (F5)</source>
        <translation>Recharger la file (F5)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>Save the filtered queue as a spreadsheet (every row, not only the first 500)</source>
        <translation>Enregistrer la file filtrée dans un tableur (toutes les lignes, pas seulement les 500 premières)</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>Fichier CSV…</translation>
    </message>
    <message>
        <source>Excel workbook…</source>
        <translation>Classeur Excel…</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Vue :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Nature :</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>Anc&amp;ienneté :</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>Point d&apos;acc&amp;ueil :</translation>
    </message>
    <message>
        <source>Requests are processed by back-office agents. File a new request from the member file.</source>
        <translation>Les démarches sont traitées par les agents du back-office. Déposez une nouvelle démarche depuis le dossier de l&apos;assuré.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Enregistré dans {path}.</translation>
    </message>
    <message>
        <source>{n} request(s), {late} overdue</source>
        <translation>{n} démarche(s), dont {late} en retard</translation>
    </message>
    <message>
        <source>No request in this queue.</source>
        <translation>Aucune démarche dans cette file.</translation>
    </message>
</context>
<context>
    <name>DependentDialog</name>
    <message>
        <source>Dependent: {first} {last}</source>
        <translation>Ayant droit : {first} {last}</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Covered through</source>
        <translation>Rattaché à</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>NIR</source>
        <translation>NIR</translation>
    </message>
    <message>
        <source>None of their own</source>
        <translation>Pas de NIR propre</translation>
    </message>
    <message>
        <source>Carte Vitale</source>
        <translation>Carte Vitale</translation>
    </message>
    <message>
        <source>{serial}, {status} since {date}</source>
        <translation>{serial}, {status} depuis le {date}</translation>
    </message>
    <message>
        <source>None (on the member&apos;s card)</source>
        <translation>Aucune (sur la carte de l&apos;assuré)</translation>
    </message>
    <message>
        <source>ALD in progress</source>
        <translation>ALD en cours</translation>
    </message>
    <message>
        <source>Other parent</source>
        <translation>Autre parent</translation>
    </message>
    <message>
        <source>Also registered on the other parent&apos;s card</source>
        <translation>Également rattaché à la carte de l&apos;autre parent</translation>
    </message>
</context>
<context>
    <name>DependentsModel</name>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>NIR</source>
        <translation>NIR</translation>
    </message>
    <message>
        <source>on the member&apos;s</source>
        <translation>celui de l&apos;assuré</translation>
    </message>
    <message>
        <source>Carte Vitale</source>
        <translation>Carte Vitale</translation>
    </message>
    <message>
        <source>ALD</source>
        <translation>ALD</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <source>Sector 1</source>
        <translation>Secteur 1</translation>
    </message>
    <message>
        <source>Sector 2</source>
        <translation>Secteur 2</translation>
    </message>
    <message>
        <source>OPTAM</source>
        <translation>OPTAM</translation>
    </message>
    <message>
        <source>University hospital</source>
        <translation>CHU</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Centre hospitalier</translation>
    </message>
    <message>
        <source>Private clinic</source>
        <translation>Clinique</translation>
    </message>
    <message>
        <source>Health centre</source>
        <translation>Centre de santé</translation>
    </message>
    <message>
        <source>Multi-professional practice</source>
        <translation>Maison de santé</translation>
    </message>
    <message>
        <source>Medical laboratory</source>
        <translation>Laboratoire de biologie</translation>
    </message>
    <message>
        <source>Radiology centre</source>
        <translation>Centre de radiologie</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Pharmacie</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Private non-profit</source>
        <translation>Privé non lucratif</translation>
    </message>
    <message>
        <source>Private for-profit</source>
        <translation>Privé commercial</translation>
    </message>
    <message>
        <source>Mon.</source>
        <translation>lun.</translation>
    </message>
    <message>
        <source>Tue.</source>
        <translation>mar.</translation>
    </message>
    <message>
        <source>Wed.</source>
        <translation>mer.</translation>
    </message>
    <message>
        <source>Thu.</source>
        <translation>jeu.</translation>
    </message>
    <message>
        <source>Fri.</source>
        <translation>ven.</translation>
    </message>
    <message>
        <source>Sat.</source>
        <translation>sam.</translation>
    </message>
    <message>
        <source>Sun.</source>
        <translation>dim.</translation>
    </message>
    <message>
        <source>Hours not published</source>
        <translation>Horaires non communiqués</translation>
    </message>
    <message>
        <source>Open 24/7</source>
        <translation>Ouvert 24h/24, 7j/7</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Spécialité</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Urgences</translation>
    </message>
    <message>
        <source>24/7</source>
        <translation>24h/24</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
</context>
<context>
    <name>DocumentRequestDialog</name>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <source>Income &amp;year:</source>
        <translation>&amp;Année des revenus :</translation>
    </message>
    <message>
        <source>&amp;Month of the payments:</source>
        <translation>&amp;Mois des paiements :</translation>
    </message>
    <message>
        <source>&amp;Beneficiary:</source>
        <translation>&amp;Bénéficiaire :</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Valable à &amp;partir du :</translation>
    </message>
    <message>
        <source>The certificate is valid for 3 months.</source>
        <translation>Le certificat est valable 3 mois.</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>Dé&amp;livrer</translation>
    </message>
</context>
<context>
    <name>DocumentsMenu</name>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>&amp;Rights certificate</source>
        <translation>&amp;Attestation de droits</translation>
    </message>
    <message>
        <source>&amp;Daily allowances certificate…</source>
        <translation>Attestation d&apos;&amp;indemnités journalières…</translation>
    </message>
    <message>
        <source>&amp;Tax statement…</source>
        <translation>Relevé &amp;fiscal…</translation>
    </message>
    <message>
        <source>&amp;Monthly statement…</source>
        <translation>Relevé &amp;mensuel…</translation>
    </message>
    <message>
        <source>Provisional &amp;EHIC certificate…</source>
        <translation>Certificat provisoire &amp;CEAM…</translation>
    </message>
    <message>
        <source>&amp;Verify a document…</source>
        <translation>&amp;Vérifier un document…</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <source>Escalate to a supervisor</source>
        <translation>Escalader à un superviseur</translation>
    </message>
    <message>
        <source>The thread leaves the shared queue and goes to the supervisors&apos; “Escalated” view. Say what they should decide.</source>
        <translation>L&apos;échange quitte la file commune et rejoint la vue « Escaladés » des superviseurs. Indiquez ce qu&apos;ils doivent trancher.</translation>
    </message>
    <message>
        <source>&amp;Note (required):</source>
        <translation>&amp;Note (obligatoire) :</translation>
    </message>
    <message>
        <source>&amp;Escalate</source>
        <translation>&amp;Escalader</translation>
    </message>
    <message>
        <source>Write a note for the supervisors.</source>
        <translation>Écrivez une note pour les superviseurs.</translation>
    </message>
</context>
<context>
    <name>FileRequestButton</name>
    <message>
        <source>&amp;New request</source>
        <translation>&amp;Nouvelle démarche</translation>
    </message>
    <message>
        <source>File a request for this member</source>
        <translation>Déposer une démarche pour cet assuré</translation>
    </message>
</context>
<context>
    <name>FilingDialog</name>
    <message>
        <source> (optional)</source>
        <translation> (facultatif)</translation>
    </message>
    <message>
        <source>&amp;File the request</source>
        <translation>&amp;Déposer la démarche</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <source>rank, 1 for the member</source>
        <translation>rang, 1 pour l&apos;assuré</translation>
    </message>
    <message>
        <source>No supporting document needed.</source>
        <translation>Aucune pièce justificative à fournir.</translation>
    </message>
    <message>
        <source>Supporting documents:</source>
        <translation>Pièces justificatives :</translation>
    </message>
    <message>
        <source>received</source>
        <translation>reçue</translation>
    </message>
    <message>
        <source>to provide</source>
        <translation>à fournir</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultative</translation>
    </message>
</context>
<context>
    <name>FlowChart</name>
    <message>
        <source>E-mails received and closed per day</source>
        <translation>Courriels reçus et clos par jour</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
</context>
<context>
    <name>HoursEditor</name>
    <message>
        <source>Opening ranges, e.g. 08:30-12:00, 13:30-16:30; empty: closed all day</source>
        <translation>Plages d&apos;ouverture, par exemple 08:30-12:00, 13:30-16:30 ; vide : fermé toute la journée</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>{day}:</source>
        <translation>{day} :</translation>
    </message>
</context>
<context>
    <name>IdentityTab</name>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Nom de naissance</translation>
    </message>
    <message>
        <source>First names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <source>NIR</source>
        <translation>NIR</translation>
    </message>
    <message>
        <source>Address and contact</source>
        <translation>Adresse et contact</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Health professionals &amp;nearby…</source>
        <translation>Professionnels de santé à &amp;proximité…</translation>
    </message>
    <message>
        <source>The health directory around the member&apos;s postcode</source>
        <translation>L&apos;annuaire santé autour du code postal de l&apos;assuré</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Droits</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Au titre de</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Régime</translation>
    </message>
    <message>
        <source>CPAM</source>
        <translation>CPAM</translation>
    </message>
    <message>
        <source>Referring doctor</source>
        <translation>Médecin traitant</translation>
    </message>
    <message>
        <source>Complementary insurer</source>
        <translation>Complémentaire santé</translation>
    </message>
    <message>
        <source>CSS / AME</source>
        <translation>CSS / AME</translation>
    </message>
    <message>
        <source>Deductibles owed</source>
        <translation>Franchises dues</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Coordonnées bancaires</translation>
    </message>
    <message>
        <source>&amp;Show the IBAN</source>
        <translation>Afficher l&apos;IBA&amp;N</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>Carte Vitale</source>
        <translation>Carte Vitale</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Émise le</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>État depuis le</translation>
    </message>
    <message>
        <source>Dependents (Enter: details)</source>
        <translation>Ayants droit (Entrée : détails)</translation>
    </message>
    <message>
        <source>No dependent.</source>
        <translation>Aucun ayant droit.</translation>
    </message>
    <message>
        <source>{date} in {place} ({age})</source>
        <translation>le {date} à {place} ({age})</translation>
    </message>
    <message>
        <source>No address on file</source>
        <translation>Aucune adresse connue</translation>
    </message>
    <message>
        <source>Fund {code}</source>
        <translation>Caisse {code}</translation>
    </message>
    <message>
        <source>Dr {name}, {specialty}, {city}</source>
        <translation>Dr {name}, {specialty}, {city}</translation>
    </message>
    <message>
        <source>None declared</source>
        <translation>Aucun déclaré</translation>
    </message>
    <message>
        <source>{name} (since {date})</source>
        <translation>{name} (depuis le {date})</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>{amount} per month</source>
        <translation>{amount} par mois</translation>
    </message>
    <message>
        <source>(ended)</source>
        <translation>(terminée)</translation>
    </message>
    <message>
        <source>Shows the full IBAN; the access is recorded in the audit trail.</source>
        <translation>Affiche l&apos;IBAN complet ; l&apos;accès est enregistré dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Your profile does not allow showing the full IBAN.</source>
        <translation>Votre profil ne permet pas d&apos;afficher l&apos;IBAN complet.</translation>
    </message>
    <message>
        <source>No bank account on file</source>
        <translation>Aucun compte bancaire connu</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>Aucune carte</translation>
    </message>
</context>
<context>
    <name>IjPaymentsModel</name>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Daily (gross)</source>
        <translation>IJ brute / jour</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brut</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Taxable</source>
        <translation>Imposable</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Payée le</translation>
    </message>
</context>
<context>
    <name>LeavesTab</name>
    <message>
        <source>Sick leaves</source>
        <translation>Arrêts de travail</translation>
    </message>
    <message>
        <source>IJ payments of the selected leave</source>
        <translation>Paiements d&apos;IJ de l&apos;arrêt sélectionné</translation>
    </message>
    <message>
        <source>Work accidents and occupational diseases</source>
        <translation>Accidents du travail et maladies professionnelles</translation>
    </message>
    <message>
        <source>No work accident or occupational disease.</source>
        <translation>Aucun accident du travail ni maladie professionnelle.</translation>
    </message>
    <message>
        <source>No sick leave and no work accident or occupational disease.</source>
        <translation>Aucun arrêt de travail, accident du travail ni maladie professionnelle.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Close this session; another advisor can then sign in.</source>
        <translation>Ferme cette session ; un autre agent peut alors se connecter.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>The session of {name} was locked after a period without activity. Enter your password to resume where you left off.</source>
        <translation>La session de {name} a été verrouillée après un moment d&apos;inactivité. Saisissez votre mot de passe pour reprendre là où vous en étiez.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — Advisor desk</source>
        <translation>Connexion — Poste conseiller</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>e.g. jdupont</source>
        <translation>p. ex. jdupont</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Saisissez votre identifiant.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>MailQueueModel</name>
    <message>
        <source>Rights, Vitale card</source>
        <translation>Droits, carte Vitale</translation>
    </message>
    <message>
        <source>Reimbursements</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Sick leave</source>
        <translation>Arrêt de travail</translation>
    </message>
    <message>
        <source>CSS</source>
        <translation>CSS</translation>
    </message>
    <message>
        <source>Work accident</source>
        <translation>Accident du travail</translation>
    </message>
    <message>
        <source>Maternity, paternity</source>
        <translation>Maternité, paternité</translation>
    </message>
    <message>
        <source>Address, bank details</source>
        <translation>Adresse, coordonnées bancaires</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Waiting for member</source>
        <translation>En attente de l&apos;assuré</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>suspendu</translation>
    </message>
    <message>
        <source>late by {h} h</source>
        <translation>en retard de {h} h</translation>
    </message>
    <message>
        <source>{h} h left</source>
        <translation>{h} h restantes</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Dernier message</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Advisor desk — Assurance Maladie</source>
        <translation>Poste conseiller — Assurance Maladie</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Changer mon mot de &amp;passe…</translation>
    </message>
    <message>
        <source>&amp;Lock the session</source>
        <translation>&amp;Verrouiller la session</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller à</translation>
    </message>
    <message>
        <source>&amp;Find a member</source>
        <translation>&amp;Rechercher un assuré</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>Thème &amp;sombre</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Session fermée.</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>Votre mot de passe a été modifié.</translation>
    </message>
    <message>
        <source>Advisor desk</source>
        <translation>Poste conseiller</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Rechercher un assuré</translation>
    </message>
    <message>
        <source>Lock the session</source>
        <translation>Verrouiller la session</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Thème sombre</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Advisor desk {version}
The workstation of the advisors, agents and supervisors of a CPAM.</source>
        <translation>Poste conseiller {version}
Le poste de travail des conseillers, agents et superviseurs d&apos;une CPAM.</translation>
    </message>
</context>
<context>
    <name>MemberAppointmentsTab</name>
    <message>
        <source>&amp;New appointment…</source>
        <translation>N&amp;ouveau rendez-vous…</translation>
    </message>
    <message>
        <source>Cancel at the member&apos;s &amp;request</source>
        <translation>Ann&amp;uler à la demande de l&apos;assuré</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>Dé&amp;placer…</translation>
    </message>
    <message>
        <source>Save the &amp;calendar file…</source>
        <translation>Enre&amp;gistrer le fichier calendrier…</translation>
    </message>
    <message>
        <source>No appointment for this member.</source>
        <translation>Aucun rendez-vous pour cet assuré.</translation>
    </message>
    <message>
        <source>Select an appointment first.</source>
        <translation>Sélectionnez d&apos;abord un rendez-vous.</translation>
    </message>
    <message>
        <source>Only a coming appointment can be moved.</source>
        <translation>Seul un rendez-vous à venir peut être déplacé.</translation>
    </message>
    <message>
        <source>Appointment moved; the member is informed.</source>
        <translation>Rendez-vous déplacé ; l&apos;assuré en est informé.</translation>
    </message>
    <message>
        <source>Only a coming appointment can be cancelled.</source>
        <translation>Seul un rendez-vous à venir peut être annulé.</translation>
    </message>
    <message>
        <source>Appointment cancelled; the member is informed.</source>
        <translation>Rendez-vous annulé ; l&apos;assuré en est informé.</translation>
    </message>
    <message>
        <source>Only a coming appointment has a calendar file.</source>
        <translation>Seul un rendez-vous à venir a un fichier calendrier.</translation>
    </message>
    <message>
        <source>Save the calendar file</source>
        <translation>Enregistrer le fichier calendrier</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers calendrier (*.ics)</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Le fichier n&apos;a pas pu être écrit : {error}</translation>
    </message>
    <message>
        <source>Calendar file saved to {path}.</source>
        <translation>Fichier calendrier enregistré : {path}.</translation>
    </message>
</context>
<context>
    <name>MemberFileView</name>
    <message>
        <source>No ALD (long-term condition) on file.</source>
        <translation>Aucune ALD (affection de longue durée) enregistrée.</translation>
    </message>
    <message>
        <source>An ALD ending within three months is flagged for renewal, as is an expired care protocol.</source>
        <translation>Une ALD qui se termine dans les trois mois est signalée à renouveler, de même qu&apos;un protocole de soins expiré.</translation>
    </message>
    <message>
        <source>No request filed by or for this member.</source>
        <translation>Aucune démarche déposée par ou pour cet assuré.</translation>
    </message>
    <message>
        <source>Requests in progress are in bold, with their estimated processing date.</source>
        <translation>Les démarches en cours sont en gras, avec leur date de traitement estimée.</translation>
    </message>
    <message>
        <source>&amp;Identity and rights</source>
        <translation>&amp;Identité et droits</translation>
    </message>
    <message>
        <source>&amp;ALD</source>
        <translation>AL&amp;D</translation>
    </message>
    <message>
        <source>Sick &amp;leaves and AT/MP</source>
        <translation>A&amp;rrêts et AT/MP</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>Dé&amp;marches</translation>
    </message>
    <message>
        <source>Opening the file…</source>
        <translation>Ouverture du dossier…</translation>
    </message>
    <message>
        <source>Issuing the code…</source>
        <translation>Création du code…</translation>
    </message>
    <message>
        <source>Code handed over, valid until {date}: print the letter (or save it) and give it to the member. It is not kept: once closed, only a new code can replace it.</source>
        <translation>Code remis, valable jusqu&apos;au {date} : imprimez le courrier (ou enregistrez-le) et remettez-le à l&apos;assuré. Il n&apos;est pas conservé : une fois fermé, seul un nouveau code peut le remplacer.</translation>
    </message>
    <message>
        <source>ameli provisional code</source>
        <translation>Code provisoire ameli</translation>
    </message>
    <message>
        <source>Letter for the member, with the provisional code valid until {date}. It is neither registered nor sent: print it or save it now.</source>
        <translation>Courrier pour l&apos;assuré, avec le code provisoire valable jusqu&apos;au {date}. Il n&apos;est ni enregistré ni envoyé : imprimez-le ou enregistrez-le maintenant.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déblocage…</translation>
    </message>
    <message>
        <source>The account is unlocked: the member can sign in again.</source>
        <translation>Le compte est débloqué : l&apos;assuré peut de nouveau se connecter.</translation>
    </message>
</context>
<context>
    <name>MemberHeaderBar</name>
    <message>
        <source>Member &amp;done</source>
        <translation>Assuré &amp;terminé</translation>
    </message>
    <message>
        <source>Clear the screen for the next person (Esc)</source>
        <translation>Efface l&apos;écran pour la personne suivante (Échap)</translation>
    </message>
    <message>
        <source>born on {date}</source>
        <translation>né le {date}</translation>
    </message>
    <message>
        <source>born on {date}</source>
        <comment>female</comment>
        <translation>née le {date}</translation>
    </message>
    <message>
        <source>NIR {nir} · {born} ({age}) · {sex}</source>
        <translation>NIR {nir} · {born} ({age}) · {sex}</translation>
    </message>
    <message>
        <source>Opening the file…</source>
        <translation>Ouverture du dossier…</translation>
    </message>
</context>
<context>
    <name>MemberMessagesTab</name>
    <message>
        <source>No message exchanged with this member.</source>
        <translation>Aucun échange avec cet assuré.</translation>
    </message>
</context>
<context>
    <name>MonthlyStatementsList</name>
    <message>
        <source>Monthly &amp;statements</source>
        <translation>Relevés &amp;mensuels</translation>
    </message>
    <message>
        <source>Issue this statement</source>
        <translation>Délivrer ce relevé</translation>
    </message>
</context>
<context>
    <name>MonthlyStatementsModel</name>
    <message>
        <source>January</source>
        <translation>Janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>Avril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>Septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>Novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Décembre</translation>
    </message>
    <message>
        <source>Paid to the member: {amount}; withheld: {withheld}</source>
        <translation>Versé à l&apos;assuré : {amount} ; retenues : {withheld}</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Relevé</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Reimbursed</source>
        <translation>Remboursé</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
</context>
<context>
    <name>OfficeForm</name>
    <message>
        <source>e.g. LYO3</source>
        <translation>ex. LYO3</translation>
    </message>
    <message>
        <source>e.g. 45.7602</source>
        <translation>ex. 45,7602</translation>
    </message>
    <message>
        <source>e.g. 4.8600</source>
        <translation>ex. 4,8600</translation>
    </message>
    <message>
        <source>Step-free entrance</source>
        <translation>Entrée de plain-pied</translation>
    </message>
    <message>
        <source>Accessible parking</source>
        <translation>Stationnement accessible</translation>
    </message>
    <message>
        <source>Accessible counter</source>
        <translation>Guichet accessible</translation>
    </message>
    <message>
        <source>Hearing loop</source>
        <translation>Boucle magnétique</translation>
    </message>
    <message>
        <source>Active (open to bookings)</source>
        <translation>Actif (ouvert aux rendez-vous)</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>C&amp;ode :</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>No&amp;m :</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse :</translation>
    </message>
    <message>
        <source>Post&amp;code:</source>
        <translation>Code &amp;postal :</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>&amp;Commune :</translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation>Lat&amp;itude :</translation>
    </message>
    <message>
        <source>Lon&amp;gitude:</source>
        <translation>Lon&amp;gitude :</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone :</translation>
    </message>
    <message>
        <source>Reduced mobility:</source>
        <translation>Accessibilité PMR :</translation>
    </message>
</context>
<context>
    <name>OfficesPanel</name>
    <message>
        <source>&amp;New office</source>
        <translation>&amp;Nouveau point d&apos;accueil</translation>
    </message>
    <message>
        <source>&amp;Save the office</source>
        <translation>Enregi&amp;strer le point d&apos;accueil</translation>
    </message>
    <message>
        <source>Save the &amp;hours</source>
        <translation>Enregistrer les &amp;horaires</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Point d&apos;accueil</translation>
    </message>
    <message>
        <source>Weekly opening hours</source>
        <translation>Horaires d&apos;ouverture de la semaine</translation>
    </message>
    <message>
        <source>Closures (from today)</source>
        <translation>Fermetures (à partir d&apos;aujourd&apos;hui)</translation>
    </message>
    <message>
        <source>No office yet: create one with “New office”.</source>
        <translation>Aucun point d&apos;accueil : créez-en un avec « Nouveau point d&apos;accueil ».</translation>
    </message>
    <message>
        <source>Type the coordinates as decimal numbers.</source>
        <translation>Saisissez les coordonnées en nombres décimaux.</translation>
    </message>
    <message>
        <source>Office “{name}” created.</source>
        <translation>Point d&apos;accueil « {name} » créé.</translation>
    </message>
    <message>
        <source>Office “{name}” saved.</source>
        <translation>Point d&apos;accueil « {name} » enregistré.</translation>
    </message>
    <message>
        <source>{day}: type the ranges as 08:30-12:00, 13:30-16:30.</source>
        <translation>{day} : saisissez les plages ainsi : 08:30-12:00, 13:30-16:30.</translation>
    </message>
    <message>
        <source>Opening hours of “{name}” saved.</source>
        <translation>Horaires d&apos;ouverture de « {name} » enregistrés.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview — {title}</source>
        <translation>Aperçu — {title}</translation>
    </message>
    <message>
        <source>Document no. {number} — verification code {code} — {pages} page(s)</source>
        <translation>Document n° {number} — code de vérification {code} — {pages} page(s)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print the document (Ctrl+P)</source>
        <translation>Imprimer le document (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Save the PDF file (Ctrl+S)</source>
        <translation>Enregistrer le fichier PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Send to the member&apos;s &amp;inbox</source>
        <translation>Envoyer dans la &amp;messagerie de l&apos;assuré</translation>
    </message>
    <message>
        <source>Put the document in the member&apos;s ameli inbox (Ctrl+E)</source>
        <translation>Déposer le document dans la messagerie ameli de l&apos;assuré (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close the preview (Esc)</source>
        <translation>Fermer l&apos;aperçu (Échap)</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Enregistrer le document</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Sent to the printer ({pages} page(s)).</source>
        <translation>Envoyé à l&apos;imprimante ({pages} page(s)).</translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation>L&apos;imprimante n&apos;a pas pu être utilisée.</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Le fichier n&apos;a pas pu être écrit : {error}</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Enregistré dans {path}.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>The document is in the member&apos;s inbox.</source>
        <translation>Le document est dans la messagerie de l&apos;assuré.</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
</context>
<context>
    <name>ReasonsPanel</name>
    <message>
        <source>&amp;New reason</source>
        <translation>&amp;Nouveau motif</translation>
    </message>
    <message>
        <source>e.g. css</source>
        <translation>ex. css</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>No booking later than this many hours before</source>
        <translation>Pas de réservation moins de ce nombre d&apos;heures avant</translation>
    </message>
    <message>
        <source> days</source>
        <translation> j</translation>
    </message>
    <message>
        <source>No booking further ahead than this many days</source>
        <translation>Pas de réservation plus de ce nombre de jours à l&apos;avance</translation>
    </message>
    <message>
        <source>Offered to book (active)</source>
        <translation>Proposé à la réservation (actif)</translation>
    </message>
    <message>
        <source>&amp;Save the reason</source>
        <translation>&amp;Enregistrer le motif</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>C&amp;ode :</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Durée :</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>Mo&amp;dalité :</translation>
    </message>
    <message>
        <source>Minimum d&amp;elay:</source>
        <translation>Délai m&amp;inimal :</translation>
    </message>
    <message>
        <source>Ma&amp;ximum delay:</source>
        <translation>Délai ma&amp;ximal :</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>No reason yet: create one with “New reason”.</source>
        <translation>Aucun motif : créez-en un avec « Nouveau motif ».</translation>
    </message>
    <message>
        <source>Reason “{label}” created.</source>
        <translation>Motif « {label} » créé.</translation>
    </message>
    <message>
        <source>Reason “{label}” saved.</source>
        <translation>Motif « {label} » enregistré.</translation>
    </message>
</context>
<context>
    <name>ReceiptBar</name>
    <message>
        <source>Acknowledgement of receipt…</source>
        <translation>Accusé de réception…</translation>
    </message>
    <message>
        <source>Issue the request&apos;s acknowledgement of receipt, to print or send (Ctrl+Shift+R)</source>
        <translation>Délivrer l&apos;accusé de réception de la démarche, à imprimer ou à envoyer (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <source>Request {number} filed: hand over its acknowledgement of receipt (Ctrl+Shift+R).</source>
        <translation>Démarche {number} déposée : remettez-en l&apos;accusé de réception à l&apos;assuré (Ctrl+Maj+R).</translation>
    </message>
    <message>
        <source>Generating the document…</source>
        <translation>Génération du document…</translation>
    </message>
</context>
<context>
    <name>ReimbursementsFilterBar</name>
    <message>
        <source>&amp;27 months</source>
        <translation>&amp;27 mois</translation>
    </message>
    <message>
        <source>Back to the months kept online</source>
        <translation>Revenir aux mois consultables en ligne</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <source>Category of care</source>
        <translation>Catégorie de soins</translation>
    </message>
    <message>
        <source>All care</source>
        <translation>Tous les soins</translation>
    </message>
    <message>
        <source>GP consultations</source>
        <translation>Consultations de généraliste</translation>
    </message>
    <message>
        <source>Specialists</source>
        <translation>Spécialistes</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Pharmacie</translation>
    </message>
    <message>
        <source>Paramedical care</source>
        <translation>Soins paramédicaux</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hôpital</translation>
    </message>
    <message>
        <source>Dental care</source>
        <translation>Dentaire</translation>
    </message>
    <message>
        <source>Optical</source>
        <translation>Optique</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>Imagerie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payés</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professionnel</translation>
    </message>
    <message>
        <source>&amp;Care from</source>
        <translation>Soins d&amp;u</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>&amp;Pour</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tous les bénéficiaires</translation>
    </message>
    <message>
        <source>All professionals</source>
        <translation>Tous les professionnels</translation>
    </message>
</context>
<context>
    <name>ReimbursementsModel</name>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Rejected: {reason}</source>
        <translation>Rejeté : {reason}</translation>
    </message>
    <message>
        <source>Care date</source>
        <translation>Date des soins</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professionnel</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>Acte</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>Dépense</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Reimbursed</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Participation</translation>
    </message>
    <message>
        <source>Franchise</source>
        <translation>Franchise</translation>
    </message>
    <message>
        <source>Paid to</source>
        <translation>Versé à</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Assuré</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>Date de paiement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>Cette colonne ne peut pas être triée</translation>
    </message>
</context>
<context>
    <name>ReimbursementsTab</name>
    <message>
        <source>Reimbursements</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>&amp;Group by monthly statement</source>
        <translation>&amp;Grouper par relevé mensuel</translation>
    </message>
    <message>
        <source>Show the month&apos;s payments as on the member&apos;s account</source>
        <translation>Afficher les paiements du mois comme sur le compte de l&apos;assuré</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>D&amp;ocuments</translation>
    </message>
    <message>
        <source>Issue a certificate or a statement (Ctrl+Shift+A: rights certificate)</source>
        <translation>Délivrer une attestation ou un relevé (Ctrl+Maj+A : attestation de droits)</translation>
    </message>
    <message>
        <source>Loading the reimbursements…</source>
        <translation>Chargement des remboursements…</translation>
    </message>
    <message>
        <source>Computing the totals…</source>
        <translation>Calcul des totaux…</translation>
    </message>
    <message>
        <source>{lines} line(s) — charged {charged} — reimbursed {reimbursed} (to the member {member}, to professionals {pros}) — participation {participation} — franchises {franchise} — pending {pending}, rejected {rejected}</source>
        <translation>{lines} ligne(s) — dépense {charged} — remboursé {reimbursed} (à l&apos;assuré {member}, aux professionnels {pros}) — participation {participation} — franchises {franchise} — en attente {pending}, rejetées {rejected}</translation>
    </message>
    <message>
        <source>No reimbursement matches these filters.</source>
        <translation>Aucun remboursement ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Generating the document…</source>
        <translation>Génération du document…</translation>
    </message>
</context>
<context>
    <name>RendezVousScreen</name>
    <message>
        <source>By office</source>
        <translation>Par point d&apos;accueil</translation>
    </message>
    <message>
        <source>By advisor</source>
        <translation>Par conseiller</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>A&amp;genda :</translation>
    </message>
    <message>
        <source>Today&apos;s arrivals</source>
        <translation>Arrivées du jour</translation>
    </message>
    <message>
        <source>&amp;Arrived</source>
        <translation>A&amp;rrivée</translation>
    </message>
    <message>
        <source>&amp;Undo arrival</source>
        <translation>Annuler l&apos;arr&amp;ivée</translation>
    </message>
    <message>
        <source>&amp;Seen</source>
        <translation>Reç&amp;u</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>A&amp;bsent</translation>
    </message>
    <message>
        <source>&amp;Cancel…</source>
        <translation>A&amp;nnuler…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>No office or advisor to show.</source>
        <translation>Aucun point d&apos;accueil ni conseiller à afficher.</translation>
    </message>
    <message>
        <source>{advisor} {start}–{end}</source>
        <translation>{advisor} {start}–{end}</translation>
    </message>
    <message>
        <source>Open: {ranges}</source>
        <translation>Ouverture : {ranges}</translation>
    </message>
    <message>
        <source>No opening range in this period.</source>
        <translation>Aucune plage d&apos;ouverture sur cette période.</translation>
    </message>
    <message>
        <source>No appointment in this period.</source>
        <translation>Aucun rendez-vous sur cette période.</translation>
    </message>
    <message>
        <source>Select an appointment first.</source>
        <translation>Sélectionnez d&apos;abord un rendez-vous.</translation>
    </message>
    <message>
        <source>{name} is in the waiting room.</source>
        <translation>{name} est en salle d&apos;attente.</translation>
    </message>
    <message>
        <source>{name} is back to booked (arrival undone).</source>
        <translation>Arrivée de {name} annulée : rendez-vous de nouveau à venir.</translation>
    </message>
    <message>
        <source>{name} was seen.</source>
        <translation>{name} a été reçu(e).</translation>
    </message>
    <message>
        <source>{name} marked as a no-show.</source>
        <translation>{name} : absence enregistrée.</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>Annuler le rendez-vous</translation>
    </message>
    <message>
        <source>Reason given to the member:</source>
        <translation>Motif communiqué à l&apos;assuré :</translation>
    </message>
    <message>
        <source>Appointment of {name} cancelled.</source>
        <translation>Rendez-vous de {name} annulé.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset a password</source>
        <translation>Réinitialiser un mot de passe</translation>
    </message>
    <message>
        <source>New password for {name} ({login}). Give it to the advisor in person; a locked account is unlocked as well.</source>
        <translation>Nouveau mot de passe pour {name} ({login}). Remettez-le en main propre à l&apos;agent ; un compte verrouillé est aussi déverrouillé.</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirmation :</translation>
    </message>
    <message>
        <source>Reset the password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>New opening range</source>
        <translation>Nouvelle plage d&apos;ouverture</translation>
    </message>
    <message>
        <source>Edit the opening range</source>
        <translation>Modifier la plage d&apos;ouverture</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Chaque semaine</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Une seule fois</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Sans date de fin</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;Advisor:</source>
        <translation>&amp;Agent :</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>Point d&apos;acc&amp;ueil :</translation>
    </message>
    <message>
        <source>&amp;Recurrence:</source>
        <translation>&amp;Récurrence :</translation>
    </message>
    <message>
        <source>&amp;Weekday:</source>
        <translation>&amp;Jour de la semaine :</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Jusqu&apos;au :</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Horaires :</translation>
    </message>
    <message>
        <source>Rea&amp;sons:</source>
        <translation>Moti&amp;fs :</translation>
    </message>
    <message>
        <source>Add the range</source>
        <translation>Ajouter la plage</translation>
    </message>
    <message>
        <source>Save the range</source>
        <translation>Enregistrer la plage</translation>
    </message>
    <message>
        <source>{name} — inactive</source>
        <translation>{name} — inactif</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Jour :</translation>
    </message>
    <message>
        <source>Choose an advisor and an office.</source>
        <translation>Choisissez un agent et un point d&apos;accueil.</translation>
    </message>
</context>
<context>
    <name>SchedulesPanel</name>
    <message>
        <source>&amp;Office:</source>
        <translation>Point d&apos;acc&amp;ueil :</translation>
    </message>
    <message>
        <source>&amp;Add a range…</source>
        <translation>&amp;Ajouter une plage…</translation>
    </message>
    <message>
        <source>&amp;Edit the range…</source>
        <translation>&amp;Modifier la plage…</translation>
    </message>
    <message>
        <source>&amp;Delete the range</source>
        <translation>&amp;Supprimer la plage</translation>
    </message>
    <message>
        <source>Editing or deleting a range keeps its booked appointments: cancel them from the agenda.</source>
        <translation>Modifier ou supprimer une plage garde ses rendez-vous déjà pris : annulez-les depuis l&apos;agenda.</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>Tous les accueils</translation>
    </message>
    <message>
        <source>No opening range here: add one with “Add a range”.</source>
        <translation>Aucune plage d&apos;ouverture ici : ajoutez-en une avec « Ajouter une plage ».</translation>
    </message>
    <message>
        <source>Opening range of {advisor} added.</source>
        <translation>Plage d&apos;ouverture de {advisor} ajoutée.</translation>
    </message>
    <message>
        <source>Opening range of {advisor} updated.</source>
        <translation>Plage d&apos;ouverture de {advisor} modifiée.</translation>
    </message>
    <message>
        <source>Delete this opening range of {advisor}? Appointments already booked in it stay booked.</source>
        <translation>Supprimer cette plage d&apos;ouverture de {advisor} ? Les rendez-vous déjà pris sur cette plage restent pris.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Opening range of {advisor} deleted.</source>
        <translation>Plage d&apos;ouverture de {advisor} supprimée.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Find a member</source>
        <translation>Rechercher un assuré</translation>
    </message>
    <message>
        <source>NIR, start of the NIR, or name and first name (dupont jean 12/03/1984)</source>
        <translation>NIR, début du NIR, ou nom et prénom (dupont jean 12/03/1984)</translation>
    </message>
    <message>
        <source>Accents and case do not matter; close names are offered when nothing matches. Enter opens the first line, Down goes to the results.</source>
        <translation>Accents et majuscules indifférents ; des noms proches sont proposés si rien ne correspond. Entrée ouvre la première ligne, Flèche bas va aux résultats.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>NIR</source>
        <translation>NIR</translation>
    </message>
    <message>
        <source>none of their own</source>
        <translation>pas de NIR propre</translation>
    </message>
    <message>
        <source>Shown in full once the file is opened</source>
        <translation>Affiché en entier à l&apos;ouverture du dossier</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Dependents</source>
        <translation>Ayants droit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Dependent of {holder}</source>
        <translation>Ayant droit de {holder}</translation>
    </message>
    <message>
        <source>born {name}</source>
        <translation>né(e) {name}</translation>
    </message>
</context>
<context>
    <name>SessionStatusBar</name>
    <message>
        <source>{name} — {role}</source>
        <translation>{name} — {role}</translation>
    </message>
    <message>
        <source>No office</source>
        <translation>Sans point d&apos;accueil</translation>
    </message>
    <message>
        <source>Database: {description}</source>
        <translation>Base de données : {description}</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Connexion perdue</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Empty: the embedded database</source>
        <translation>Vide : la base embarquée</translation>
    </message>
    <message>
        <source>sqlite:///path/file.db or postgresql+psycopg://user@host:5432/database</source>
        <translation>sqlite:///chemin/fichier.db ou postgresql+psycopg://utilisateur@hôte:5432/base</translation>
    </message>
    <message>
        <source>Empty: no server (direct database access)</source>
        <translation>Vide : pas de serveur (accès direct à la base)</translation>
    </message>
    <message>
        <source>e.g. https://advisor-desk.cpam.example:8765</source>
        <translation>p. ex. https://advisor-desk.cpam.example:8765</translation>
    </message>
    <message>
        <source>Changes of database or server apply at the next start of the application. The --db and --server options, and the ADVISOR_DESK_DB variable, take precedence over them.</source>
        <translation>Un changement de base ou de serveur prend effet au prochain démarrage de l&apos;application. Les options --db et --server, et la variable ADVISOR_DESK_DB, ont priorité sur ces réglages.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>The session locks after this delay without keyboard or mouse input.</source>
        <translation>La session se verrouille après ce délai sans action au clavier ni à la souris.</translation>
    </message>
    <message>
        <source>Display and security</source>
        <translation>Affichage et sécurité</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>&amp;Lock the session after:</source>
        <translation>&amp;Verrouiller la session après :</translation>
    </message>
</context>
<context>
    <name>SickLeavesModel</name>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescripteur</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>Lié à</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>IJ paid (net)</source>
        <translation>IJ versées (net)</translation>
    </message>
    <message>
        <source>ALD</source>
        <translation>ALD</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>First start</source>
        <translation>Premier démarrage</translation>
    </message>
    <message>
        <source>Ready. Please sign in.</source>
        <translation>Prêt. Connectez-vous.</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
</context>
<context>
    <name>StatePanel</name>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>SupervisionModels</name>
    <message>
        <source>1–3 days</source>
        <translation>1 à 3 jours</translation>
    </message>
    <message>
        <source>3–7 days</source>
        <translation>3 à 7 jours</translation>
    </message>
    <message>
        <source>Under 1 day</source>
        <translation>Moins d&apos;un jour</translation>
    </message>
    <message>
        <source>Over 7 days</source>
        <translation>Plus de 7 jours</translation>
    </message>
    <message>
        <source>1–3 d</source>
        <translation>1–3 j</translation>
    </message>
    <message>
        <source>3–7 d</source>
        <translation>3–7 j</translation>
    </message>
    <message>
        <source>0–1 d</source>
        <translation>0–1 j</translation>
    </message>
    <message>
        <source>7+ d</source>
        <translation>+ de 7 j</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Open e-mails</source>
        <translation>Courriels ouverts</translation>
    </message>
    <message>
        <source>Open procedures</source>
        <translation>Démarches ouvertes</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Traités</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Par jour</translation>
    </message>
    <message>
        <source>Median handling</source>
        <translation>Traitement médian</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
</context>
<context>
    <name>SupervisionScreen</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <source>Reload the figures (F5)</source>
        <translation>Recharger les chiffres (F5)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Exporter en &amp;XLSX…</translation>
    </message>
    <message>
        <source>&amp;PDF summary…</source>
        <translation>Synthèse P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Réattribuer</translation>
    </message>
    <message>
        <source>Agents and rebalancing</source>
        <translation>Agents et répartition de la charge</translation>
    </message>
    <message>
        <source>Reassign the selected items &amp;to:</source>
        <translation>Réattribuer les éléments sélectionnés &amp;à :</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>From {first} to {last}.</source>
        <translation>Du {first} au {last}.</translation>
    </message>
    <message>
        <source>E-mails: {open} open; response deadline met: {sla}; first response median {fr} (p90 {fr90}); resolution median {res} (p90 {res90}); backlog cleared in {days} days at {rate} closures a day.</source>
        <translation>Courriels : {open} ouverts ; délai de réponse respecté : {sla} ; première réponse médiane {fr} (p90 {fr90}) ; résolution médiane {res} (p90 {res90}) ; stock résorbé en {days} jours au rythme de {rate} clôtures par jour.</translation>
    </message>
    <message>
        <source>Procedures: {open} open, {overdue} overdue; acceptance rate {acc}. Appointments: {booked} booked, no-show rate {noshow}, average wait {wait}.</source>
        <translation>Démarches : {open} ouvertes, {overdue} en retard ; taux d&apos;acceptation {acc}. Rendez-vous : {booked} réservés, taux d&apos;absence {noshow}, attente moyenne {wait}.</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation>Remettre dans la file</translation>
    </message>
    <message>
        <source>Select the items to reassign first.</source>
        <translation>Sélectionnez d&apos;abord les éléments à réattribuer.</translation>
    </message>
    <message>
        <source>{count} item(s) reassigned.</source>
        <translation>{count} élément(s) réattribué(s).</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Enregistré dans {path}.</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <source>Release</source>
        <translation>Relâcher</translation>
    </message>
    <message>
        <source>Put the thread back in the shared queue (Ctrl+Shift+R)</source>
        <translation>Remettre l&apos;échange dans la file commune (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transférer…</translation>
    </message>
    <message>
        <source>Hand the thread to another agent or a team, with a note (Ctrl+Shift+T)</source>
        <translation>Confier l&apos;échange à un autre agent ou à une équipe, avec une note (Ctrl+Maj+T)</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Escalader…</translation>
    </message>
    <message>
        <source>Hand the thread to the supervisors, with a note (Ctrl+Shift+X)</source>
        <translation>Confier l&apos;échange aux superviseurs, avec une note (Ctrl+Maj+X)</translation>
    </message>
    <message>
        <source>&amp;Member file</source>
        <translation>&amp;Dossier assuré</translation>
    </message>
    <message>
        <source>The member&apos;s file, in Accueil (every reading is recorded)</source>
        <translation>Le dossier de l&apos;assuré, dans Accueil (chaque consultation est tracée)</translation>
    </message>
    <message>
        <source>&amp;Attach a document…</source>
        <translation>&amp;Joindre un document…</translation>
    </message>
    <message>
        <source>Attach a document issued for this member (issue it from the member file)</source>
        <translation>Joindre un document délivré pour cet assuré (à délivrer depuis son dossier)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Search by keyword…</source>
        <translation>Chercher par mot-clé…</translation>
    </message>
    <message>
        <source>Templates whose title or keywords hold every word; Down goes to the list</source>
        <translation>Modèles dont le titre ou les mots-clés contiennent tous les mots ; Flèche bas va à la liste</translation>
    </message>
    <message>
        <source>Press Enter on a template to insert it</source>
        <translation>Appuyez sur Entrée sur un modèle pour l&apos;insérer</translation>
    </message>
    <message>
        <source>Knowledge-base articles for this message: Enter opens one</source>
        <translation>Articles de la base de connaissances pour ce message : Entrée en ouvre un</translation>
    </message>
    <message>
        <source>Reclassify the thread: the deadline of its first answer follows the theme</source>
        <translation>Reclasser l&apos;échange : le délai de première réponse suit le thème</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <source>File the thread under the suggested theme</source>
        <translation>Classer l&apos;échange sous le thème suggéré</translation>
    </message>
    <message>
        <source>Your answer to the member…</source>
        <translation>Votre réponse à l&apos;assuré…</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>E&amp;nvoyer</translation>
    </message>
    <message>
        <source>Send and wait for the member (Ctrl+Return)</source>
        <translation>Envoyer et attendre l&apos;assuré (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Send and c&amp;lose</source>
        <translation>Envoyer et clore</translation>
    </message>
    <message>
        <source>Send and close the thread (Ctrl+Shift+Return)</source>
        <translation>Envoyer et clore l&apos;échange (Ctrl+Maj+Entrée)</translation>
    </message>
    <message>
        <source>Internal n&amp;ote</source>
        <translation>N&amp;ote interne</translation>
    </message>
    <message>
        <source>Save the text as a note the member never sees</source>
        <translation>Enregistrer le texte comme note que l&apos;assuré ne voit jamais</translation>
    </message>
    <message>
        <source>The&amp;me:</source>
        <translation>Thè&amp;me :</translation>
    </message>
    <message>
        <source>Select an e-mail in the queue, or take the most urgent one with Next (Ctrl+N).</source>
        <translation>Sélectionnez un courriel dans la file, ou prenez le plus urgent avec « Suivant » (Ctrl+N).</translation>
    </message>
    <message>
        <source>Su&amp;ggested templates:</source>
        <translation>Modèles su&amp;ggérés :</translation>
    </message>
    <message>
        <source>Knowledge &amp;base:</source>
        <translation>&amp;Base de connaissances :</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>&amp;Réponse :</translation>
    </message>
    <message>
        <source>waiting for the member</source>
        <translation>en attente de l&apos;assuré</translation>
    </message>
    <message>
        <source>answer late by {h} business hours</source>
        <translation>réponse en retard de {h} heures ouvrées</translation>
    </message>
    <message>
        <source>{h} business hours left to answer</source>
        <translation>{h} heures ouvrées restantes pour répondre</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>né(e) le {date}</translation>
    </message>
    <message>
        <source>{n} request(s) in progress</source>
        <translation>{n} démarche(s) en cours</translation>
    </message>
    <message>
        <source>{n} other open thread(s)</source>
        <translation>{n} autre(s) échange(s) ouvert(s)</translation>
    </message>
    <message>
        <source>Handled by {name}</source>
        <translation>Pris en charge par {name}</translation>
    </message>
    <message>
        <source>Escalated to a supervisor</source>
        <translation>Escaladé à un superviseur</translation>
    </message>
    <message>
        <source>Matchin&amp;g templates:</source>
        <translation>Modèles trou&amp;vés :</translation>
    </message>
    <message>
        <source>No template contains “{words}”.</source>
        <translation>Aucun modèle ne contient « {words} ».</translation>
    </message>
    <message>
        <source>No template suggested for this message: search by keyword.</source>
        <translation>Aucun modèle suggéré pour ce message : cherchez par mot-clé.</translation>
    </message>
    <message>
        <source>Thread reclassified: {theme}.</source>
        <translation>Échange reclassé : {theme}.</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Internal note — {name}</source>
        <translation>Note interne — {name}</translation>
    </message>
    <message>
        <source>Attached: {title} no. {number}</source>
        <translation>Pièce jointe : {title} n° {number}</translation>
    </message>
    <message>
        <source>This message looks like: {theme}.</source>
        <translation>Ce message semble relever du thème : {theme}.</translation>
    </message>
    <message>
        <source>Write an answer first.</source>
        <translation>Rédigez d&apos;abord une réponse.</translation>
    </message>
    <message>
        <source>Answer sent; the thread is closed.</source>
        <translation>Réponse envoyée ; l&apos;échange est clos.</translation>
    </message>
    <message>
        <source>Answer sent; waiting for the member.</source>
        <translation>Réponse envoyée ; en attente de l&apos;assuré.</translation>
    </message>
    <message>
        <source>No document has been issued for this member yet: issue one from the member file.</source>
        <translation>Aucun document n&apos;a encore été délivré pour cet assuré : délivrez-le depuis son dossier.</translation>
    </message>
    <message>
        <source>Attached to the answer: {title} no. {number}</source>
        <translation>Joint à la réponse : {title} n° {number}</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Note enregistrée.</translation>
    </message>
    <message>
        <source>Thread put back in the shared queue.</source>
        <translation>Échange remis dans la file commune.</translation>
    </message>
    <message>
        <source>Thread transferred.</source>
        <translation>Échange transféré.</translation>
    </message>
    <message>
        <source>Thread escalated to a supervisor.</source>
        <translation>Échange escaladé à un superviseur.</translation>
    </message>
    <message>
        <source>{name} — replying</source>
        <translation>{name} — en train de répondre</translation>
    </message>
    <message>
        <source>Also open by {names}</source>
        <translation>Aussi ouvert par {names}</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer the thread</source>
        <translation>Transférer l&apos;échange</translation>
    </message>
    <message>
        <source>To an &amp;agent:</source>
        <translation>À un &amp;agent :</translation>
    </message>
    <message>
        <source>To a team&apos;s &amp;queue:</source>
        <translation>À la &amp;file d&apos;une équipe :</translation>
    </message>
    <message>
        <source>Why, and what the colleague should know (internal note)</source>
        <translation>Pourquoi, et ce que le collègue doit savoir (note interne)</translation>
    </message>
    <message>
        <source>&amp;Note (required):</source>
        <translation>&amp;Note (obligatoire) :</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Transférer</translation>
    </message>
    <message>
        <source>Write a note saying why you transfer the thread.</source>
        <translation>Indiquez dans une note pourquoi vous transférez l&apos;échange.</translation>
    </message>
    <message>
        <source>Choose an agent or a team.</source>
        <translation>Choisissez un agent ou une équipe.</translation>
    </message>
</context>
<context>
    <name>VerifyDocumentDialog</name>
    <message>
        <source>Verify a document</source>
        <translation>Vérifier un document</translation>
    </message>
    <message>
        <source>Type the document number and the verification code printed at the bottom of the page, scan its QR code into the number field, or check a PDF file.</source>
        <translation>Saisissez le numéro du document et le code de vérification imprimés en bas de page, scannez son code QR dans le champ du numéro, ou vérifiez un fichier PDF.</translation>
    </message>
    <message>
        <source>Document &amp;number:</source>
        <translation>&amp;Numéro du document :</translation>
    </message>
    <message>
        <source>Verification &amp;code:</source>
        <translation>&amp;Code de vérification :</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Check a PDF &amp;file…</source>
        <translation>Vérifier un &amp;fichier PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>PDF file to check</source>
        <translation>Fichier PDF à vérifier</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Type the document number.</source>
        <translation>Saisissez le numéro du document.</translation>
    </message>
    <message>
        <source>The file could not be read: {error}</source>
        <translation>Le fichier n&apos;a pas pu être lu : {error}</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Tampered</source>
        <translation>Falsifié</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Advisor desk</source>
        <translation>Poste conseiller</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Hello, {name}</source>
        <translation>Bonjour, {name}</translation>
    </message>
    <message>
        <source>no office</source>
        <translation>sans point d&apos;accueil</translation>
    </message>
    <message>
        <source>{role} — {office}

No screen is available for your profile in this version yet. Settings are in the File menu (Ctrl+,).</source>
        <translation>{role} — {office}

Aucun écran n&apos;est encore disponible pour votre profil dans cette version. Les paramètres sont dans le menu Fichier (Ctrl+,).</translation>
    </message>
</context>
<context>
    <name>WorkCaseBox</name>
    <message>
        <source>{number} — {kind} of {date} — {decision}</source>
        <translation>{number} — {kind} du {date} — {decision}</translation>
    </message>
    <message>
        <source>Employer: {employer}</source>
        <translation>Employeur : {employer}</translation>
    </message>
    <message>
        <source>Declared on {date}</source>
        <translation>Déclaré le {date}</translation>
    </message>
    <message>
        <source>decision on {date}</source>
        <translation>décision le {date}</translation>
    </message>
    <message>
        <source>consolidated on {date}</source>
        <translation>consolidation le {date}</translation>
    </message>
    <message>
        <source>permanent incapacity (IPP): {rate} %</source>
        <translation>incapacité permanente (IPP) : {rate} %</translation>
    </message>
</context>
<context>
    <name>WorkCaseStepsModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Sorry, the screen “{title}” could not be opened. The details were written to the log file {path}.</source>
        <translation>Désolé, l&apos;écran « {title} » n&apos;a pas pu s&apos;ouvrir. Le détail a été enregistré dans le journal {path}.</translation>
    </message>
</context>
<context>
    <name>agenda</name>
    <message>
        <source>Mon</source>
        <translation>lun.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mer.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jeu.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>ven.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sam.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dim.</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Cancelled by the member</source>
        <translation>Annulé par l&apos;assuré</translation>
    </message>
    <message>
        <source>Cancelled by the office</source>
        <translation>Annulé par l&apos;accueil</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Assuré</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Point d&apos;accueil</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Wait time</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Accessible</source>
        <translation>Accessible</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>First free slot</source>
        <translation>Premier créneau libre</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Advisor desk</source>
        <translation>Poste conseiller</translation>
    </message>
    <message>
        <source>Sorry, something unexpected went wrong. The details were written to the log file {path}. Please tell your support team.</source>
        <translation>Désolé, une erreur inattendue s&apos;est produite. Le détail a été enregistré dans le journal {path}. Merci de prévenir l&apos;assistance.</translation>
    </message>
    <message>
        <source>Demo database — logins: {logins}; password: {password}</source>
        <translation>Base de démonstration — identifiants : {logins} ; mot de passe : {password}</translation>
    </message>
    <message>
        <source>--demo-login only works on the embedded demo database.</source>
        <translation>--demo-login ne fonctionne que sur la base de démonstration embarquée.</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
</context>
<context>
    <name>bootstrap</name>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Updating the database schema…</source>
        <translation>Mise à jour du schéma de la base de données…</translation>
    </message>
    <message>
        <source>Creating the demo data ({members} members)…</source>
        <translation>Création des données de démonstration ({members} assurés)…</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Counter advisor</source>
        <translation>Conseiller accueil</translation>
    </message>
    <message>
        <source>Back-office agent</source>
        <translation>Agent back-office</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Effectué</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>member_labels</name>
    <message>
        <source>since {start}</source>
        <translation>depuis le {start}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <source>{n} year</source>
        <translation>{n} an</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} ans</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Rights open</source>
        <translation>Droits ouverts</translation>
    </message>
    <message>
        <source>Rights to renew</source>
        <translation>Droits à renouveler</translation>
    </message>
    <message>
        <source>Rights closed</source>
        <translation>Droits fermés</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Commandée</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>En fabrication</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <source>Declared lost</source>
        <translation>Déclarée perdue</translation>
    </message>
    <message>
        <source>Declared stolen</source>
        <translation>Déclarée volée</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloquée</translation>
    </message>
    <message>
        <source>CSS (free)</source>
        <translation>CSS sans participation</translation>
    </message>
    <message>
        <source>CSS (with participation)</source>
        <translation>CSS avec participation</translation>
    </message>
    <message>
        <source>AME</source>
        <translation>AME</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>Conjoint</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Sickness</source>
        <translation>Maladie</translation>
    </message>
    <message>
        <source>Maternity</source>
        <translation>Maternité</translation>
    </message>
    <message>
        <source>Paternity</source>
        <translation>Paternité</translation>
    </message>
    <message>
        <source>Work accident</source>
        <translation>Accident du travail</translation>
    </message>
    <message>
        <source>Commuting accident</source>
        <translation>Accident de trajet</translation>
    </message>
    <message>
        <source>Occupational disease</source>
        <translation>Maladie professionnelle</translation>
    </message>
    <message>
        <source>Decision pending</source>
        <translation>Décision en attente</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>Reconnu</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Carte Vitale order</source>
        <translation>Commande de carte Vitale</translation>
    </message>
    <message>
        <source>Change of bank details</source>
        <translation>Changement de coordonnées bancaires</translation>
    </message>
    <message>
        <source>CSS request</source>
        <translation>Demande de CSS</translation>
    </message>
    <message>
        <source>EHIC request</source>
        <translation>Demande de CEAM</translation>
    </message>
    <message>
        <source>Change of address</source>
        <translation>Changement d&apos;adresse</translation>
    </message>
    <message>
        <source>Birth</source>
        <translation>Déclaration de naissance</translation>
    </message>
    <message>
        <source>Carte Vitale lost or stolen</source>
        <translation>Perte ou vol de carte Vitale</translation>
    </message>
    <message>
        <source>Change of name</source>
        <translation>Changement de nom</translation>
    </message>
    <message>
        <source>Child on the other parent&apos;s card</source>
        <translation>Enfant sur la carte de l&apos;autre parent</translation>
    </message>
    <message>
        <source>Accident caused by a third party</source>
        <translation>Accident causé par un tiers</translation>
    </message>
    <message>
        <source>Complementary insurer choice</source>
        <translation>Choix de la complémentaire</translation>
    </message>
    <message>
        <source>Payment of deductibles</source>
        <translation>Paiement des franchises</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
    <message>
        <source>Being processed</source>
        <translation>En instruction</translation>
    </message>
    <message>
        <source>Waiting for the member</source>
        <translation>En attente de l&apos;assuré</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <source>Closed without follow-up</source>
        <translation>Classée sans suite</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>À l&apos;accueil</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Par courrier</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Nom de naissance</translation>
    </message>
    <message>
        <source>First name typed first</source>
        <translation>Prénom saisi en premier</translation>
    </message>
    <message>
        <source>Start of the name</source>
        <translation>Début du nom</translation>
    </message>
    <message>
        <source>Close name</source>
        <translation>Nom proche</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Déclaration</translation>
    </message>
    <message>
        <source>Medical certificate</source>
        <translation>Certificat médical</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Consolidation</source>
        <translation>Consolidation</translation>
    </message>
    <message>
        <source>Permanent incapacity rate</source>
        <translation>Taux d&apos;IPP</translation>
    </message>
    <message>
        <source>Rights closed since {date}</source>
        <translation>Droits fermés depuis le {date}</translation>
    </message>
    <message>
        <source>No open rights</source>
        <translation>Aucun droit ouvert</translation>
    </message>
    <message>
        <source>Rights end on {date}: to renew</source>
        <translation>Droits jusqu&apos;au {date} : à renouveler</translation>
    </message>
    <message>
        <source>Carte Vitale declared lost on {date}</source>
        <translation>Carte Vitale déclarée perdue le {date}</translation>
    </message>
    <message>
        <source>Carte Vitale declared stolen on {date}</source>
        <translation>Carte Vitale déclarée volée le {date}</translation>
    </message>
    <message>
        <source>Carte Vitale blocked since {date}</source>
        <translation>Carte Vitale bloquée depuis le {date}</translation>
    </message>
    <message>
        <source>{count} ALD to renew (first ends on {date})</source>
        <translation>{count} ALD à renouveler (la première se termine le {date})</translation>
    </message>
    <message>
        <source>ALD to renew: ends on {date}</source>
        <translation>ALD à renouveler : fin le {date}</translation>
    </message>
    <message>
        <source>Deductibles owed: {amount}</source>
        <translation>Franchises dues : {amount}</translation>
    </message>
</context>
<context>
    <name>member_tabs</name>
    <message>
        <source>A&amp;ppointments</source>
        <translation>Rendez-&amp;vous</translation>
    </message>
    <message>
        <source>Rei&amp;mbursements</source>
        <translation>Rem&amp;boursements</translation>
    </message>
    <message>
        <source>Deduc&amp;tibles</source>
        <translation>Fran&amp;chises</translation>
    </message>
    <message>
        <source>Me&amp;ssages</source>
        <translation>Me&amp;ssages</translation>
    </message>
</context>
<context>
    <name>office_filter</name>
    <message>
        <source>All offices</source>
        <translation>Tous les accueils</translation>
    </message>
</context>
<context>
    <name>offices</name>
    <message>
        <source>Monday</source>
        <translation>Lundi</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Mardi</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mercredi</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jeudi</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Vendredi</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samedi</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Dimanche</translation>
    </message>
    <message>
        <source>At the office</source>
        <translation>À l&apos;accueil</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>Par téléphone</translation>
    </message>
    <message>
        <source>By video</source>
        <translation>En visio</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Reduced mobility</source>
        <translation>PMR</translation>
    </message>
    <message>
        <source>Accessible</source>
        <translation>Accessible</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>{min} h to {max} days</source>
        <translation>{min} h à {max} j</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Booking delay</source>
        <translation>Délai de réservation</translation>
    </message>
    <message>
        <source>Once, {day}</source>
        <translation>Le {day} seulement</translation>
    </message>
    <message>
        <source>Every {weekday}</source>
        <translation>Chaque {weekday}</translation>
    </message>
    <message>
        <source>from {first}, no end</source>
        <translation>à partir du {first}, sans fin</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Point d&apos;accueil</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>Récurrence</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horaires</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motifs</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Jour férié</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Fermeture</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Sorry, something unexpected went wrong. The details were written to the log file {path}. Please tell your support team.</source>
        <translation>Désolé, une erreur inattendue s&apos;est produite. Le détail a été enregistré dans le journal {path}. Merci de prévenir l&apos;assistance.</translation>
    </message>
</context>
<context>
    <name>screens</name>
    <message>
        <source>Reception</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Health directory</source>
        <translation>Annuaire santé</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Courriels</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Offices and schedules</source>
        <translation>Bureaux et horaires</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>Base de connaissances</translation>
    </message>
</context>
</TS>
