// The chat room: one socket per open channel, see docs/chat-protocol.md.
//
// Message text reaches the page only as the server's body_html, which is escaped and sanitised
// there; everything else (names, times) goes in as textContent. Ids are gapless per channel, so
// the room knows the last id up to which it has seen everything and resumes after exactly that.

const room = document.querySelector(".chat__room[data-socket]");

// Capped at 5 s (plus up to a fifth of jitter, so that a restarted server is not met by every
// client at once): after an outage of the server's Redis (close code 4503) or of the network,
// the room is back within 10 s of the server being whole again.
const BACKOFF_MS = [500, 1000, 2000, 4000, 5000];
const JITTER = 0.2;
const TYPING_EVERY_MS = 3000;
const TYPING_SHOWN_MS = 4000;
const READ_AFTER_MS = 500;
const FATAL_CODES = new Set([4401, 4403, 4404]);

function text(key, values = {}) {
  const template = room.dataset[key] || "";
  return template.replace(/%\((\w+)\)s/g, (_, name) => String(values[name] ?? ""));
}

function newClientId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

// Mentions chosen by name: after "@" and a few letters the composer offers the channel's
// readers (chat:mentionable) in a listbox (the combobox pattern); a chosen person's name goes
// into the text and their id into the send frame, so the server need not guess from a name.
const MENTION_QUERY_MAX = 40;

class Mentions {
  constructor(field, url) {
    this.field = field;
    this.url = url;
    this.chosen = new Map();
    this.people = [];
    this.active = -1;
    this.asked = 0;
    this.list = document.createElement("ul");
    this.list.id = `${field.id}-mentions`;
    this.list.className = "chat__mentions";
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", text("textMentionList"));
    this.list.hidden = true;
    // Clicking an option must not take the focus from the field (which would close the list).
    this.list.addEventListener("mousedown", (event) => event.preventDefault());
    field.after(this.list);
    field.setAttribute("role", "combobox");
    field.setAttribute("aria-autocomplete", "list");
    field.setAttribute("aria-controls", this.list.id);
    field.setAttribute("aria-expanded", "false");
    field.addEventListener("keydown", (event) => this.key(event));
    field.addEventListener("input", () => this.update());
    field.addEventListener("blur", () => this.close());
  }

  get open() {
    return !this.list.hidden;
  }

  // The "@" before the caret and what follows it, when the member is writing a mention.
  typed() {
    const before = this.field.value.slice(0, this.field.selectionStart);
    const at = before.lastIndexOf("@");
    if (at < 0 || (at > 0 && /[\p{L}\p{N}_@]/u.test(before[at - 1]))) return null;
    const query = before.slice(at + 1);
    if (!query || query.length > MENTION_QUERY_MAX || /^\s|[\n@]/.test(query)) return null;
    return { at, query };
  }

