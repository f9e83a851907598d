// The description editor: TipTap over the plain textarea the server renders, so that the form
// works without JavaScript (blank lines become paragraphs there). The textarea stays the field
// that is sent; the editor writes its HTML into it on every change, and the server sanitises it
// with the same allow-list as always (portal/html.py). Built by `npm run build:editor`.
import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

const BUTTONS = [
  { name: "bold", label: "labelBold", key: "B", run: (chain) => chain.toggleBold() },
  { name: "italic", label: "labelItalic", key: "I", run: (chain) => chain.toggleItalic() },
  { name: "bulletList", label: "labelBullets", key: "•", run: (chain) => chain.toggleBulletList() },
  { name: "orderedList", label: "labelNumbers", key: "1.", run: (chain) => chain.toggleOrderedList() },
  { name: "link", label: "labelLink", key: "Link", run: null },
];

const LOOKS_LIKE_HTML = /<\s*\/?\s*[a-zA-Z][^>]*>/;

function escapeText(text) {
  const div = document.createElement("div");
  div.textContent = text;
  return div.innerHTML;
}

// Plain text as the server reads it: blank lines end a paragraph, single breaks stay breaks.
function asHtml(value) {
  if (!value.trim() || LOOKS_LIKE_HTML.test(value)) return value;
  return value
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeText(paragraph.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function toolbarKeys(toolbar) {
  // One tab stop for the toolbar; the arrows, Home and End move between its buttons.
  const buttons = () => Array.from(toolbar.querySelectorAll("button"));
  toolbar.addEventListener("keydown", (event) => {
    const all = buttons();
    const index = all.indexOf(document.activeElement);
    if (index < 0) return;
    const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = all[(moves[event.key] + all.length) % all.length];
    all.forEach((button) => button.setAttribute("tabindex", button === next ? "0" : "-1"));
    next.focus();
  });
}

function enhance(textarea) {
  const labels = textarea.dataset;
  const wrapper = document.createElement("div");
  wrapper.className = "rich-text";
  const toolbar = document.createElement("div");
  toolbar.className = "rich-text__toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", labels.labelToolbar);
  toolbar.setAttribute("aria-controls", `${textarea.id}-editor`);
  const surface = document.createElement("div");
  surface.className = "rich-text__surface";
  wrapper.append(toolbar, surface);
  textarea.after(wrapper);
  textarea.hidden = true;

  const editor = new Editor({
    element: surface,
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: false,
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, protocols: ["mailto", "tel"] },
      }),
    ],
    content: asHtml(textarea.value),
    editorProps: {
      attributes: {
        id: `${textarea.id}-editor`,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": textarea.labels[0] ? textarea.labels[0].id || setId(textarea.labels[0]) : "",
        class: "rich-text__editor",
      },
    },
    onUpdate: ({ editor: current }) => {
      textarea.value = current.isEmpty ? "" : current.getHTML();
    },
  });

  // The label still names the textarea; a click on it now leads into the editor.
  Array.from(textarea.labels).forEach((label) =>
    label.addEventListener("click", (event) => {
      event.preventDefault();
      editor.commands.focus();
    }),
  );

  const pressed = [];
  BUTTONS.forEach((spec, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `rich-text__button rich-text__button--${spec.name}`;
    // The name holds what the button shows where that is a word or a number ("1."), so that
    // people who say or see it find the button by it (WCAG 2.5.3, label in name).
    const shown = /[\p{L}\p{N}]/u.test(spec.key) && spec.key.length > 1;
    const name = shown && !labels[spec.label].includes(spec.key) ? `${labels[spec.label]} ${spec.key}` : labels[spec.label];
    button.setAttribute("aria-label", name);
    button.title = labels[spec.label];
    button.setAttribute("aria-pressed", "false");
    button.setAttribute("tabindex", index === 0 ? "0" : "-1");
    button.textContent = spec.key;
    // A pointer press leaves the focus (and the selection) in the text, so typing right after
    // a click goes on in the text instead of reaching the button until the editor refocuses.
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => {
      if (spec.run) {
        spec.run(editor.chain().focus()).run();
        return;
      }
      const current = editor.getAttributes("link").href || "";
      const href = window.prompt(labels.labelLinkPrompt, current || "https://");
      if (href === null) return;
      const chain = editor.chain().focus().extendMarkRange("link");
      (href.trim() && href.trim() !== "https://" ? chain.setLink({ href: href.trim() }) : chain.unsetLink()).run();
    });
    toolbar.append(button);
    pressed.push([spec.name, button]);
  });
  const refresh = () => {
    pressed.forEach(([name, button]) => button.setAttribute("aria-pressed", String(editor.isActive(name))));
  };
  editor.on("selectionUpdate", refresh);
  editor.on("transaction", refresh);
  toolbarKeys(toolbar);
}

function setId(label) {
  label.id = `${label.htmlFor}-label`;
  return label.id;
}

document.querySelectorAll("textarea[data-rich-text]").forEach(enhance);
