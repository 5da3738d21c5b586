"""The tables of the member file: dependents, ALD, sick leaves and IJ, AT/MP steps, requests."""

from __future__ import annotations

from advisor_desk.backend.members_dto import (
    AldInfo,
    DeclarationSummary,
    DependentInfo,
    IjPaymentInfo,
    SickLeaveInfo,
    WorkCaseStep,
)

from .member_file_labels import fmt_age, fmt_date, label, money, step_label
from .member_file_table import Col, DtoTableModel


class DependentsModel(DtoTableModel[DependentInfo]):
    def columns(self) -> list[Col[DependentInfo]]:
        return [
            Col(self.tr("Rank"), lambda d: f"{d.rank:02d}", right=True),
            Col(self.tr("Name"), lambda d: d.last_name),
            Col(self.tr("First names"), lambda d: d.first_names),
            Col(self.tr("Birth date"), lambda d: fmt_date(d.birth_date)),
            Col(self.tr("Age"), lambda d: fmt_age(d.age), right=True),
            Col(self.tr("Relationship"), lambda d: label(d.relationship)),
            Col(self.tr("NIR"), lambda d: d.nir_formatted or self.tr("on the member's")),
            Col(self.tr("Carte Vitale"), self._vitale),
            Col(self.tr("ALD"), lambda d: str(d.ald_count) if d.ald_count else "", right=True),
        ]

    def _vitale(self, d: DependentInfo) -> str:
        return label(d.vitale.status) if d.vitale else self.tr("none")


class AldModel(DtoTableModel[AldInfo]):
    def columns(self) -> list[Col[AldInfo]]:
        return [
            Col(self.tr("Code"), lambda a: str(a.code), right=True),
            Col(self.tr("Condition"), lambda a: a.label),
            Col(self.tr("Person"), lambda a: a.person or self.tr("The member")),
            Col(self.tr("Start"), lambda a: fmt_date(a.start_date)),
            Col(self.tr("End"), lambda a: fmt_date(a.end_date) or self.tr("no end date")),
            Col(self.tr("Care protocol"), self._protocol),
            Col(
                self.tr("Exonerating"), lambda a: self.tr("Yes") if a.exonerating else self.tr("No")
            ),
            Col(self.tr("Status"), self.status),
        ]

    def _protocol(self, a: AldInfo) -> str:
        if a.protocol_valid_until is None:
            return a.protocol_ref
        until = fmt_date(a.protocol_valid_until)
        if a.protocol_expired:
            return self.tr("{ref}, expired on {date}").format(ref=a.protocol_ref, date=until)
        return self.tr("{ref}, valid until {date}").format(ref=a.protocol_ref, date=until)

    def status(self, a: AldInfo) -> str:
        if not a.active:
            return self.tr("Ended")
        if a.to_renew:
            return self.tr("To renew")
        if a.protocol_expired:
            return self.tr("Protocol to renew")
        return self.tr("Current")

    def emphasized(self, a: AldInfo) -> bool:
        return a.active and (a.to_renew or a.protocol_expired)

    def dimmed(self, a: AldInfo) -> bool:
        return not a.active


class SickLeavesModel(DtoTableModel[SickLeaveInfo]):
    def columns(self) -> list[Col[SickLeaveInfo]]:
        return [
            Col(self.tr("Kind"), lambda s: label(s.kind)),
            Col(self.tr("From"), lambda s: fmt_date(s.start_date)),
            Col(self.tr("To"), lambda s: fmt_date(s.end_date)),
            Col(self.tr("Days"), lambda s: str(s.days), right=True),
            Col(self.tr("Prescriber"), lambda s: s.prescriber),
            Col(self.tr("Linked to"), self._linked),
            Col(self.tr("Payments"), lambda s: str(len(s.payments)), right=True),
            Col(self.tr("IJ paid (net)"), lambda s: money(s.paid_net_cents), right=True),
        ]

    def _linked(self, s: SickLeaveInfo) -> str:
        parts = []
        if s.ald_related:
            parts.append(self.tr("ALD"))
        if s.work_case_number:
            parts.append(s.work_case_number)
        return ", ".join(parts)


class IjPaymentsModel(DtoTableModel[IjPaymentInfo]):
    def columns(self) -> list[Col[IjPaymentInfo]]:
        return [
            Col(
                self.tr("Period"),
                lambda p: f"{fmt_date(p.period_start)} – {fmt_date(p.period_end)}",
            ),
            Col(self.tr("Days"), lambda p: str(p.days), right=True),
            Col(self.tr("Daily (gross)"), lambda p: money(p.daily_gross_cents), right=True),
            Col(self.tr("Gross"), lambda p: money(p.gross_cents), right=True),
            Col(self.tr("Net"), lambda p: money(p.net_cents), right=True),
            Col(self.tr("Taxable"), lambda p: money(p.taxable_cents), right=True),
            Col(self.tr("Paid on"), lambda p: fmt_date(p.paid_on)),
        ]


class WorkCaseStepsModel(DtoTableModel[WorkCaseStep]):
    def columns(self) -> list[Col[WorkCaseStep]]:
        return [
            Col(self.tr("Date"), lambda s: fmt_date(s.on)),
            Col(self.tr("Step"), lambda s: step_label(s.step)),
            Col(self.tr("Detail"), lambda s: s.detail),
        ]


class DeclarationsModel(DtoTableModel[DeclarationSummary]):
    def columns(self) -> list[Col[DeclarationSummary]]:
        return [
            Col(self.tr("Number"), lambda d: d.number),
            Col(self.tr("Request"), lambda d: label(d.kind)),
            Col(self.tr("Filed"), lambda d: fmt_date(d.filed_at)),
            Col(self.tr("Channel"), lambda d: label(d.channel)),
            Col(self.tr("State"), lambda d: label(d.state)),
            Col(self.tr("Estimated processing"), self._estimate),
            Col(self.tr("Completed"), lambda d: fmt_date(d.completed_at)),
        ]

    def _estimate(self, d: DeclarationSummary) -> str:
        if not d.pending:
            return ""
        return fmt_date(d.estimated_on) or self.tr("not estimated")

    def emphasized(self, d: DeclarationSummary) -> bool:
        return d.pending

    def dimmed(self, d: DeclarationSummary) -> bool:
        return not d.pending
