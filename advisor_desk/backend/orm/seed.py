"""Progress of the demo-data seeder, so an interrupted seed can be resumed batch by batch."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class SeedRun(Base):
    __tablename__ = "seed_runs"

    seed: Mapped[int] = mapped_column(Integer, primary_key=True)
    members: Mapped[int] = mapped_column(Integer)
    batch_size: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class SeedBatch(Base):
    """A batch of members written in one transaction; present means complete."""

    __tablename__ = "seed_batches"

    seed: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch: Mapped[int] = mapped_column(Integer, primary_key=True)
    done_at: Mapped[datetime] = mapped_column(default=utcnow)
