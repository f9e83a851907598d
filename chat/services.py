"""Everything that changes the chat: the socket consumer and the HTTP views both call these.

Each change runs in a transaction, saves, writes an audit entry where it is a moderation act,
and broadcasts its frame only after the commit (the action saves, then broadcasts). Refusals
are ChatRefused with the protocol's error code, which sockets send as an error frame and the
API as a 4xx answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import NoReturn, ParamSpec, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from chat import broadcast, conf, presence, queries
from chat.frames import deleted_frame, display_name, edited_frame, message_frame
from chat.models import Channel, ChannelMembership, Message
from chat.permissions import (
    can_moderate,
    can_open_actor_channels,
    can_read,
    channel_readers,
    is_muted,
    is_network_member,
)
from chat.rendering import mentioned_usernames, render_body
from network import audit
from network.models import Actor
from network.permissions import User
from portal import ratelimit
from portal.html import LONE_SURROGATE
from portal.mail import send_after_commit
from portal.names import visible_name
from portal.transactions import Busy, retrying

# Per account, whichever way a message arrives; chat/conf.py reads the rate from the settings.
MESSAGES = ratelimit.Limit(
    "chat-message",
    by=("account",),
    rate=lambda: ratelimit.Rate(limit=conf.rate_limit(), window=conf.rate_window()),
)


# Typing notices broadcast too, so they have a limit of their own (clients send one every 3 s).
TYPING = ratelimit.Limit(
    "chat-typing",
    by=("account",),
    rate=lambda: ratelimit.Rate(limit=conf.rate_limit(), window=conf.rate_window()),
)

# A resume reads up to a page of history from the database: counted like messages, apart.
RESUMES = ratelimit.Limit(
    "chat-resume",
    by=("account",),
    rate=lambda: ratelimit.Rate(limit=conf.rate_limit(), window=conf.rate_window()),
)


class ChatRefused(Exception):
    """An action the protocol answers with an error frame; the connection stays."""

    def __init__(self, code: str, detail: str, *, retry_after: int | None = None) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.retry_after = retry_after


P = ParamSpec("P")
R = TypeVar("R")


def _writing(function: Callable[P, R]) -> Callable[P, R]:
    """portal.transactions.retrying, its final loss refused like any other chat action: an
    error frame on the socket, a 503 with Retry-After in the API (docs/transactions.md)."""
    retried = retrying(function)

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return retried(*args, **kwargs)
        except Busy as busy:
            raise ChatRefused(
                "busy",
                _(
                    "Gerade schreiben sehr viele gleichzeitig; nichts wurde gespeichert. "
                    "Bitte senden Sie es gleich noch einmal."
                ),
                retry_after=busy.retry_after,
            ) from busy

    return run


def _not_member() -> ChatRefused:
    return ChatRefused("not_allowed", _("Sie gehören nicht (mehr) zu diesem Kanal."))


# Channels whose readers follow from the network (a role, agency staff): a reader may post there
# before their row exists (the API before the first visit). Private and direct channels admit
# by row alone.
OPEN_KINDS = (Channel.Kind.PUBLIC, Channel.Kind.ACTOR)


def _muted() -> ChatRefused:
    return ChatRefused("not_allowed", _("Sie sind in diesem Kanal stummgeschaltet."))


def _refuse_standing(status: str | None) -> NoReturn:
    """The send statement found the author's row muted, removed, invited, or (in a closed
    channel) missing: it stored nothing, and this says why."""
    if status == ChannelMembership.Status.MUTED:
        raise _muted()
    raise _not_member()


def _count(limit: ratelimit.Limit, user: User) -> None:
    """Count one broadcast of the member's against a limit, refusing it beyond."""
    try:
        limit.hit(user=user)
    except ratelimit.RateLimited as limited:
        raise ChatRefused(
            "rate_limited",
            _("Zu viele Nachrichten in kurzer Zeit. Bitte warten Sie einen Moment."),
            retry_after=limited.retry_after,
        ) from limited


def _clean_body(body: object) -> str:
    if not isinstance(body, str):
        raise ChatRefused("invalid", _("Der Text fehlt."))
    if LONE_SURROGATE.search(body):
        raise ChatRefused("invalid", _("Der Text enthält ungültige Zeichen (einzelne Surrogate)."))
    if not body.strip():
        raise ChatRefused("empty_body", _("Eine leere Nachricht wird nicht gesendet."))
    if len(body) > conf.MAX_BODY_LENGTH:
        raise ChatRefused(
            "body_too_long",
            _("Eine Nachricht darf höchstens %(limit)d Zeichen lang sein.")
            % {"limit": conf.MAX_BODY_LENGTH},
        )
    return body


