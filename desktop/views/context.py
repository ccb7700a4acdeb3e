"""What every page needs: the open database, the logged-in user and their home unit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from desktop.db import Database
from desktop.services.access import Action, Actor
from desktop.services.units import UnitView


@dataclass(frozen=True)
class AppContext:
    """Handed to pages and dialogs; holds no session and no ORM object."""

    db: Database
    actor: Actor
    unit: UnitView
    today_override: date | None = None  # screenshots and tests pin the date

    def today(self) -> date:
        return self.today_override or date.today()

    def may(self, action: Action) -> bool:
        return self.actor.may(action)

    def with_unit(self, unit: UnitView) -> AppContext:
        return replace(self, unit=unit)
