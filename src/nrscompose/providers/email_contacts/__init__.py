"""An email platform's contacts API (``/v3/contacts``, header ``api-key``), from its API reference.

The reference does not name the provider. It documents folders, lists, contacts and imports; the
builders here return the same :class:`~nrscompose.http.HttpRequest` as the 360nrs ones. Where
the reference's headings and its ``curl`` examples disagree, the examples are followed:

* "Create a folder" is headed ``POST: /v3/contacts/folder``; the examples post to ``/folders``.
* "Import contact" is headed ``POST: /v3/contacts``; the examples post to ``/contacts/import``.
* "Get contacts in list" is headed ``GET: /v3/contacts/folders/{folderId}/lists`` but takes a
  ``listId``; the examples get ``/v3/contacts/lists/{listId}/contacts``.

The reference capitalises query names in its tables (``Limit``, ``Offset``, ``Sort``); requests
use the lower-case names of its prose and of the examples' API.

Each request's ``expects`` names its documented answer; :func:`read` (or
:func:`parse_response`) turns the answer into :class:`Created`, :class:`ImportProcess`,
:class:`Lists`, :class:`ContactList`, :class:`Contacts` or :class:`Empty`, and an error answer
into :class:`EmailContactsApiError`.
"""

from __future__ import annotations

from nrscompose.providers.email_contacts.requests import (
    ApiKey,
    contacts,
    create_contact,
    create_folder,
    create_list,
    folder_lists,
    import_contacts,
    list_contacts,
    list_info,
)
from nrscompose.providers.email_contacts.responses import (
    Contact,
    ContactList,
    Contacts,
    Created,
    EmailContactsApiError,
    EmailContactsMalformedResponseError,
    Empty,
    ImportProcess,
    Lists,
    MalformedResponseError,
    parse_response,
    read,
)

__all__ = [
    "ApiKey",
    "Contact",
    "ContactList",
    "Contacts",
    "Created",
    "EmailContactsApiError",
    "EmailContactsMalformedResponseError",
    "Empty",
    "ImportProcess",
    "Lists",
    "MalformedResponseError",
    "contacts",
    "create_contact",
    "create_folder",
    "create_list",
    "folder_lists",
    "import_contacts",
    "list_contacts",
    "list_info",
    "parse_response",
    "read",
]