def _require_post(channel: Channel, user: User) -> None:
    if not can_read(user, channel):
        raise _not_member()
    if is_muted(user, channel):
        raise _muted()


@_writing
def join_channel(*, channel: Channel, acting_user: User) -> ChannelMembership:
    """Give a reader their row (public channels: joining; actor channels: first visit)."""
    if not can_read(acting_user, channel):
        raise _not_member()
    membership, _created = ChannelMembership.objects.get_or_create(
        channel=channel, user=acting_user
    )
    return membership


MAX_MENTION_IDS = 50


def _clean_mention_ids(ids: object) -> list[int]:
    """The ids the composer remembered for the people it offered; a bad list is refused."""
    if ids is None:
        return []
    if (
        not isinstance(ids, list)
        or len(ids) > MAX_MENTION_IDS
        or any(isinstance(pk, bool) or not isinstance(pk, int) for pk in ids)
    ):
        raise ChatRefused(
            "invalid",
            _("mentions muss eine Liste von höchstens %(limit)d Personennummern sein.")
            % {"limit": MAX_MENTION_IDS},
        )
    return ids


def _readers_named(channel: Channel, usernames: Iterable[str], ids: Iterable[int] = ()) -> list:
    """Who of the people named by hand (@username) or chosen in the composer (their ids) may
    read the channel: one query, so that mentions by id cost no more than typed ones."""
    names, pks = set(usernames), set(ids)
    if not names and not pks:
        return []
    readers = channel_readers(channel).filter(Q(username__in=names) | Q(pk__in=pks))
    return list(readers.order_by("username"))


def _rendered(body: str, mentioned: list) -> str:
    return render_body(
        body,
        mentions={user.get_username() for user in mentioned},
        names={display_name(user) for user in mentioned},
    )


