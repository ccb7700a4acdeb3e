"""A person who moved: their case file travels to the receiving commune in a `transfer`
package (HANDOFF.md §2). Offered right after management ends with the reason "moved",
and available later on the Data exchange screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.services.access import Action
from desktop.services.exchange import ExportResult
from desktop.views.context import AppContext
from desktop.views.handoff import prompts
from desktop.views.handoff.package_dialogs import TransferDialog


def write_transfer(ctx: AppContext, person_id: str, full_name: str,
                   parent: QWidget | None) -> ExportResult | None:
    """The transfer dialog; says where the package went (None when cancelled)."""
    dialog = TransferDialog(ctx, person_id, full_name, parent)
    if not prompts.exec_dialog(dialog):
        return None
    result: ExportResult = dialog.result_value
    prompts.inform(parent, QCoreApplication.translate("Transfer", "Transfer package written"),
                   QCoreApplication.translate(
                       "Transfer", "The case file of {0} was written to {1}. Take it to "
                       "{2} on a USB stick; if it is locked with a passphrase, tell them "
                       "the passphrase by phone.").format(full_name, result.path,
                                                          result.recipient_code))
    return result


def offer_transfer(ctx: AppContext, person_id: str, full_name: str,
                   parent: QWidget | None) -> ExportResult | None:
    """After management ended because the person moved: offer the transfer package now."""
    if not ctx.may(Action.EXCHANGE):
        return None
    if not prompts.ask(parent, QCoreApplication.translate("Transfer", "Transfer the case file?"),
                       QCoreApplication.translate(
                           "Transfer", "{0} moved to another commune. Create a transfer "
                           "package for the receiving commune now? It carries the whole case "
                           "file; the receiving commune's legal deadline to take the person "
                           "over counts from the day the package is made. You can also do it "
                           "later under “Data exchange”.").format(full_name), default_yes=True):
        return None
    return write_transfer(ctx, person_id, full_name, parent)
