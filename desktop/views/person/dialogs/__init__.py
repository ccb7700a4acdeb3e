"""Dialogs the person page opens to add or correct one care record.

Each is a `FormDialog`: after `exec()` returns Accepted, `result_value` holds the saved
view (`ContactView`, `ExcusedWeekView`, `EvaluationView`, `SupportView`, `ViolationView`).
"""

from desktop.views.person.dialogs.contact import ContactDialog
from desktop.views.person.dialogs.evaluation import EvaluationDialog
from desktop.views.person.dialogs.excused_week import ExcusedWeekDialog
from desktop.views.person.dialogs.support import SupportDialog
from desktop.views.person.dialogs.violation import ViolationDialog

__all__ = ["ContactDialog", "EvaluationDialog", "ExcusedWeekDialog", "SupportDialog",
           "ViolationDialog"]