  async update() {
    const typed = this.typed();
    if (!typed) {
      this.close();
      return;
    }
    this.asked += 1;
    const ticket = this.asked;
    try {
      const response = await fetch(`${this.url}?q=${encodeURIComponent(typed.query)}`, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      const answer = response.ok ? await response.json() : { people: [] };
      if (ticket === this.asked) this.offer(answer.people || []);
    } catch {
      if (ticket === this.asked) this.close();
    }
  }

  offer(people) {
    this.people = people;
    this.list.replaceChildren();
    if (!people.length) {
      this.close();
      return;
    }
    people.forEach((person, index) => {
      const option = document.createElement("li");
      option.id = `${this.list.id}-${index}`;
      option.className = "chat__mention";
      option.setAttribute("role", "option");
      option.textContent = person.name;
      option.addEventListener("click", () => this.pick(index));
      this.list.append(option);
    });
    this.list.hidden = false;
    this.field.setAttribute("aria-expanded", "true");
    this.highlight(0);
  }

  highlight(index) {
    this.active = index;
    for (const [position, option] of [...this.list.children].entries()) {
      const selected = position === index;
      option.setAttribute("aria-selected", String(selected));
      option.classList.toggle("chat__mention--active", selected);
      if (selected) {
        this.field.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    }
  }

  close() {
    this.asked += 1; // an answer still on its way is not shown any more
    this.list.hidden = true;
    this.people = [];
    this.active = -1;
    this.field.setAttribute("aria-expanded", "false");
    this.field.removeAttribute("aria-activedescendant");
  }

  key(event) {
    if (!this.open) return;
    const count = this.people.length;
    switch (event.key) {
      case "ArrowDown":
        this.highlight((this.active + 1) % count);
        break;
      case "ArrowUp":
        this.highlight((this.active - 1 + count) % count);
        break;
      case "Enter":
      case "Tab":
        this.pick(this.active);
        break;
      case "Escape":
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  pick(index) {
    const person = this.people[index];
    const typed = this.typed();
    if (!person || !typed) {
      this.close();
      return;
    }
    const { value, selectionStart } = this.field;
    const inserted = `@${person.name} `;
    this.field.value = value.slice(0, typed.at) + inserted + value.slice(selectionStart);
    const caret = typed.at + inserted.length;
    this.field.setSelectionRange(caret, caret);
    this.chosen.set(person.id, person.name);
    this.close();
    this.field.focus();
  }

  // The ids of the people chosen whose name is still in the text, for the send frame.
  take(body) {
    const ids = [...this.chosen]
      .filter(([, name]) => body.includes(`@${name}`))
      .map(([id]) => id);
    this.chosen.clear();
    return ids;
  }
}

class Room {
  constructor(element) {
    this.element = element;
    this.me = element.dataset.username;
    this.mayModerate = element.dataset.mayModerate === "true";
    this.history = element.querySelector(".chat__history");
    this.scroller = element.querySelector(".chat__scroller");
    this.status = element.querySelector(".chat__status");
    this.notice = element.querySelector(".chat__notice");
    this.onlineList = element.querySelector(".chat__online-list");
    this.typingLine = element.querySelector(".chat__typing");
    this.errorLine = element.querySelector(".chat__error");
    this.composer = element.querySelector(".chat__composer");
    this.older = element.querySelector(".chat__older");
    this.seen = new Map();
    this.pending = new Map();
    this.pendingMentions = new Map();
    this.typists = new Map();
    this.lastComplete = 0;
    this.oldest = null;
    this.hasOlder = true;
    this.attempt = 0;
    this.wasConnected = false;
    this.lastTypingSent = 0;
    this.readSent = 0;
    for (const item of this.history.querySelectorAll(".chat-message")) {
      this.adopt(item);
    }
    this.advance();
    this.bind();
    this.connect();
  }

  bind() {
    if (this.composer) {
      const field = this.composer.querySelector("textarea");
      // Registered first: while its list is open, its keys (Enter too) are its own.
      this.mentions = new Mentions(field, this.element.dataset.mentionable);
      this.composer.addEventListener("submit", (event) => {
        event.preventDefault();
        this.post(field.value, this.mentions.take(field.value));
        field.value = "";
        field.focus();
      });
      field.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey) {
          event.preventDefault();
          this.composer.requestSubmit();
        }
      });
      field.addEventListener("input", () => this.typing());
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.textContent = text("textOlder");
    button.addEventListener("click", () => this.loadOlder());
    this.older.append(button);
    this.scroller.addEventListener("scroll", () => {
      if (this.scroller.scrollTop < 40) this.loadOlder();
    });
    window.addEventListener("offline", () => this.socket?.close());
    window.addEventListener("online", () => this.reconnectNow());
    document.addEventListener("visibilitychange", () => this.markRead());
    this.scrollToEnd();
  }

  // --- connection ---

  connect() {
    clearTimeout(this.retryTimer);
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    this.setState("connecting", text("textConnecting"));
    const socket = new WebSocket(`${scheme}//${location.host}${this.element.dataset.socket}`);
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.setState("online", this.wasConnected ? text("textResumed") : text("textOnline"));
      socket.send(JSON.stringify({ type: "resume", after: this.lastComplete }));
      for (const [clientId, body] of this.pending) {
        const mentions = this.pendingMentions.get(clientId);
        socket.send(JSON.stringify({ type: "message", body, client_id: clientId, mentions }));
      }
      this.wasConnected = true;
    });
    socket.addEventListener("message", (event) => this.receive(JSON.parse(event.data)));
    socket.addEventListener("close", (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (FATAL_CODES.has(event.code)) {
        this.setState("closed", text("textClosed"));
        if (this.composer) this.composer.hidden = true;
        return;
      }
      const step = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
      const delay = Math.round(step * (1 + JITTER * Math.random()));
      this.attempt += 1;
      this.postPendingOverHttp();
      this.setState("offline", text("textOffline", { seconds: Math.ceil(delay / 1000) }));
      this.retryTimer = setTimeout(() => this.connect(), navigator.onLine ? delay : 60000);
    });
  }

