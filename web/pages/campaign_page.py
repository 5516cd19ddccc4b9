"""The campaign page (or one group's): a fixed set of bounded queries, rendered per request."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from cchc.clock import now
from cchc.wording.dates import moment
from cchc.wording.labels import FINISHED, FINISHED_STATES
from models.accounts.tables import User
from models.campaign.versions import list_versions
from services.access import WATCHERS
from services.appraiser_scope import appraiser_worklist
from services.guidance_receipt import pending_count
from web import lookup
from web.pages.campaign_view import campaign_body
from web.pages.filters import Filters
from web.pages.render import TEMPLATES
from web.scope import require_role


def campaign_page(
    engine: Engine, user: User, code: str, unit_code: str | None, wanted: Filters, csrf: str = ""
) -> tuple[str, tuple[str, str]]:
    """Render the page; return its HTML and the moments it prints (NotFound etc. pass through)."""
    with Session(engine, expire_on_commit=False) as session:
        camp = lookup.campaign(session, code)
        group = lookup.unit(session, camp, unit_code) if unit_code else None
        if group is not None:
            require_role(user, *WATCHERS)
        worklist = (
            appraiser_worklist(session=session, user=user, campaign=camp) if group is None else []
        )
        published = lookup.is_published(session, camp)
        versions = list_versions(session=session, campaign_id=camp.id)
        acks = pending_count(session=session, campaign=camp, actor=user)
        body, stamp = campaign_body(session, camp, user, group, published, wanted)
        now_local = moment(now())
        html = TEMPLATES.get_template("campaign.html").render(
            user=user,
            camp=camp,
            group=group,
            body=body,
            stamp=stamp,
            published=published,
            worklist=worklist,
            now_local=now_local,
            versions=versions,
            acks=acks,  # (still to acknowledge the guidance, involved) for watchers
            csrf=csrf,  # the session's anti-forgery token, for the page's forms
            finished=FINISHED if camp.state in FINISHED_STATES else None,
        )
    return html, (stamp, now_local)
