"""The members' needs pages under /my/actors/<actor>/needs/: thin views over needs.services.

Everything is fetched through the actor the user keeps (404 otherwise), the needs through that
actor and the replies through their need.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from needs.forms import AnswerForm, NeedForm, ReplyStatusForm
from needs.permissions import can_answer_helpers, get_member_need, get_need_with_replies
from needs.services import (
    HelperUnreachable,
    answer_helper,
    create_need,
    mark_need_filled,
    needs_of_actor,
    set_reply_status,
    update_need,
)
from network.permissions import get_editable_actor_for_user
from portal.transactions import Busy, busy_form


@login_required
@require_safe
def need_list(request: HttpRequest, actor_slug: str) -> HttpResponse:
    actor = get_editable_actor_for_user(request.user, actor_slug)
    return render(
        request, "needs/my/need_list.html", {"actor": actor, "needs": needs_of_actor(actor)}
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def need_create(request: HttpRequest, actor_slug: str) -> HttpResponse:
    actor = get_editable_actor_for_user(request.user, actor_slug)
    form = NeedForm(request.POST if request.method == "POST" else None, actor=actor)
    context = {"actor": actor, "form": form, "need": None}
    if form.is_valid():
        try:
            need = create_need(actor=actor, data=form.cleaned_data, acting_user=request.user)
        except Busy as busy:
            return busy_form(request, "needs/my/need_form.html", context, form, busy)
        messages.success(request, _("Der Bedarf „%(title)s“ ist angelegt.") % {"title": need.title})
        return redirect("my_needs:list", actor_slug=actor.slug)
    return render(request, "needs/my/need_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def need_edit(request: HttpRequest, actor_slug: str, pk: int) -> HttpResponse:
    actor, need = get_member_need(request.user, actor_slug, pk)
    form = NeedForm(request.POST if request.method == "POST" else None, actor=actor, instance=need)
    if form.is_valid():
        try:
            update_need(need=need, data=form.cleaned_data, acting_user=request.user)
        except Busy as busy:
            context = {"actor": actor, "form": form, "need": need}
            return busy_form(request, "needs/my/need_form.html", context, form, busy)
        messages.success(
            request, _("Der Bedarf „%(title)s“ ist gespeichert.") % {"title": need.title}
        )
        return redirect("my_needs:list", actor_slug=actor.slug)
    return render(request, "needs/my/need_form.html", {"actor": actor, "form": form, "need": need})


@login_required
@require_POST
def need_fill(request: HttpRequest, actor_slug: str, pk: int) -> HttpResponse:
    actor, need = get_member_need(request.user, actor_slug, pk)
    mark_need_filled(need=need, acting_user=request.user)
    messages.success(
        request,
        _("„%(title)s“ ist als besetzt markiert und nicht mehr öffentlich.")
        % {"title": need.title},
    )
    return redirect("my_needs:list", actor_slug=actor.slug)


def _replies_page(
    request: HttpRequest,
    actor,
    need,
    *,
    invalid: tuple[int, ReplyStatusForm] | None = None,
    answer: tuple[int, AnswerForm] | None = None,
) -> HttpResponse:
    return render(
        request,
        "needs/my/need_replies.html",
        {
            "actor": actor,
            "need": need,
            "replies": need.replies.prefetch_related("languages"),
            "can_answer": can_answer_helpers(request.user, actor),
            "status_choices": ReplyStatusForm.base_fields["status"].choices,
            "invalid_reply": invalid[0] if invalid else None,
            "invalid_form": invalid[1] if invalid else None,
            "answered_reply": answer[0] if answer else None,
            "answer_form": answer[1] if answer else AnswerForm(),
        },
        status=400 if invalid or answer else 200,
    )


@login_required
@require_safe
def need_replies(request: HttpRequest, actor_slug: str, pk: int) -> HttpResponse:
    actor, need = get_need_with_replies(request.user, actor_slug, pk)
    return _replies_page(request, actor, need)


@login_required
@require_POST
def reply_status(request: HttpRequest, actor_slug: str, pk: int, reply_pk: int) -> HttpResponse:
    actor, need = get_need_with_replies(request.user, actor_slug, pk)
    reply = get_object_or_404(need.replies, pk=reply_pk)
    if not can_answer_helpers(request.user, actor):
        raise PermissionDenied("Replies are answered by the actor's coordinators.")
    form = ReplyStatusForm(request.POST)
    if not form.is_valid():
        return _replies_page(request, actor, need, invalid=(reply.pk, form))
    set_reply_status(reply=reply, status=form.cleaned_data["status"], acting_user=request.user)
    messages.success(
        request,
        _("Die Rückmeldung von %(name)s ist jetzt „%(status)s“.")
        % {"name": reply.name, "status": reply.get_status_display()},
    )
    url = reverse("my_needs:replies", kwargs={"actor_slug": actor.slug, "pk": need.pk})
    return redirect(f"{url}#reply-{reply.pk}")


@login_required
@require_POST
def reply_answer(request: HttpRequest, actor_slug: str, pk: int, reply_pk: int) -> HttpResponse:
    actor, need = get_need_with_replies(request.user, actor_slug, pk)
    reply = get_object_or_404(need.replies, pk=reply_pk)
    if not can_answer_helpers(request.user, actor):
        raise PermissionDenied("Replies are answered by the actor's coordinators.")
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _replies_page(request, actor, need, answer=(reply.pk, form))
    try:
        answer_helper(reply=reply, message=form.cleaned_data["message"], acting_user=request.user)
    except HelperUnreachable as unreachable:
        form.add_error(None, str(unreachable))
        return _replies_page(request, actor, need, answer=(reply.pk, form))
    messages.success(
        request, _("Ihre Antwort an %(name)s ist per E-Mail unterwegs.") % {"name": reply.name}
    )
    url = reverse("my_needs:replies", kwargs={"actor_slug": actor.slug, "pk": need.pk})
    return redirect(f"{url}#reply-{reply.pk}")
