"""Pages of the admin outside Django's own views: an action's confirmation page, with the selection carried along."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.forms import Form
from django.http import HttpRequest
from django.template.response import TemplateResponse


def admin_page(
    request: HttpRequest, model_admin: admin.ModelAdmin, template: str, context: dict[str, Any]
) -> TemplateResponse:
    """A page of a model's admin outside Django's own views, with the admin site's context."""
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(
        request, template, {**model_admin.admin_site.each_context(request), "opts": model_admin.opts, **context}
    )


def confirmation_page(
    model_admin: admin.ModelAdmin,
    request: HttpRequest,
    template: str,
    *,
    title: str,
    form: Form,
    submit_label: str,
    page_class: str,
    **context: Any,
) -> TemplateResponse:
    """The action's form on a page extending ``admin/newsfacts/action_confirmation.html``; posting it applies."""
    context = {
        "title": title,
        "form": form,
        "submit_label": submit_label,
        "page_class": page_class,
        "action": request.POST.get("action", ""),
        "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
        "media": model_admin.media + form.media,
        **context,
    }
    return admin_page(request, model_admin, template, context)
