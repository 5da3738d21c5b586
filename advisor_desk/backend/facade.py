"""The Backend facade: the only thing the Qt side talks to; bound to one advisor after login."""

from __future__ import annotations

from sqlalchemy import Engine

from .admin import AdminService
from .ameli import AmeliService
from .appointments import AppointmentsService
from .declarations import DeclarationsService
from .documents import DocumentsService
from .engine import describe, is_sqlite, make_engine
from .knowledge import KnowledgeService
from .mail import MailService
from .members import MembersService
from .professionals import ProfessionalsService
from .reimbursements import ReimbursementsService
from .service import AdvisorInfo, Context, Service
from .sessions import DEFAULT_IDLE_TIMEOUT_S, SessionService, authenticate, resume
from .supervision import SupervisionService

# Every service of the bound facade, by attribute name: the HTTP layer and the permission
# tests walk this table, so a service added here is served and tested without more code.
SERVICES: dict[str, type[Service]] = {
    "session": SessionService,
    "admin": AdminService,
    "members": MembersService,
    "mail": MailService,
    "knowledge": KnowledgeService,
    "reimbursements": ReimbursementsService,
    "documents": DocumentsService,
    "appointments": AppointmentsService,
    "declarations": DeclarationsService,
    "supervision": SupervisionService,
    "professionals": ProfessionalsService,
    "ameli": AmeliService,
}


class BoundBackend:
    """The facade bound to one advisor: services as attributes, every call permission-checked."""

    def __init__(self, engine: Engine, advisor: AdvisorInfo, token: str | None) -> None:
        self._ctx = Context(engine, advisor, token)
        self.advisor = advisor
        self.token = token
        self.session = SessionService(self._ctx)
        self.admin = AdminService(self._ctx)
        self.members = MembersService(self._ctx)
        self.mail = MailService(self._ctx)
        self.knowledge = KnowledgeService(self._ctx)
        self.reimbursements = ReimbursementsService(self._ctx)
        self.documents = DocumentsService(self._ctx)
        self.appointments = AppointmentsService(self._ctx)
        self.declarations = DeclarationsService(self._ctx)
        self.supervision = SupervisionService(self._ctx)
        self.professionals = ProfessionalsService(self._ctx)
        self.ameli = AmeliService(self._ctx)

    @property
    def permissions(self) -> frozenset[str]:
        return frozenset(p.value for p in self._ctx.permissions)

    def service(self, name: str) -> Service:
        svc = getattr(self, name)
        assert isinstance(svc, Service)
        return svc


class Backend:
    """The unbound facade over one database: log in to get a BoundBackend."""

    def __init__(self, engine: Engine, *, idle_timeout_s: int = DEFAULT_IDLE_TIMEOUT_S) -> None:
        self.engine = engine
        self.idle_timeout_s = idle_timeout_s

    @classmethod
    def from_url(cls, url: str | None = None) -> Backend:
        return cls(make_engine(url))

    def describe(self) -> str:
        return describe(self.engine)

    @property
    def embedded(self) -> bool:
        return is_sqlite(self.engine)

    def login(self, login: str, password: str) -> BoundBackend:
        advisor, token = authenticate(self.engine, login, password, self.idle_timeout_s)
        return BoundBackend(self.engine, advisor, token)

    def resume(self, token: str, action: str = "session.resume") -> BoundBackend:
        """Bind to the advisor of a live session token (the server does this on every call).

        `action` names the call being attempted, for the audit row of a refused token.
        """
        return BoundBackend(self.engine, resume(self.engine, token, action), token)