  reconnectNow() {
    if (!this.socket) this.connect();
  }

  send(frame) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  setState(state, message) {
    this.status.dataset.state = state;
    this.status.textContent = message;
    this.element.dataset.state = state;
  }

  // --- frames from the server ---

  receive(frame) {
    switch (frame.type) {
      case "message":
        this.show(frame);
        break;
      case "edited":
        this.edited(frame);
        break;
      case "deleted":
        this.removed(frame.id);
        break;
      case "typing":
        this.someoneTypes(frame);
        break;
      case "resumed":
        // A resume answers one page (at most 500 messages); the next one follows on request.
        if (frame.has_more) this.send({ type: "resume", after: frame.through });
        break;
      case "presence":
        // Only a socket that got this far counts as back: one the server accepts and then
        // closes (4503 while its Redis is down) keeps backing off.
        this.attempt = 0;
        this.onlineList.textContent = frame.online.map((person) => person.name).join(", ");
        break;
      case "mention":
        this.notice.textContent = text("textMention", {
          author: frame.author,
          channel: frame.channel_name,
        });
        break;
      case "invitation":
        this.notice.textContent = text("textInvitation", {
          author: frame.by_name,
          channel: frame.channel_name,
        });
        break;
      case "error":
        if (this.errorLine) this.errorLine.textContent = frame.detail;
        break;
      default:
        break;
    }
  }

  show(frame) {
    if (frame.client_id && this.pending.delete(frame.client_id)) {
      this.pendingMentions.delete(frame.client_id);
      const selector = `[data-client-id="${CSS.escape(frame.client_id)}"]`;
      this.history.querySelector(selector)?.remove();
    }
    const existing = this.seen.get(frame.id);
    const item = this.render(frame);
    const atEnd = this.nearEnd();
    if (existing) {
      existing.replaceWith(item);
    } else {
      this.insert(item, frame.id);
    }
    this.seen.set(frame.id, item);
    this.advance();
    if (!existing && atEnd) this.scrollToEnd();
    if (!existing && frame.author !== this.me && frame.mentions?.includes(this.me)) {
      this.notice.textContent = text("textMentionHere", { author: frame.author_name });
    }
    this.markRead();
  }

  insert(item, id) {
    for (const other of this.history.children) {
      if (Number(other.dataset.id) > id) {
        other.before(item);
        return;
      }
    }
    const firstPending = this.history.querySelector("[data-client-id]");
    if (firstPending) firstPending.before(item);
    else this.history.append(item);
  }

  adopt(item) {
    const id = Number(item.dataset.id);
    this.seen.set(id, item);
    if (!item.classList.contains("chat-message--removed")) this.addActions(item);
  }

  // Everything up to lastComplete has been seen; a hole means a message still on its way, and
  // if it does not come by itself the room asks for it again.
  advance() {
    const ids = [...this.seen.keys()];
    if (!ids.length) return;
    this.oldest = Math.min(...ids);
    if (this.lastComplete < this.oldest - 1) this.lastComplete = this.oldest - 1;
    while (this.seen.has(this.lastComplete + 1)) this.lastComplete += 1;
    clearTimeout(this.holeTimer);
    if (Math.max(...ids) > this.lastComplete) {
      const after = this.lastComplete;
      this.holeTimer = setTimeout(() => this.send({ type: "resume", after }), 1500);
    }
  }

