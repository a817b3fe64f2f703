"""What each of a campaign's tariff options would cost a person, so the clerk can advise."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.domain.tariff import Estimate, TariffOption, UsageProfile, estimate
from kaccount_desk.services.campaigns import get_campaign
from kaccount_desk.services.context import Context


def tariff_options(spec: CampaignSpec, current_fee: Decimal | None = None) -> list[TariffOption]:
    """Each plan with the add-ons it includes.

    A keep-current plan costs what the person pays now; without that figure it is left out rather
    than shown at a made-up price that could win "cheapest".
    """
    addons = {a.code: a for a in spec.addons}
    options = []
    for plan in spec.plans:
        item = plan.item
        if item.keep_current:
            if current_fee is None:
                continue
            item = replace(item, monthly_fee=current_fee)
        options.append(TariffOption(item.code, item.name, item, tuple(addons[c] for c in plan.included_addons if c in addons)))
    return options


def estimate_options(ctx: Context, campaign_code: str, usage: UsageProfile, current_fee: Decimal | None = None,
                     spec: CampaignSpec | None = None) -> list[Estimate]:
    """Each tariff option's monthly cost for ``usage``; ``spec``: the campaign when the caller holds it
    already (the intake form does), so the store is not asked again at every change of the figures."""
    if spec is None or spec.code != campaign_code:
        spec = get_campaign(ctx, campaign_code)
    return estimate(tariff_options(spec, current_fee), usage)
