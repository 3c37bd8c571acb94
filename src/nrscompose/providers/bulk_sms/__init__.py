"""A bulk SMS API described without paths: payloads here, routes from the caller.

Its reference documents individual and bulk sends (``destination``, ``message``, ``campaign_pk``),
contact lists, deployments and opt-outs, but no URL, method or authentication. So a
:class:`BulkSmsApi` holds the caller's routes (``{"send": Route("POST", "/sms/send/")}`` …)
and headers; a builder for a route that was not configured says so.

Billing (its API reference): "The message will be split into 160 character chunks with each chunk
costing 1 credit" — characters, not septets, and no concatenation header: the core's
``flat160`` profile. :func:`credits` counts with it.

Every documented operation has a builder (see :data:`ROUTES` for the operation names). A
route's path may hold ``{list_id}``, ``{contact_id}``, ``{deployment_id}`` (or ``{id}``) where
the caller's API puts them; an identifier given to a builder must have its place in the path,
and a placeholder must get a value. CSV imports upload the file as ``multipart/form-data`` in
the ``file`` field, as the reference says ("File should be in the 'file' parameter").
:func:`read` turns answers into the typed records of the reference's schemas.
"""

from __future__ import annotations

from nrscompose.providers.bulk_sms.requests import (
    PROFILE,
    ROUTES,
    BulkSmsApi,
    Route,
    batch_contacts,
    bulk_credits,
    company,
    contact,
    contact_lists,
    create_batch_contacts,
    credits,
    delete_contact,
    delete_contact_list,
    deployment_report,
    deployment_stats,
    deployments,
    import_contact_lists,
    import_deployments,
    opt_outs,
    overwrite_opt_out,
    refresh_contact_lists,
    save_contacts,
    send_bulk,
    send_sms,
    update_company,
    update_contact,
)
from nrscompose.providers.bulk_sms.responses import (
    BulkSmsApiError,
    BulkSmsMalformedResponseError,
    ContactList,
    Deployment,
    DeploymentStats,
    Empty,
    Listing,
    MalformedResponseError,
    OptOut,
    Record,
    parse_response,
    read,
)

__all__ = [
    "PROFILE",
    "ROUTES",
    "BulkSmsApi",
    "BulkSmsApiError",
    "BulkSmsMalformedResponseError",
    "ContactList",
    "Deployment",
    "DeploymentStats",
    "Empty",
    "Listing",
    "MalformedResponseError",
    "OptOut",
    "Record",
    "Route",
    "batch_contacts",
    "bulk_credits",
    "company",
    "contact",
    "contact_lists",
    "create_batch_contacts",
    "credits",
    "delete_contact",
    "delete_contact_list",
    "deployment_report",
    "deployment_stats",
    "deployments",
    "import_contact_lists",
    "import_deployments",
    "opt_outs",
    "overwrite_opt_out",
    "parse_response",
    "read",
    "refresh_contact_lists",
    "save_contacts",
    "send_bulk",
    "send_sms",
    "update_company",
    "update_contact",
]