  render(frame) {
    const item = document.createElement("li");
    item.className = "chat-message";
    item.id = `m-${frame.id}`;
    item.dataset.id = frame.id;
    item.dataset.author = frame.author || "";
    const meta = document.createElement("p");
    meta.className = "chat-message__meta";
    const author = document.createElement("strong");
    author.className = "chat-message__author";
    author.textContent = frame.author_name || frame.author || "";
    const time = document.createElement("time");
    time.dateTime = frame.sent_at;
    time.textContent = new Date(frame.sent_at).toLocaleString([], {
      day: "2-digit",
      month: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    meta.append(author, " ", time);
    if (frame.edited_at && !frame.removed) {
      const edited = document.createElement("span");
      edited.className = "chat-message__edited";
      edited.textContent = ` (${text("textEdited")})`;
      meta.append(edited);
    }
    item.append(meta);
    if (frame.removed) {
      item.classList.add("chat-message--removed");
      const body = document.createElement("p");
      body.className = "chat-message__body chat-message__body--removed";
      body.textContent = text("textRemoved");
      item.append(body);
    } else {
      const body = document.createElement("div");
      body.className = "chat-message__body";
      body.innerHTML = frame.body_html; // sanitised on the server; never frame.body
      item.append(body);
      this.addActions(item);
    }
    if (frame.mentions?.includes(this.me)) item.classList.add("chat-message--mentions-me");
    return item;
  }

  addActions(item) {
    const own = item.dataset.author === this.me;
    if (!own && !this.mayModerate) return;
    const actions = document.createElement("p");
    actions.className = "chat-message__actions";
    const id = Number(item.dataset.id);
    if (own) {
      actions.append(this.actionButton(text("textEdit"), () => this.startEdit(item, id)));
    }
    const label = own ? text("textDelete") : text("textRemove");
    actions.append(
      this.actionButton(label, () => {
        if (window.confirm(text("textConfirmDelete"))) this.send({ type: "delete", id });
      }),
    );
    item.append(actions);
  }

  actionButton(label, onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.textContent = label;
    button.addEventListener("click", onClick);
    return button;
  }

  startEdit(item, id) {
    if (item.querySelector(".chat-message__editor")) return;
    const body = item.querySelector(".chat-message__body");
    const form = document.createElement("form");
    form.className = "chat-message__editor";
    const field = document.createElement("textarea");
    field.maxLength = Number(this.element.dataset.maxLength);
    field.value = body.textContent;
    field.setAttribute("aria-label", text("textEdit"));
    const save = document.createElement("button");
    save.type = "submit";
    save.className = "button";
    save.textContent = text("textSave");
    const cancel = this.actionButton(text("textCancel"), () => form.remove());
    form.append(field, save, cancel);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (this.send({ type: "edit", id, body: field.value })) form.remove();
    });
    body.after(form);
    field.focus();
  }

  edited(frame) {
    const item = this.seen.get(frame.id);
    if (!item) return;
    const body = item.querySelector(".chat-message__body");
    body.innerHTML = frame.body_html; // sanitised on the server; never frame.body
    if (!item.querySelector(".chat-message__edited")) {
      const edited = document.createElement("span");
      edited.className = "chat-message__edited";
      edited.textContent = ` (${text("textEdited")})`;
      item.querySelector(".chat-message__meta").append(edited);
    }
  }

  removed(id) {
    const item = this.seen.get(id);
    if (!item) return;
    item.classList.add("chat-message--removed");
    item.querySelector(".chat-message__edited")?.remove();
    item.querySelector(".chat-message__actions")?.remove();
    item.querySelector(".chat-message__editor")?.remove();
    const body = item.querySelector(".chat-message__body");
    const replacement = document.createElement("p");
    replacement.className = "chat-message__body chat-message__body--removed";
    replacement.textContent = text("textRemoved");
    body.replaceWith(replacement);
  }

  someoneTypes(frame) {
    if (frame.author === this.me) return;
    clearTimeout(this.typists.get(frame.author)?.timer);
    const timer = setTimeout(() => {
      this.typists.delete(frame.author);
      this.showTypists();
    }, TYPING_SHOWN_MS);
    this.typists.set(frame.author, { name: frame.author_name, timer });
    this.showTypists();
  }

