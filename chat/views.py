"""The chat pages for members: thin views over chat.queries and chat.services.

The page is rendered with the newest messages already in it, so it is readable without
JavaScript; chat.js then takes over through the socket.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from chat import conf, queries, services
from chat.forms import ActorChannelForm, DirectForm, InviteForm, PrivateChannelForm
from chat.models import Channel, ChannelMembership
from chat.permissions import (
    can_moderate,
    can_open_actor_channels,
    can_post,
    get_channel_for_member,
)
from chat.services import ChatRefused

INVITATION_ANSWERS = {"accept": True, "decline": False}
# The same words whether the names reached anyone or not (chat.forms).
INVITED = gettext_lazy(
    "Die Einladung gilt für alle genannten Personen, die es im Netzwerk gibt. Sie sehen den Kanal, "
    "sobald sie annehmen."
)

MEMBER_ACTIONS = {
    "mute": ChannelMembership.Status.MUTED,
    "unmute": ChannelMembership.Status.ACTIVE,
    "remove": ChannelMembership.Status.REMOVED,
}


def _page(
    request: HttpRequest, channel: Channel | None, *, status: int = 200, **extra: object
) -> HttpResponse:
    user = request.user
    context: dict[str, object] = {
        "channels": queries.channel_list(user),
        "invitations": queries.invitations(user),
        "joinable": queries.channels_to_join(user),
        "channel": channel,
        "direct_form": extra.pop("direct_form", None) or DirectForm(),
        "private_form": extra.pop("private_form", None) or PrivateChannelForm(),
        "actor_channel_form": (
            extra.pop("actor_channel_form", None) or ActorChannelForm()
            if can_open_actor_channels(user)
            else None
        ),
        "max_length": conf.MAX_BODY_LENGTH,
    }
    if channel is not None:
        context.update(
            history=queries.latest_messages(channel, conf.page_size()),
            may_post=can_post(user, channel),
            may_moderate=can_moderate(user, channel),
            members=queries.members(channel) if can_moderate(user, channel) else [],
            invite_form=extra.pop("invite_form", None) or InviteForm(),
        )
    context.update(extra)
    return render(request, "chat/chat.html", context, status=status)


@require_safe
@login_required
def home(request: HttpRequest) -> HttpResponse:
    return _page(request, None)


@require_safe
@login_required
def channel(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, get_channel_for_member(request.user, slug))


@require_safe
@login_required
def mentionable(request: HttpRequest, slug: str) -> JsonResponse:
    """Whom the composer may offer after @: readers of a channel the member reads (404 else)."""
    channel = get_channel_for_member(request.user, slug)
    query = request.GET.get("q", "")[:100]
    people = queries.mentionable(channel, query, exclude=request.user)
    return JsonResponse({"people": people})


@require_POST
@login_required
def direct(request: HttpRequest) -> HttpResponse:
    form = DirectForm(request.POST)
    if form.is_valid():
        try:
            opened = services.open_direct(
                other=form.cleaned_data["username"], acting_user=request.user
            )
        except ChatRefused as refused:
            form.add_error("username", refused.detail)
        else:
            return redirect("chat:channel", slug=opened.slug)
    return _page(request, None, direct_form=form, status=400)


@require_POST
@login_required
def new_private_channel(request: HttpRequest) -> HttpResponse:
    form = PrivateChannelForm(request.POST)
    if form.is_valid():
        try:
            opened = services.create_private_channel(
                name=form.cleaned_data["name"],
                members=form.cleaned_data["usernames"],
                acting_user=request.user,
            )
        except ChatRefused as refused:
            form.add_error(None, refused.detail)
        else:
            if request.POST.get("usernames", "").strip():  # typed, whether found or not
                messages.success(request, INVITED)
            return redirect("chat:channel", slug=opened.slug)
    return _page(request, None, private_form=form, status=400)


@require_POST
@login_required
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    channel = get_channel_for_member(request.user, slug)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.invite(
                channel=channel, user=form.cleaned_data["username"], acting_user=request.user
            )
        except ChatRefused as refused:
            form.add_error("username", refused.detail)
        else:
            messages.success(request, INVITED)
            return redirect("chat:channel", slug=channel.slug)
    return _page(request, channel, invite_form=form, status=400)


@require_POST
@login_required
def answer_invitation(request: HttpRequest, slug: str, answer: str) -> HttpResponse:
    """Accept or decline an invitation; without one, the channel is not confirmed to exist."""
    channel = Channel.objects.filter(slug=slug).first()
    if channel is None or answer not in INVITATION_ANSWERS:
        raise Http404("No such invitation.")
    try:
        services.answer_invitation(
            channel=channel, accept=INVITATION_ANSWERS[answer], acting_user=request.user
        )
    except ChatRefused as refused:
        raise Http404("No such invitation.") from refused
    if INVITATION_ANSWERS[answer]:
        return redirect("chat:channel", slug=channel.slug)
    messages.success(request, _("Einladung abgelehnt."))
    return redirect("chat:home")


@require_POST
@login_required
def new_actor_channel(request: HttpRequest) -> HttpResponse:
    if not can_open_actor_channels(request.user):
        raise Http404("No such page.")
    form = ActorChannelForm(request.POST)
    if form.is_valid():
        opened = services.open_actor_channel(
            name=form.cleaned_data["name"],
            actors=form.cleaned_data["actors"],
            acting_user=request.user,
        )
        return redirect("chat:channel", slug=opened.slug)
    return _page(request, None, actor_channel_form=form, status=400)


@require_POST
@login_required
def moderate_member(request: HttpRequest, slug: str, username: str, action: str) -> HttpResponse:
    """Mute, unmute or remove a member; only moderators see that the channel exists here."""
    channel = get_channel_for_member(request.user, slug)
    if action not in MEMBER_ACTIONS or not can_moderate(request.user, channel):
        raise Http404("No such page.")
    member = (
        get_user_model()
        .objects.filter(username=username, chat_memberships__channel=channel)
        .first()
    )
    if member is None:
        raise Http404("No such member.")
    try:
        services.set_member_status(
            channel=channel, user=member, status=MEMBER_ACTIONS[action], acting_user=request.user
        )
    except ChatRefused as refused:
        messages.error(request, refused.detail)
    else:
        messages.success(request, _("Gespeichert."))
    return redirect("chat:channel", slug=channel.slug)