def _notify_mentioned(message: Message, channel: Channel, mentioned: list) -> None:
    """On the page through the member's own sockets; by mail when no socket is open."""
    author = message.author
    notice = {
        "type": "mention",
        "channel": channel.slug,
        "channel_name": channel.name,
        "id": message.seq,
        "author": author.get_username(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "chat:channel", kwargs={"slug": channel.slug}
        )
        subject = _("%(author)s hat Sie im Chat „%(channel)s“ erwähnt") % {
            "author": display_name(author),
            "channel": " ".join(channel.name.split()),
        }
    for user in mentioned:
        if user.pk == author.pk:
            continue
        broadcast.after_commit(
            broadcast.user_group(user.pk), {"type": "chat.notice", "frame": notice}
        )
        if not presence.is_online(user.pk) and user.email:
            send_after_commit(
                to=[user.email],
                subject=subject,
                template="chat/email/mention.txt",
                context={"message": message, "channel": channel, "url": url, "user": user},
            )


def _prepared(
    channel: Channel,
    body: object,
    client_id: object,
    mentions: object,
    acting_user: User,
    may_post: bool,
) -> tuple[str, str, list[int]]:
    """The checks of a message before it is counted: its body, client_id and mention ids."""
    body = _clean_body(body)
    mention_ids = _clean_mention_ids(mentions)
    if (
        not isinstance(client_id, str)
        or len(client_id) > conf.CLIENT_ID_MAX_LENGTH
        or LONE_SURROGATE.search(client_id)
    ):
        raise ChatRefused("invalid", _("Die client_id muss ein kurzer Text sein."))
    if not may_post:
        _require_post(channel, acting_user)
    return body, client_id, mention_ids


def _counted(channel: Channel, acting_user: User, client_id: str) -> Message | None:
    """Count the message against the member's limit; over it, a resend gets the stored one."""
    try:
        _count(MESSAGES, acting_user)
    except ChatRefused:
        # A resend over the limit is still answered with what is stored.
        stored = _stored(channel, acting_user, client_id) if client_id else None
        if stored is None:
            raise
        return stored
    return None


def post_message(
    *,
    channel: Channel,
    body: object,
    client_id: str = "",
    mentions: object = None,
    acting_user: User,
    may_post: bool = False,
) -> tuple[Message, bool]:
    """Store a message and broadcast it; returns it and whether it is new.

    A client_id seen before from the same author in the channel returns the stored message
    unchanged, so a client may resend whatever it is unsure about: the unique constraint
    finds it, so that a new message costs no look-up beforehand.

    `may_post` is the socket's word that it knows the member may post here: it checked at
    connect and hears of every change through the member's own group (chat.signals).
    `mentions` are user ids the composer remembered; only readers of the channel are kept.
    """
    body, client_id, mention_ids = _prepared(
        channel, body, client_id, mentions, acting_user, may_post
    )
    stored = _counted(channel, acting_user, client_id)
    if stored is not None:
        return stored, False
    return _store(_Draft(channel, body, client_id, acting_user, mention_ids))


@dataclass(frozen=True)
class Post:
    """One message frame of a socket, waiting to be stored together with others (post_messages)."""

    channel: Channel
    body: object
    client_id: object
    mentions: object
    acting_user: User


@dataclass
class _Draft:
    channel: Channel
    body: str
    client_id: str
    author: User
    mention_ids: list[int]


Posted = tuple[Message, bool] | Exception  # what post_message returns, or what it raised


def post_messages(posts: list[Post]) -> list[Posted]:
    """Store the messages of several sockets at once (group commit); per post, what
    post_message would have returned (the message and whether it is new) or raised.

    The sockets say they know their members may post (`may_post`, see post_message). Checks
    and rate limits are per post, as for one; on PostgreSQL the accepted posts of a channel are
    then stored in one statement, which is its own transaction: the channel's ids taken once
    under its row's lock, one multi-row insert, the mentions, the authors' read marks, so ten
    waiting messages cost one round trip and one commit instead of ten. Ids follow the order of
    `posts`, and so do the broadcasts (after the commit, as for one). A client_id stored before
    fails the whole statement: the channel's posts are then stored one by one, as each alone.
    """
    outcomes: list[Posted | None] = [None] * len(posts)
    drafts: dict[int, _Draft] = {}
    for index, post in enumerate(posts):
        try:
            body, client_id, mention_ids = _prepared(
                post.channel, post.body, post.client_id, post.mentions, post.acting_user, True
            )
            stored = _counted(post.channel, post.acting_user, client_id)
        except Exception as error:  # handed to the post's own socket
            outcomes[index] = error
            continue
        if stored is not None:
            outcomes[index] = (stored, False)
        else:
            drafts[index] = _Draft(post.channel, body, client_id, post.acting_user, mention_ids)
    together = not connection.in_atomic_block and connection.vendor == "postgresql"
    by_channel: dict[int, list[int]] = {}
    for index, draft in drafts.items():
        by_channel.setdefault(draft.channel.pk, []).append(index)
    for indexes in by_channel.values():
        if together and len(indexes) > 1:
            try:
                saved = _save_together([drafts[index] for index in indexes])
            except IntegrityError:  # a resend among them: each alone finds its stored message
                pass
            except Exception as error:  # the database failed all of them
                for index in indexes:
                    outcomes[index] = error
                continue
            else:
                for index, result in zip(indexes, saved, strict=True):
                    outcomes[index] = result if isinstance(result, Exception) else (result, True)
                continue
        for index in indexes:
            try:
                outcomes[index] = _store(drafts[index])
            except Exception as error:  # handed to the post's own socket
                outcomes[index] = error
    return outcomes  # type: ignore[return-value] - every post has its outcome by now


def _store(draft: _Draft) -> tuple[Message, bool]:
    """Save one counted message: (the message, True), or (the stored one, False) for a resend."""
    try:
        if not connection.in_atomic_block and connection.vendor == "postgresql":
            saved = _save_together([draft])[0]
            if isinstance(saved, ChatRefused):
                raise saved
            message = saved
        elif connection.in_atomic_block:
            # In a caller's transaction: a savepoint, so that a known client_id leaves it usable.
            with transaction.atomic():
                message = _writing(_save_message)(
                    draft.channel, draft.body, draft.client_id, draft.author, draft.mention_ids
                )
        else:
            message = _writing(_save_message)(
                draft.channel, draft.body, draft.client_id, draft.author, draft.mention_ids
            )
    except IntegrityError:  # a client_id stored before, or racing in through another socket
        stored = _stored(draft.channel, draft.author, draft.client_id) if draft.client_id else None
        if stored is None:
            raise
        return stored, False
    return message, True


def _stored(channel: Channel, author: User, client_id: str) -> Message | None:
    return (
        Message.objects.filter(channel=channel, author=author, client_id=client_id)
        .select_related("author")
        .prefetch_related("mentions")
        .first()
    )


def _next_seq(channel: Channel, author: User) -> int:
    """The channel's next message id, in one statement that also locks the channel's row until
    the commit: ids are handed out in commit order, without gaps. The statement itself checks
    the author's row (not muted, removed or invited; present in a closed channel), so that a
    frame racing a moderator's act is refused, not stored; only a refusal costs a second look."""
    quote = connection.ops.quote_name
    table = quote(Channel._meta.db_table)
    memberships = quote(ChannelMembership._meta.db_table)
    column = quote("last_seq")
    row_of = f"SELECT 1 FROM {memberships} WHERE channel_id = %s AND user_id = %s"  # noqa: S608
    placeholders = ", ".join(["%s"] * len(OPEN_KINDS))
    # Only the models' quoted table and column names are formatted into the statement.
    statement = (
        f"UPDATE {table} SET {column} = {column} + 1 WHERE id = %s"  # noqa: S608
        f" AND NOT EXISTS ({row_of} AND status <> %s)"
        f" AND (kind IN ({placeholders}) OR EXISTS ({row_of}))"
        f" RETURNING {column}"
    )
    parameters = [
        channel.pk,
        *(channel.pk, author.pk, ChannelMembership.Status.ACTIVE),
        *OPEN_KINDS,
        *(channel.pk, author.pk),
    ]
    with connection.cursor() as cursor:
        cursor.execute(statement, parameters)
        row = cursor.fetchone()
    if row is None:
        _refuse_standing(
            ChannelMembership.objects.filter(channel=channel, user=author)
            .values_list("status", flat=True)
            .first()
        )
    return row[0]


def _save_together(drafts: list[_Draft]) -> list[Message | ChatRefused]:
    """PostgreSQL, in no caller's transaction: counted messages of one channel in one statement,
    which is its own transaction. The channel's ids are taken at once under its row's lock until
    the commit (in the order of `drafts`), then the multi-row insert, the mentions and the
    authors' read marks, so the messages cost one round trip to the database and one commit,
    plus one look-up of mentioned readers per message that names any. Each author's row is
    checked in the same statement (muted, removed, invited; missing in a closed channel): a
    post refused there is returned as its refusal, the others are stored. Saved exactly as
    _save_message saves; a client_id stored before fails the whole statement."""
    channel = drafts[0].channel
    mentioned = [
        _readers_named(channel, mentioned_usernames(draft.body), draft.mention_ids)
        for draft in drafts
    ]
    bodies_html = [
        _rendered(draft.body, people) for draft, people in zip(drafts, mentioned, strict=True)
    ]
    sent_at = timezone.now()
    quote = connection.ops.quote_name
    channels, messages = quote(Channel._meta.db_table), quote(Message._meta.db_table)
    mentions = quote(Message.mentions.through._meta.db_table)
    memberships = quote(ChannelMembership._meta.db_table)
    sql = f"""
        WITH input AS (
            SELECT * FROM unnest(
                %(ord)s::int[], %(author)s::bigint[], %(body)s::text[], %(body_html)s::text[],
                %(client_id)s::text[]
            ) AS t(ord, author_id, body, body_html, client_id)
        ), standing AS (
            SELECT user_id, status FROM {memberships}
            WHERE channel_id = %(channel)s AND user_id = ANY(%(author)s::bigint[])
            FOR KEY SHARE
        ), allowed AS (
            SELECT input.*, row_number() OVER (ORDER BY input.ord) AS n
            FROM input LEFT JOIN standing ON standing.user_id = input.author_id
            WHERE (standing.status IS NULL OR standing.status = %(active)s)
                AND (%(open)s OR standing.status IS NOT NULL)
        ), seq AS (
            UPDATE {channels} SET last_seq = last_seq + (SELECT count(*) FROM allowed)
            WHERE id = %(channel)s AND EXISTS (SELECT 1 FROM allowed)
            RETURNING last_seq - (SELECT count(*) FROM allowed) AS base
        ), durability AS (
            SELECT set_config('synchronous_commit', %(synchronous_commit)s, true)
        ), numbered AS (
            SELECT allowed.*, seq.base + allowed.n AS seq FROM allowed, seq
        ), message AS (
            INSERT INTO {messages}
                (channel_id, seq, author_id, body, body_html, client_id, sent_at)
            SELECT %(channel)s, seq, author_id, body, body_html, client_id, %(sent_at)s
            FROM numbered ORDER BY seq
            RETURNING id, seq
        ), mentioned AS (
            INSERT INTO {mentions} (message_id, user_id)
            SELECT message.id, person.user_id
            FROM message JOIN numbered ON numbered.seq = message.seq
            JOIN unnest(%(mention_ord)s::int[], %(mention_user)s::bigint[])
                AS person(ord, user_id) ON person.ord = numbered.ord
        ), mark AS (
            UPDATE {memberships} SET last_read_seq = latest.seq
            FROM (SELECT author_id, max(seq) AS seq FROM numbered GROUP BY author_id) AS latest
            WHERE channel_id = %(channel)s AND user_id = latest.author_id
            RETURNING user_id
        )
        SELECT input.ord, standing.status, message.id, message.seq,
            EXISTS (SELECT 1 FROM mark WHERE mark.user_id = input.author_id),
            (SELECT count(*) FROM durability)
        FROM input
        LEFT JOIN standing ON standing.user_id = input.author_id
        LEFT JOIN numbered ON numbered.ord = input.ord
        LEFT JOIN message ON message.seq = numbered.seq
        ORDER BY input.ord
    """  # noqa: S608 - table names from the models, values as parameters
    parameters = {
        "channel": channel.pk,
        "ord": list(range(len(drafts))),
        "author": [draft.author.pk for draft in drafts],
        "body": [draft.body for draft in drafts],
        "body_html": bodies_html,
        "client_id": [draft.client_id for draft in drafts],
        "sent_at": sent_at,
        "mention_ord": [index for index, people in enumerate(mentioned) for _user in people],
        "mention_user": [user.pk for people in mentioned for user in people],
        "active": ChannelMembership.Status.ACTIVE,
        "open": channel.kind in OPEN_KINDS,
        "synchronous_commit": "off" if conf.relaxed_commit() else "on",
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)
        rows = cursor.fetchall()
    results: list[Message | ChatRefused] = []
    for (_ord, status, pk, seq, marked, _durability), draft, people, body_html in zip(
        rows, drafts, mentioned, bodies_html, strict=True
    ):
        if pk is None:
            try:
                _refuse_standing(status)
            except ChatRefused as refused:
                results.append(refused)
            continue
        channel.last_seq = max(channel.last_seq, seq)
        message = Message(
            pk=pk,
            channel=channel,
            seq=seq,
            author=draft.author,
            body=draft.body,
            body_html=body_html,
            client_id=draft.client_id,
            sent_at=sent_at,
        )
        message._state.adding = False
        message._prefetched_objects_cache = {"mentions": people}
        if not marked:  # a member posting over the API before ever opening the channel
            ChannelMembership.objects.get_or_create(
                channel=channel, user=draft.author, defaults={"last_read_seq": seq}
            )
        _announce(message, channel, people)
        results.append(message)
    return results


def _announce(message: Message, channel: Channel, mentioned: list) -> None:
    broadcast.after_commit(
        channel.group_name, broadcast.frame_event(message_frame(message, channel))
    )
    _notify_mentioned(message, channel, mentioned)


def _save_message(
    channel: Channel, body: str, client_id: str, author: User, mention_ids: list[int]
) -> Message:
    """Three statements for a message without mentions (id, insert, the author's read mark),
    two more with: who of the named may read here, and their rows."""
    seq = _next_seq(channel, author)
    channel.last_seq = seq
    mentioned = _readers_named(channel, mentioned_usernames(body), mention_ids)
    message = Message.objects.create(
        channel=channel,
        seq=seq,
        author=author,
        body=body,
        body_html=_rendered(body, mentioned),
        client_id=client_id,
    )
    if mentioned:
        through = Message.mentions.through
        through.objects.bulk_create(
            [through(message_id=message.pk, user_id=user.pk) for user in mentioned]
        )
    # The frame below reads the mentions from here, not from the database.
    message._prefetched_objects_cache = {"mentions": mentioned}
    # Writing is reading: the author's own message never counts as unread.
    read = ChannelMembership.objects.filter(channel=channel, user=author)
    if not read.update(last_read_seq=seq):
        ChannelMembership.objects.create(channel=channel, user=author, last_read_seq=seq)
    _announce(message, channel, mentioned)
    return message


def _message(channel: Channel, seq: object) -> Message:
    if isinstance(seq, bool) or not isinstance(seq, int):
        raise ChatRefused("invalid", _("Die Nachrichtennummer fehlt."))
    message = (
        channel.messages.select_for_update(of=("self",))
        .select_related("author")
        .filter(seq=seq, removed_at__isnull=True)
        .order_by()
        .first()
    )
    if message is None:
        raise ChatRefused("not_found", _("Diese Nachricht gibt es nicht (mehr)."))
    return message


@_writing
def edit_message(*, channel: Channel, seq: object, body: object, acting_user: User) -> Message:
    """Authors edit their own messages; nobody edits someone else's words.

    Every edit is broadcast to the channel, so it counts against the same limit as a message.
    """
    body = _clean_body(body)
    _require_post(channel, acting_user)
    with transaction.atomic():
        message = _message(channel, seq)
        if message.author_id != acting_user.pk:
            raise ChatRefused("not_allowed", _("Sie können nur eigene Nachrichten bearbeiten."))
        _count(MESSAGES, acting_user)
        # People chosen in the composer stay mentioned while their @name is still in the text.
        kept = [user.pk for user in message.mentions.all() if f"@{display_name(user)}" in body]
        mentioned = _readers_named(channel, mentioned_usernames(body), kept)
        message.body = body
        message.body_html = _rendered(body, mentioned)
        message.edited_at = timezone.now()
        message.save(update_fields=["body", "body_html", "edited_at"])
        message.mentions.set(mentioned)
        broadcast.after_commit(
            channel.group_name, broadcast.frame_event(edited_frame(message, channel))
        )
    return message


@_writing
def delete_message(*, channel: Channel, seq: object, acting_user: User) -> Message:
    """Authors delete their own messages; moderators remove anyone's, which is audited.

    A deletion is broadcast like a message and counts against the same limit.
    """
    if not can_read(acting_user, channel):
        raise _not_member()
    with transaction.atomic():
        message = _message(channel, seq)
        own = message.author_id == acting_user.pk
        if own:
            _require_post(channel, acting_user)
        elif not can_moderate(acting_user, channel):
            raise ChatRefused("not_allowed", _("Sie können nur eigene Nachrichten löschen."))
        _count(MESSAGES, acting_user)
        message.removed_at = timezone.now()
        message.removed_by = acting_user
        message.save(update_fields=["removed_at", "removed_by"])
        if not own:
            audit.record(
                "chat.message_removed",
                user=acting_user,
                obj=message,
                channel=channel.slug,
                seq=message.seq,
                author=message.author.get_username() if message.author else None,
            )
        broadcast.after_commit(
            channel.group_name, broadcast.frame_event(deleted_frame(message, channel))
        )
    return message


def announce_typing(*, channel: Channel, acting_user: User, may_post: bool = False) -> bool:
    """Whether a typing notice goes out: members who may post, within the typing limit, at most
    once per CHAT_TYPING_INTERVAL and member (whichever socket or server it comes through)."""
    if not may_post:
        _require_post(channel, acting_user)
    _count(TYPING, acting_user)
    key = f"chat:typing:{channel.pk}:{acting_user.pk}"
    return cache.add(key, 1, timeout=conf.typing_interval())


def resume(*, channel: Channel, after: object, acting_user: User) -> tuple[list[Message], bool]:
    """The messages after id `after`, at most a page of them, and whether more follow."""
    if isinstance(after, bool) or not isinstance(after, int) or after < 0:
        raise ChatRefused("invalid", _("„after“ muss die letzte gesehene Nummer sein."))
    _count(RESUMES, acting_user)
    page = conf.resume_page()
    messages = queries.messages_after(channel, after, limit=page + 1)
    return messages[:page], len(messages) > page


@_writing
def mark_read(*, channel: Channel, seq: object, acting_user: User, may_post: bool = False) -> int:
    """Remember how far the member has read; returns what is still unread.

    `may_post`: the socket knows the member reads here (see post_message)."""
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
        raise ChatRefused("invalid", _("Die Nachrichtennummer fehlt."))
    if may_post:
        membership, _created = ChannelMembership.objects.get_or_create(
            channel=channel, user=acting_user
        )
    else:
        membership = join_channel(channel=channel, acting_user=acting_user)
    last_seq = Channel.objects.values_list("last_seq", flat=True).get(pk=channel.pk)
    upto = min(seq, last_seq)
    ChannelMembership.objects.filter(pk=membership.pk, last_read_seq__lt=upto).update(
        last_read_seq=upto
    )
    return last_seq - max(upto, membership.last_read_seq)


# --- moderation and opening channels ---------------------------------------------------------


def set_member_status(
    *, channel: Channel, user: User, status: str, acting_user: User
) -> ChannelMembership:
    """Mute, unmute or remove a member; a removed member's sockets are closed at once."""
    status = ChannelMembership.Status(status)
    if not can_moderate(acting_user, channel):
        raise ChatRefused("not_allowed", _("Nur Kanal-Admins und die Agentur moderieren."))
    if user.pk == acting_user.pk:
        raise ChatRefused("not_allowed", _("Sie können sich nicht selbst moderieren."))
    if status == ChannelMembership.Status.INVITED:
        raise ChatRefused("invalid", _("Einladen geht nur über die Einladung."))
    with transaction.atomic():
        membership, created = ChannelMembership.objects.select_for_update().get_or_create(
            channel=channel, user=user
        )
        previous = membership.status
        # Only the person's own acceptance of an invitation lets them into a closed channel:
        # moderation withdraws an invitation (remove) but turns nobody into a reader there.
        closed = channel.kind in (Channel.Kind.PRIVATE, Channel.Kind.DIRECT)
        outside = created or previous in (
            ChannelMembership.Status.INVITED,
            ChannelMembership.Status.REMOVED,
        )
        if closed and outside and status != ChannelMembership.Status.REMOVED:
            raise ChatRefused(
                "not_allowed",
                _("In einen privaten Kanal kommt man nur über eine angenommene Einladung."),
            )
        if status == ChannelMembership.Status.REMOVED:
            # Ahead of the save's own push (chat.signals), so the sockets hear why they close.
            broadcast.after_commit(
                broadcast.user_group(user.pk), {"type": "chat.removed", "channel": channel.pk}
            )
        membership.status = status
        membership.save(update_fields=["status"])
        audit.record(
            f"chat.member_{status}",
            user=acting_user,
            obj=membership,
            channel=channel.slug,
            member=user.get_username(),
            previous=previous,
        )
    return membership


# Paths of the chat pages that a channel's slug must not shadow.
RESERVED_SLUGS = frozenset({"direct", "new", "private", "channels"})


def _unique_slug(name: str) -> str:
    base = slugify(name)[:80] or "kanal"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Channel.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def open_actor_channel(*, name: str, actors: Iterable[Actor], acting_user: User) -> Channel:
    """Agency staff open a channel with one or more actors, whose members then belong to it."""
    actors = list(actors)
    if not can_open_actor_channels(acting_user):
        raise ChatRefused("not_allowed", _("Nur die Agentur eröffnet Kanäle mit Akteuren."))
    if not actors or not name.strip():
        raise ChatRefused("invalid", _("Name und mindestens ein Akteur sind nötig."))
    name = _channel_name(name)
    with transaction.atomic():
        channel = Channel.objects.create(
            slug=_unique_slug(name),
            name=name,
            kind=Channel.Kind.ACTOR,
            created_by=acting_user,
        )
        channel.actors.set(actors)
        ChannelMembership.objects.create(
            channel=channel, user=acting_user, role=ChannelMembership.Role.ADMIN
        )
        audit.record(
            "chat.channel_opened",
            user=acting_user,
            obj=channel,
            actors=[actor.slug for actor in actors],
        )
    return channel


def open_direct(*, other: User, acting_user: User) -> Channel:
    """The one conversation between two network members, opened on first use."""
    if not is_network_member(acting_user) or not is_network_member(other):
        raise ChatRefused("not_allowed", _("Direktnachrichten gibt es nur im Netzwerk."))
    if other.pk == acting_user.pk:
        raise ChatRefused("invalid", _("Wählen Sie eine andere Person."))
    low, high = sorted([acting_user.pk, other.pk])
    with transaction.atomic():
        channel, _created = Channel.objects.get_or_create(
            slug=f"direkt-{low}-{high}",
            defaults={
                "kind": Channel.Kind.DIRECT,
                "name": f"{display_name(acting_user)} · {display_name(other)}",
                "created_by": acting_user,
            },
        )
        for user in (acting_user, other):
            ChannelMembership.objects.get_or_create(channel=channel, user=user)
    return channel


def _channel_name(name: str) -> str:
    """A channel's name as others will see it; refused when it would read otherwise."""
    name = name.strip()
    if not name:
        raise ChatRefused("invalid", _("Der Kanal braucht einen Namen."))
    try:
        visible_name(name)
    except ValidationError as error:
        raise ChatRefused("invalid", error.messages[0]) from error
    return name


def invitable(usernames: Iterable[str]) -> list[User]:
    """The active network members among these usernames; anyone else is passed over silently.

    The forms that take usernames answer alike for people who do not exist and people who may
    not be invited, so that they tell nobody which usernames exist.
    """
    names = {name.strip().lstrip("@") for name in usernames if name.strip().lstrip("@")}
    if not names:
        return []
    users = get_user_model().objects.filter(username__in=names, is_active=True)
    return [user for user in users.order_by("username") if is_network_member(user)]


def create_private_channel(*, name: str, members: Iterable[User], acting_user: User) -> Channel:
    """A closed channel; its creator is its admin, the others are invited and need to accept."""
    if not is_network_member(acting_user):
        raise ChatRefused("not_allowed", _("Private Kanäle gibt es nur im Netzwerk."))
    name = _channel_name(name)
    with transaction.atomic():
        channel = Channel.objects.create(
            slug=_unique_slug(name),
            name=name,
            kind=Channel.Kind.PRIVATE,
            created_by=acting_user,
        )
        ChannelMembership.objects.create(
            channel=channel, user=acting_user, role=ChannelMembership.Role.ADMIN
        )
        for member in members:
            if member.pk != acting_user.pk:
                _invite(channel, member, acting_user)
    return channel


def invite(*, channel: Channel, user: User | None, acting_user: User) -> ChannelMembership | None:
    """Admins of a private channel invite people (again, after a removal); they need to accept.

    `user` is None for a name that is nobody who may be invited: the admin's answer is the same.
    """
    if channel.kind != Channel.Kind.PRIVATE or not can_moderate(acting_user, channel):
        raise ChatRefused("not_allowed", _("Nur Admins laden in private Kanäle ein."))
    if user is None or user.pk == acting_user.pk or not is_network_member(user):
        return None
    with transaction.atomic():
        return _invite(channel, user, acting_user)


def _invite(channel: Channel, user: User, acting_user: User) -> ChannelMembership:
    membership, created = ChannelMembership.objects.select_for_update().get_or_create(
        channel=channel,
        user=user,
        defaults={"status": ChannelMembership.Status.INVITED, "invited_by": acting_user},
    )
    if not created and membership.status != ChannelMembership.Status.REMOVED:
        return membership  # already in, or already invited
    if not created:
        membership.status = ChannelMembership.Status.INVITED
        membership.invited_by = acting_user
        membership.save(update_fields=["status", "invited_by"])
    audit.record(
        "chat.member_invited",
        user=acting_user,
        obj=membership,
        channel=channel.slug,
        member=user.get_username(),
    )
    notice = {
        "type": "invitation",
        "channel": channel.slug,
        "channel_name": channel.name,
        "by": acting_user.get_username(),
        "by_name": display_name(acting_user),
    }
    broadcast.after_commit(broadcast.user_group(user.pk), {"type": "chat.notice", "frame": notice})
    return membership


def answer_invitation(*, channel: Channel, accept: bool, acting_user: User) -> None:
    """The invited person accepts (and reads the channel from now on) or declines (row gone)."""
    with transaction.atomic():
        membership = (
            ChannelMembership.objects.select_for_update()
            .filter(channel=channel, user=acting_user, status=ChannelMembership.Status.INVITED)
            .first()
        )
        if membership is None:
            raise ChatRefused("not_found", _("Diese Einladung gibt es nicht (mehr)."))
        if accept:
            membership.status = ChannelMembership.Status.ACTIVE
            membership.save(update_fields=["status"])
        else:
            membership.delete()
        audit.record(
            "chat.invitation_accepted" if accept else "chat.invitation_declined",
            user=acting_user,
            obj=channel,
            channel=channel.slug,
        )