  showTypists() {
    const names = [...this.typists.values()].map((typist) => typist.name).join(", ");
    this.typingLine.textContent = names ? text("textTyping", { name: names }) : "";
  }

  // --- what the member does ---

  post(body, mentions = []) {
    if (!body.trim()) return;
    this.errorLine.textContent = "";
    const clientId = newClientId();
    this.pending.set(clientId, body);
    this.pendingMentions.set(clientId, mentions);
    const placeholder = document.createElement("li");
    placeholder.className = "chat-message chat-message--pending";
    placeholder.dataset.clientId = clientId;
    const meta = document.createElement("p");
    meta.className = "chat-message__meta";
    meta.textContent = text("textPending");
    const content = document.createElement("p");
    content.className = "chat-message__body";
    content.textContent = body;
    placeholder.append(meta, content);
    this.history.append(placeholder);
    this.scrollToEnd();
    if (!this.send({ type: "message", body, client_id: clientId, mentions })) {
      this.postPendingOverHttp();
    }
  }

  // While the socket is down (the server's Redis may be, while its database is not), messages
  // go through the HTTP API, which saves them just the same; client_id keeps a message that
  // also goes out again over the socket after reconnecting from being stored twice.
  async postPendingOverHttp() {
    const token = document.querySelector("input[name=csrfmiddlewaretoken]")?.value;
    if (!token || this.posting) return;
    this.posting = true;
    try {
      for (const [clientId, body] of [...this.pending]) {
        if (this.socket?.readyState === WebSocket.OPEN) return;
        const response = await fetch(this.element.dataset.history, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRFToken": token },
          body: JSON.stringify({
            body,
            client_id: clientId,
            mentions: this.pendingMentions.get(clientId) ?? [],
          }),
        });
        const answer = await response.json().catch(() => ({}));
        if (response.ok) {
          this.show(answer);
        } else if (response.status < 500 && response.status !== 429) {
          this.pending.delete(clientId);
          this.history.querySelector(`[data-client-id="${CSS.escape(clientId)}"]`)?.remove();
          if (this.errorLine && typeof answer.detail === "string") {
            this.errorLine.textContent = answer.detail;
          }
        } else {
          return; // kept pending: resent over the socket once it is back
        }
      }
    } catch {
      // Offline: the messages stay pending and go out when the socket is back.
    } finally {
      this.posting = false;
    }
  }

  typing() {
    const now = Date.now();
    if (now - this.lastTypingSent < TYPING_EVERY_MS) return;
    if (this.send({ type: "typing" })) this.lastTypingSent = now;
  }

  // Once things are quiet for a moment, not for each of the 50 messages of a (re)connect.
  markRead() {
    clearTimeout(this.readTimer);
    this.readTimer = setTimeout(() => {
      if (document.visibilityState !== "visible" || this.lastComplete <= this.readSent) return;
      if (this.send({ type: "read", id: this.lastComplete })) this.readSent = this.lastComplete;
    }, READ_AFTER_MS);
  }

  async loadOlder() {
    if (this.loading || !this.hasOlder || this.oldest === null || this.oldest <= 1) {
      if (this.oldest !== null && this.oldest <= 1) this.reachedStart();
      return;
    }
    this.loading = true;
    try {
      const url = `${this.element.dataset.history}?before=${this.oldest}`;
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) return;
      const page = await response.json();
      const before = this.scroller.scrollHeight;
      for (const frame of page.results) {
        if (this.seen.has(frame.id)) continue;
        const item = this.render(frame);
        this.insert(item, frame.id);
        this.seen.set(frame.id, item);
      }
      this.advance();
      this.scroller.scrollTop += this.scroller.scrollHeight - before;
      if (!page.has_more) this.reachedStart();
    } finally {
      this.loading = false;
    }
  }

  reachedStart() {
    this.hasOlder = false;
    this.older.textContent = text("textStart");
  }

  nearEnd() {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    return scrollHeight - scrollTop - clientHeight < 80;
  }

  scrollToEnd() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }
}

if (room) {
  window.chatRoom = new Room(room);
}
