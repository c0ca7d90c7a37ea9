// 政策问答 chat page. Vanilla JS, no build step: the server's CSP allows only
// same-origin scripts and styles, so every node is built with the DOM API
// (never innerHTML: answers are corpus text and must not be parsed as markup).
"use strict";

const HISTORY_LIMIT = 10; // the API accepts at most 10 earlier turns
const HISTORY_TURN_CHARS = 4000; // and at most 4000 characters per turn
const HOTLINE_K = 20;
const HOTLINE_FILTERED_K = 50; // filters are applied in the page, so fetch more
const MODE_KEY = "policy-qa-mode";

const ROLE_LABEL = { lead: "牵头", responsible: "责任", participating: "参与", issuer: "发文" };
const ROLE_TITLE = { lead: "牵头单位", responsible: "责任单位", participating: "参与单位", issuer: "发文机关" };
// When one name has several roles, the strongest one colours it.
const ROLE_RANK = { lead: 0, responsible: 1, participating: 2, issuer: 3 };
const MODE_LABEL = { hybrid: "混合检索（关键词＋语义）", lexical: "关键词检索" };

const MESSAGES = window.POLICY_QA_MESSAGES;
const ERROR_TEXT = MESSAGES.errors;
const MAX_QUESTION_CHARS = 500; // the API's limit (src/http/schemas.ts)
const CONVERSATION_KEY = "policy-qa-conversation";
const SAVED_TURNS = 10;
const SHOWN_QUOTES = 2;

const state = {
  mode: "chat",
  /** @type {{role: "user" | "assistant", content: string}[]} */
  history: [],
  turns: 0,
  searches: 0,
  busy: false,
  /** @type {Map<string, Promise<any>>} */
  documentCache: new Map(),
  statusTimer: 0,
  /** @type {Map<string, any>} document summaries by id, for the citation cards */
  documents: new Map(),
  /** @type {{question: string, response: any}[]} what localStorage keeps */
  saved: [],
  /** @type {Set<string> | null} */
  unitNames: null,
  unitSample: "",
};

/** @type {Record<string, any>} */
const els = {};

document.addEventListener("DOMContentLoaded", init);

function init() {
  for (const id of [
    "ask-form", "question", "ask-button", "conversation", "hotline", "welcome", "examples", "status",
    "new-chat", "filter-doc", "filter-unit", "filters-clear", "filters-active", "mode-hint",
    "mode-chat", "mode-hotline", "retrieval-mode", "announcer", "about-mode", "about-index", "unit-names",
    "unit-hint", "question-counter",
  ]) {
    els[id] = document.getElementById(id);
  }
  els["ask-form"].addEventListener("submit", onSubmit);
  els.examples.addEventListener("click", onExampleClick);
  els["new-chat"].addEventListener("click", resetConversation);
  els["mode-chat"].addEventListener("change", () => setMode("chat"));
  els["mode-hotline"].addEventListener("change", () => setMode("hotline"));
  els["filter-doc"].addEventListener("change", updateFilterSummary);
  els["filter-unit"].addEventListener("input", () => { updateFilterSummary(); checkUnitFilter(); });
  els.question.addEventListener("input", updateCounter);
  els["filters-clear"].addEventListener("click", clearFilters);
  document.addEventListener("keydown", onGlobalKey);

  setMode(initialMode());
  loadHealth();
  loadDocuments();
  loadUnits();
  restoreConversation();
}

// ---------------------------------------------------------------- API access

class ApiFailure extends Error {
  /** @param {string} code @param {string} message @param {number} status @param {number | null} retryAfter */
  constructor(code, message, status, retryAfter) {
    super(message);
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** Fetches JSON; any non-2xx answer becomes an ApiFailure carrying the API's error code. */
async function api(path, body) {
  let response;
  try {
    response = await fetch(path, body === undefined
      ? { headers: { Accept: "application/json" } }
      : { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new ApiFailure("network", "fetch failed", 0, null);
  }
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    // a proxy error page is not JSON; fall through with the status alone
  }
  if (!response.ok) {
    const error = payload && payload.error ? payload.error : { code: response.status >= 500 ? "internal" : "invalid-request", message: `HTTP ${response.status}` };
    const retry = Number(response.headers.get("Retry-After"));
    throw new ApiFailure(error.code, error.message, response.status, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return payload;
}

/** A sentence a citizen can act on, chosen by the API's error code alone (never its English message). */
function describeError(error) {
  if (!(error instanceof ApiFailure)) return { text: ERROR_TEXT.internal };
  let text = ERROR_TEXT[error.code] || ERROR_TEXT.internal;
  if (error.code === "rate-limited" && error.retryAfter) text = text.replace("稍后", `${error.retryAfter} 秒后`);
  return { text };
}

// ---------------------------------------------------------------- start-up

/** Retrieval details are for those who care: the 关于 panel, not the citizen's footer. */
async function loadHealth() {
  try {
    const health = await api("/health");
    const dense = health.dense || { enabled: false };
    els["retrieval-mode"].textContent = `已收录 ${health.documents} 份文件`;
    els["about-mode"].textContent = dense.enabled
      ? `检索方式：关键词＋语义向量（${dense.model || ""}）`
      : "检索方式：仅关键词（未安装向量模型）";
    els["about-index"].textContent = `索引 ${health.indexBuildId} · ${health.chunks} 个段落`;
  } catch (error) {
    els["retrieval-mode"].textContent = describeError(error).text;
  }
}

/** Canonical unit names and aliases from GET /api/units, as suggestions for the unit filter. */
async function loadUnits() {
  try {
    const { units } = await api("/api/units/names");
    state.unitNames = new Set();
    const list = els["unit-names"];
    for (const unit of units) {
      for (const name of [unit.canonical, ...unit.aliases]) {
        if (state.unitNames.has(name)) continue;
        state.unitNames.add(name);
        list.append(h("option", { value: name }, name === unit.canonical ? "" : unit.canonical));
      }
    }
    state.unitSample = units[0] ? units[0].aliases[0] || units[0].canonical : "";
  } catch {
    // no suggestions; the server still checks the name
  }
}

/** A name the collection does not know gets a Chinese hint while typing, before anything is asked. */
function checkUnitFilter() {
  const value = els["filter-unit"].value.trim();
  const unknown = Boolean(value && state.unitNames && !state.unitNames.has(value));
  els["unit-hint"].textContent = unknown ? MESSAGES.unknownUnitHint(state.unitSample) : "";
  els["filter-unit"].setAttribute("aria-invalid", String(unknown));
}

async function loadDocuments() {
  try {
    const { documents } = await api("/api/documents");
    const select = els["filter-doc"];
    for (const doc of documents) {
      const label = doc.docNumber ? `${doc.docNumber}｜${doc.title}` : doc.title;
      state.documents.set(doc.id, doc);
      select.append(h("option", { value: doc.docNumber || doc.id, title: doc.title }, label));
    }
  } catch {
    // The filter stays at "全部文件"; asking still works.
  }
}

function initialMode() {
  if (location.hash === "#hotline") return "hotline";
  try {
    return localStorage.getItem(MODE_KEY) === "hotline" ? "hotline" : "chat";
  } catch {
    return "chat";
  }
}

// ---------------------------------------------------------------- modes and filters

/** @param {"chat" | "hotline"} mode */
function setMode(mode) {
  state.mode = mode;
  const hotline = mode === "hotline";
  document.body.classList.toggle("is-hotline", hotline);
  els["mode-chat"].checked = !hotline;
  els["mode-hotline"].checked = hotline;
  els.conversation.hidden = hotline;
  els.hotline.hidden = !hotline;
  els.welcome.hidden = hotline ? state.searches > 0 : state.turns > 0;
  els["new-chat"].hidden = hotline || state.turns === 0;
  els["ask-button"].textContent = hotline ? "检索" : "提问";
  els.question.placeholder = hotline ? "关键词、文号或单位，例如：链长制 市工信局" : "请输入问题，例如：残疾人补贴怎么领";
  document.getElementById("question-label").textContent = hotline ? "输入检索关键词" : "输入问题";
  els["mode-hint"].textContent = hotline
    ? "热线检索：按关键词列出相关原文段落，附文号、章节和责任单位，便于快速查找和朗读出处。"
    : "用日常说法提问，回答全部摘自政府文件原文，并注明出处和责任单位。";
  try {
    localStorage.setItem(MODE_KEY, mode);
  } catch {
    // private browsing: the mode simply is not remembered
  }
}

function currentFilters() {
  const docNumber = els["filter-doc"].value;
  const unit = els["filter-unit"].value.trim();
  const filters = {};
  if (docNumber) filters.docNumber = docNumber;
  if (unit) filters.unit = unit;
  return Object.keys(filters).length ? filters : null;
}

function updateFilterSummary() {
  const filters = currentFilters();
  const parts = [];
  if (filters && filters.docNumber) parts.push("文件");
  if (filters && filters.unit) parts.push("单位");
  els["filters-active"].textContent = parts.length ? `（已选：${parts.join("、")}）` : "";
}

function clearFilters() {
  els["filter-doc"].value = "";
  els["filter-unit"].value = "";
  updateFilterSummary();
  checkUnitFilter();
}

// ---------------------------------------------------------------- events

function onSubmit(event) {
  event.preventDefault();
  const text = els.question.value.trim();
  if (!text) {
    setStatus(state.mode === "hotline" ? "请输入检索关键词" : MESSAGES.empty);
    els.question.focus();
    return;
  }
  if (text.length > MAX_QUESTION_CHARS) {
    updateCounter();
    els.question.focus();
    return;
  }
  if (els["filter-unit"].getAttribute("aria-invalid") === "true") {
    document.getElementById("filters").open = true;
    setStatus(els["unit-hint"].textContent);
    els["filter-unit"].focus();
    return;
  }
  if (state.busy) return;
  if (state.mode === "hotline") runSearch(text);
  else ask(text);
}

function onExampleClick(event) {
  const chip = event.target.closest("button");
  if (!chip) return;
  els.question.value = chip.textContent;
  els["ask-form"].requestSubmit();
}

/**
 * Operators live on the keyboard: "/" jumps to the question box, j / k move between the
 * citation cards, c copies the latest answer as plain text for a ticket (答复口径).
 */
function onGlobalKey(event) {
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  const handler = KEYS[event.key];
  if (!handler) return;
  event.preventDefault();
  handler();
}

const KEYS = {
  "/": () => {
    els.question.focus();
    els.question.select();
  },
  j: () => moveCitation(1),
  k: () => moveCitation(-1),
  c: () => copyLatestAnswer(),
};

function moveCitation(step) {
  const cards = [...document.querySelectorAll(state.mode === "hotline" ? ".hit__card" : ".citation")].filter((c) => c.offsetParent);
  if (!cards.length) return;
  const at = cards.findIndex((c) => c.contains(document.activeElement));
  const next = cards[at < 0 ? (step > 0 ? 0 : cards.length - 1) : Math.min(cards.length - 1, Math.max(0, at + step))];
  if (!next.hasAttribute("tabindex")) next.setAttribute("tabindex", "-1");
  next.focus();
  next.scrollIntoView({ block: "nearest" });
}

function copyLatestAnswer() {
  const latest = state.saved.at(-1);
  if (!latest) return setStatus("还没有可复制的回答");
  const button = document.querySelector(".turn:last-child .copy-answer");
  copyWithFeedback(answerAsText(latest.question, latest.response), button);
}

/** The answer as a ticket note: the question, every line, then each citation in full. */
function answerAsText(question, response) {
  const lines = [`【答复口径】`, `问：${question}`, ...response.lines.map((l) => l.text)];
  if (response.citations.length) {
    lines.push("引用：");
    for (const c of response.citations) lines.push(`[${c.n}] ${formatCitation(c)}`);
  }
  return lines.join("\n");
}

function resetConversation() {
  state.history = [];
  state.turns = 0;
  state.saved = [];
  saveConversation();
  els.conversation.replaceChildren();
  document.title = PAGE_TITLE;
  setMode(state.mode);
  els.question.focus();
}

// ---------------------------------------------------------------- chat

const PAGE_TITLE = "朔州政策问答";

/** The tab says what the page is doing: asking, answered (with the question), refused, or failed. */
function setPageState(kind, question) {
  const titles = {
    idle: PAGE_TITLE,
    busy: `正在查找… - ${PAGE_TITLE}`,
    answered: `${question} - ${PAGE_TITLE}`,
    refused: `未找到答案：${question} - ${PAGE_TITLE}`,
    error: `出错了 - ${PAGE_TITLE}`,
  };
  document.title = titles[kind];
  const icon = document.querySelector('link[rel="icon"]');
  if (icon) icon.href = kind === "error" ? "/assets/icon-error.svg" : kind === "busy" ? "/assets/icon-busy.svg" : "/assets/icon.svg";
}

/** @param {string} question @param {{filters?: object}} [options] */
async function ask(question, options = {}) {
  const turn = ++state.turns;
  setBusy(true);
  setPageState("busy");
  const bubble = newTurn(turn, question);
  const pending = h("p", { class: "pending" }, "正在查找相关文件…");
  bubble.append(pending);
  bubble.scrollIntoView({ block: "start", behavior: "smooth" });
  els.question.value = "";
  updateCounter();

  const body = { question, history: state.history.slice(-HISTORY_LIMIT) };
  const filters = options.filters || currentFilters();
  if (filters) body.filters = filters;
  try {
    const response = await api("/api/ask", body);
    const element = renderAnswer(response, turn, question);
    pending.replaceWith(element);
    announce(`回答：${response.answer.replace(/\[(\d+)\]/g, "（引用$1）")}`);
    rememberTurn(question, response.answer);
    state.saved.push({ question, response });
    saveConversation();
    setPageState(response.answered ? "answered" : "refused", question);
    answerRendered(element, response, question);
  } catch (error) {
    setPageState("error");
    pending.replaceWith(renderError(error, () => {
      bubble.remove();
      els.question.value = question;
      els["ask-form"].requestSubmit();
    }));
  } finally {
    setBusy(false);
  }
}

/**
 * The hook for add-ons (assets/feedback.js adds 👍/👎 here): fired once per answer shown,
 * including answers restored from localStorage (detail.restored = true).
 */
function answerRendered(element, response, question, restored = false) {
  document.dispatchEvent(new CustomEvent("answer-rendered", { detail: { element, response, question, restored } }));
}

function newTurn(turn, question) {
  els.welcome.hidden = true;
  els["new-chat"].hidden = false;
  const bubble = h("div", { class: "turn", id: `turn-${turn}` },
    h("p", { class: "question" }, h("span", { class: "visually-hidden" }, "问："), question),
  );
  els.conversation.append(bubble);
  return bubble;
}

function rememberTurn(question, answer) {
  state.history.push({ role: "user", content: question.slice(0, HISTORY_TURN_CHARS) });
  state.history.push({ role: "assistant", content: answer.slice(0, HISTORY_TURN_CHARS) });
  state.history = state.history.slice(-HISTORY_LIMIT);
}

// ---------------------------------------------------------------- the conversation in localStorage

/** Only this browser keeps it; the server sees no more than the history each question already sends. */
function saveConversation() {
  state.saved = state.saved.slice(-SAVED_TURNS);
  try {
    if (state.saved.length) localStorage.setItem(CONVERSATION_KEY, JSON.stringify({ version: 1, turns: state.saved }));
    else localStorage.removeItem(CONVERSATION_KEY);
  } catch {
    // storage full or disabled: the conversation lives until the tab closes
  }
}

function restoreConversation() {
  let saved = null;
  try {
    saved = JSON.parse(localStorage.getItem(CONVERSATION_KEY) || "null");
  } catch {
    saved = null;
  }
  if (!saved || saved.version !== 1 || !Array.isArray(saved.turns)) return;
  for (const { question, response } of saved.turns) {
    if (typeof question !== "string" || !response || !Array.isArray(response.lines)) continue;
    const turn = ++state.turns;
    const element = renderAnswer(response, turn, question);
    newTurn(turn, question).append(element);
    rememberTurn(question, response.answer);
    state.saved.push({ question, response });
    answerRendered(element, response, question, true);
  }
  setMode(state.mode);
}

function updateCounter() {
  const length = els.question.value.trim().length;
  const over = length > MAX_QUESTION_CHARS;
  const near = length >= MAX_QUESTION_CHARS * 0.8;
  els["question-counter"].hidden = !near;
  els["question-counter"].textContent = over ? `${length}/${MAX_QUESTION_CHARS} · ${MESSAGES.tooLong(MAX_QUESTION_CHARS)}` : `${length}/${MAX_QUESTION_CHARS}`;
  els["question-counter"].classList.toggle("is-over", over);
  els.question.setAttribute("aria-invalid", String(over));
}

// ---------------------------------------------------------------- one answer, from its lines

/**
 * Renders AskResponse.lines by kind, never by reading the answer string: the fact first and
 * large, at most SHOWN_QUOTES quotes (the rest folded), one line of units, the next step.
 */
function renderAnswer(response, turn, question) {
  const roles = unitRoleMap(response.units, response.citations);
  const byN = new Map(response.citations.map((c) => [c.n, c]));
  const answer = h("div", { class: response.answered ? "answer" : `answer answer--refused answer--${response.reason || "refused"}` });
  if (response.askId) answer.dataset.askId = response.askId; // feedback.js adds 👍 / 👎 to answers carrying it
  // The page's own heading and tips per reason stand in only for what the lines do not say.
  const reason = !response.answered && MESSAGES.reasons[response.reason];
  const has = (kind) => response.lines.some((l) => l.kind === kind);
  if (reason && !has("refusal") && !has("clarify")) answer.append(h("p", { class: "answer__reason" }, reason.title));

  const folded = [];
  let quotes = 0;
  for (const line of response.lines) {
    // With candidates the field lines list the same documents; the buttons replace them.
    if (line.kind === "field" && response.reason === "ambiguous" && response.candidates) continue;
    const node = LINE_RENDERERS[line.kind] ? LINE_RENDERERS[line.kind](line, roles, byN, turn) : plainLine(line, roles, byN, turn);
    if (line.kind === "quote" && ++quotes > SHOWN_QUOTES) folded.push(node);
    else answer.append(node);
  }
  if (folded.length) {
    answer.append(h("details", { class: "answer__more" }, h("summary", {}, `另有 ${folded.length} 句相关原文`), ...folded));
  }
  if (response.candidates && response.candidates.length) answer.append(candidateButtons(response.candidates));
  if (reason && !has("next-step")) answer.append(h("ul", { class: "answer__next" }, ...reason.next.map((t) => h("li", {}, ...telLinks(t)))));
  else if (response.answered && !has("next-step") && !response.units.some((u) => u.role !== "issuer")) {
    answer.append(h("p", { class: "answer__line answer__line--next-step" }, ...telLinks("办理或咨询可拨打 12345 政务服务便民热线。")));
  }

  const copy = h("button", { type: "button", class: "button button--small button--quiet copy-answer", title: "快捷键 c" }, "复制答复口径");
  copy.addEventListener("click", () => copyWithFeedback(answerAsText(question, response), copy));
  answer.append(h("div", { class: "actions answer__actions" }, copy));

  if (response.citations.length) {
    const heading = response.answered ? "引用原文" : "相关度最高的文件（未能直接回答，仅供参考）";
    answer.append(
      h("h3", { class: "citations__title" }, heading),
      h("ol", { class: "citations" }, ...response.citations.map((c) => h("li", {}, renderCitation(c, turn, quotedSentence(response, c.n))))),
    );
  }
  answer.append(followUps(response));
  return answer;
}

/** One renderer per line kind; kinds without one are plain text lines. */
const LINE_RENDERERS = {
  fact: (line, roles, byN, turn) => h("p", { class: "answer__line answer__line--fact" }, ...highlighted(line, roles, byN, turn)),
  units: (line) => h("p", { class: "answer__line answer__line--units" }, line.text),
  "next-step": (line) => h("p", { class: "answer__line answer__line--next-step" }, ...telLinks(line.text)),
  refusal: (line, roles, byN, turn) => h("p", { class: "answer__line answer__line--refusal" }, ...richText(line.text, roles, byN, turn)),
};

function plainLine(line, roles, byN, turn) {
  return h("p", { class: `answer__line answer__line--${line.kind}` }, ...richText(line.text, roles, byN, turn));
}

/** The fact line with its asked value in a <mark>; the offsets are UTF-16, as JS strings are. */
function highlighted(line, roles, byN, turn) {
  const [start, end] = line.highlight || [0, 0];
  if (!(end > start && end <= line.text.length)) return richText(line.text, roles, byN, turn);
  return [
    ...richText(line.text.slice(0, start), roles, byN, turn),
    h("mark", { class: "fact-value" }, line.text.slice(start, end)),
    ...richText(line.text.slice(end), roles, byN, turn),
  ];
}

/** "12345" becomes a tel: link a phone can tap. */
function telLinks(text) {
  const parts = text.split(/(12345)/);
  return parts.filter(Boolean).map((part) => (part === "12345" ? h("a", { href: "tel:12345", class: "tel-link" }, "12345") : part));
}

function candidateButtons(candidates) {
  const list = h("ul", { class: "candidates" });
  for (const c of candidates) {
    const button = h("button", { type: "button", class: "candidate" },
      h("span", { class: "candidate__number" }, c.docNumber),
      h("span", { class: "candidate__title" }, `《${c.title}》 ${chineseDate(c.date)}`),
    );
    button.addEventListener("click", () => {
      if (!state.busy) ask(c.docNumber);
    });
    list.append(h("li", {}, button));
  }
  return list;
}

/** The sentence a line quotes from citation n (without its [n]), to highlight inside the passage. */
function quotedSentence(response, n) {
  const line = response.lines.find((l) => l.cite === n && (l.kind === "quote" || l.kind === "fact"));
  return line ? line.text.replace(/\[\d+\]\s*$/, "") : "";
}

/**
 * Follow-up chips, made only of what the answer already holds: topic-less follow-ups the API
 * resolves with history, and the cited document's other top-level sections (its outline).
 */
function followUps(response) {
  const box = h("div", { class: "followups", hidden: "" });
  if (!response.answered) return box;
  const chips = [];
  const intent = response.analysis && response.analysis.intent;
  if (intent !== "responsibility") chips.push("谁负责？");
  if (intent !== "entitlement") chips.push("有什么补贴？");
  const first = response.citations[0];
  const fill = (sections) => {
    box.replaceChildren(h("p", { class: "followups__title" }, "接着问"),
      h("ul", { class: "followups__list" }, ...[...chips.map((question) => ({ question })), ...sections].map((f) => h("li", {}, followUpChip(f)))));
    box.hidden = false;
  };
  fill([]);
  if (first && first.docNumber) {
    fetchDocument(first.docId).then((doc) => {
      const cited = new Set(response.citations.filter((c) => c.docId === doc.id).map((c) => c.sectionPath[0]));
      // Asked within that document (a docNumber filter), by the section's title without its numbering.
      const sections = doc.outline.filter((o) => o.level === 1 && !cited.has(o.title)).slice(0, 3)
        .map((o) => ({ question: `${o.title.replace(/^[一二三四五六七八九十]+、/, "")}讲了什么`, filters: { docNumber: doc.docNumber } }));
      if (sections.length) fill(sections);
    }).catch(() => {});
  }
  return box;
}

/** @param {{question: string, filters?: object}} followUp */
function followUpChip({ question, filters }) {
  const label = filters ? `同一文件：${question}` : question;
  const chip = h("button", { type: "button", class: "chip chip--followup" }, label);
  chip.addEventListener("click", () => {
    if (!state.busy) ask(question, filters ? { filters } : {});
  });
  return chip;
}

function retrievalLabel(retrieval) {
  if (!retrieval) return "";
  const mode = MODE_LABEL[retrieval.mode] || retrieval.mode;
  const ms = retrieval.tookMs < 10 ? retrieval.tookMs.toFixed(1) : Math.round(retrieval.tookMs);
  return `${mode} · ${ms} 毫秒`;
}

/** name → strongest role, from the answer's units and every cited passage's units. */
function unitRoleMap(units, citations) {
  const roles = new Map();
  const add = (name, role) => {
    if (!name) return;
    const known = roles.get(name);
    if (known === undefined || ROLE_RANK[role] < ROLE_RANK[known]) roles.set(name, role);
  };
  for (const u of units || []) add(u.name, u.role);
  for (const c of citations || []) for (const u of c.units) add(u.name, u.role);
  return roles;
}

// Role labels inside the text ("牵头单位：", "参与：") set the role of the names that follow,
// until the annotation closes; elsewhere a name takes its strongest role.
const ROLE_CUE = { 牵头单位: "lead", 牵头: "lead", 参与单位: "participating", 参与: "participating", 责任单位: "responsible", 责任: "responsible" };
const CUE_PATTERN = "(牵头单位|参与单位|责任单位|牵头|参与|责任)(?=：)";
const CUE_END = "(——|）|。|\\n)";

/**
 * Text with [n] markers turned into citation chips and unit names marked by role.
 * @param {string} text @param {Map<string, string>} roles @param {Map<number, any> | null} citations
 */
function richText(text, roles, citations, turn) {
  const names = [...roles.keys()].filter((n) => n.length >= 2 && roles.get(n) !== "issuer").sort((a, b) => b.length - a.length);
  const alternatives = [`\\[(\\d+)\\]`, CUE_PATTERN, CUE_END];
  if (names.length) alternatives.push(`(${names.map(escapeRegExp).join("|")})`);
  const pattern = new RegExp(alternatives.join("|"), "g");
  const nodes = [];
  let last = 0;
  let cue = null;
  for (const match of text.matchAll(pattern)) {
    const [whole, marker, label, end, name] = match;
    if (label) cue = ROLE_CUE[label];
    if (end) cue = null;
    if (marker === undefined && name === undefined) continue; // labels and ends stay plain text
    if (match.index > last) nodes.push(text.slice(last, match.index));
    if (marker !== undefined) {
      const citation = citations && citations.get(Number(marker));
      nodes.push(citation ? citationChip(citation, turn) : whole);
    } else {
      nodes.push(unitMark(name, cue || roles.get(name)));
    }
    last = match.index + whole.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

function citationChip(citation, turn) {
  const chip = h("button", {
    type: "button",
    class: "cite-chip",
    "aria-label": `查看引用${citation.n}：${citation.docNumber || citation.docTitle}`,
    "aria-controls": citationId(turn, citation.n),
  }, String(citation.n));
  chip.addEventListener("click", () => openCitation(turn, citation.n));
  return chip;
}

function unitMark(name, role) {
  return h("mark", { class: `unit-mark unit-mark--${role}`, title: ROLE_TITLE[role] }, name);
}

function unitBadges(units) {
  const sorted = [...units].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role]);
  const seen = new Set();
  const badges = [];
  for (const u of sorted) {
    const key = `${u.role}|${u.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const title = u.canonical && u.canonical !== u.name ? `${ROLE_TITLE[u.role]}：${u.canonical}` : ROLE_TITLE[u.role];
    badges.push(h("span", { class: `unit unit--${u.role}`, title }, h("span", { class: "unit__role" }, ROLE_LABEL[u.role]), u.name));
  }
  return badges;
}

/** "牵头：A ｜ 参与：B、C" in one line: denser than badges, for the hotline list. */
function unitLine(units) {
  const parts = [];
  for (const role of ["lead", "responsible", "participating"]) {
    const names = [...new Set(units.filter((u) => u.role === role).map((u) => u.name))];
    if (!names.length) continue;
    if (parts.length) parts.push(" ｜ ");
    parts.push(h("span", { class: "unit-line__role" }, `${ROLE_LABEL[role]}：`));
    names.forEach((name, i) => parts.push(...(i ? ["、"] : []), unitMark(name, role)));
  }
  return h("p", { class: "unit-line" }, ...parts);
}

// ---------------------------------------------------------------- citations

function citationId(turn, n) {
  return `turn-${turn}-cite-${n}`;
}

function renderCitation(citation, turn, sentence) {
  const id = citationId(turn, citation.n);
  // Two cards from one document differ by their section, so the section leads, in full.
  const toggle = h("button", { type: "button", class: "citation__toggle", "aria-expanded": "false", "aria-controls": `${id}-body` },
    h("span", { class: "citation__n" }, `[${citation.n}]`),
    h("span", { class: "citation__heading" },
      h("span", { class: "citation__section" }, sectionText(citation.sectionPath) || "正文"),
      h("span", { class: "citation__where" }, [citation.docNumber, chineseDate(citation.date)].filter(Boolean).join(" · ")),
      h("span", { class: "citation__title" }, `《${citation.docTitle}》`),
    ),
  );
  const body = h("div", { class: "citation__body", id: `${id}-body`, hidden: "" },
    h("blockquote", { class: "passage" }, ...passageWithSentence(citation, sentence, turn)),
    citation.units.length ? h("div", { class: "citation__units" }, ...unitBadges(citation.units)) : "",
    documentDetails(citation),
    citationActions(citation),
  );
  const card = h("article", { class: "citation", id, tabindex: "-1" }, toggle, body);
  toggle.addEventListener("click", () => setCitationOpen(card, toggle.getAttribute("aria-expanded") !== "true"));
  return card;
}

/** The passage with the quoted sentence marked where it occurs verbatim. */
function passageWithSentence(citation, sentence, turn) {
  const roles = unitRoleMap([], [citation]);
  const at = sentence ? citation.text.indexOf(sentence) : -1;
  if (at < 0) return richText(citation.text, roles, null, turn);
  return [
    ...richText(citation.text.slice(0, at), roles, null, turn),
    h("mark", { class: "quoted" }, sentence),
    ...richText(citation.text.slice(at + sentence.length), roles, null, turn),
  ];
}

function documentDetails(citation) {
  const rows = [
    ["文件", `《${citation.docTitle}》`],
    ["文号", citation.docNumber],
    ["发文机关", citation.issuer],
    ["成文日期", chineseDate(citation.date)],
    ["章节", sectionText(citation.sectionPath)],
  ].filter(([, value]) => value);
  const gazette = h("dd", { class: "details__gazette" }, "…");
  const list = h("dl", { class: "details" }, ...rows.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]), h("dt", {}, "刊登"), gazette);
  if (citation.docId) {
    fetchDocument(citation.docId)
      .then((doc) => (gazette.textContent = gazetteText(doc.gazette)))
      .catch(() => (gazette.textContent = "—"));
  }
  return list;
}

/** "朔州市人民政府公报 2023年第3期 第12页" from the document's gazette issue id (e.g. 2023-03). */
function gazetteText(gazette) {
  if (!gazette) return "—";
  const m = /^(\d{4})-?0*(\d+)/.exec(gazette.issueId || "");
  const issue = m ? `${m[1]}年第${m[2]}期` : gazette.issueId;
  return ["政府公报", issue, gazette.page ? `第${gazette.page}页` : ""].filter(Boolean).join(" ");
}

function citationActions(citation) {
  const copyRef = h("button", { type: "button", class: "button button--small copy-ref" }, "复制出处");
  copyRef.addEventListener("click", () => copyWithFeedback(formatCitation(citation), copyRef));
  const copyAll = h("button", { type: "button", class: "button button--small button--quiet" }, "复制原文及出处");
  copyAll.addEventListener("click", () => copyWithFeedback(`${citation.text}\n——${formatCitation(citation)}`, copyAll));
  const context = h("button", { type: "button", class: "button button--small button--quiet", "aria-expanded": "false" }, "查看上下文");
  const contextBox = h("div", { class: "context", hidden: "" });
  context.addEventListener("click", () => toggleContext(citation, context, contextBox));
  return h("div", {}, h("div", { class: "actions" }, copyRef, copyAll, context), contextBox);
}

function setCitationOpen(card, open) {
  card.querySelector(".citation__toggle").setAttribute("aria-expanded", String(open));
  card.querySelector(".citation__body").hidden = !open;
  card.classList.toggle("is-open", open);
}

function openCitation(turn, n) {
  const card = document.getElementById(citationId(turn, n));
  if (!card) return;
  setCitationOpen(card, true);
  card.classList.add("is-flash");
  setTimeout(() => card.classList.remove("is-flash"), 1200);
  card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  card.focus({ preventScroll: true });
}

/** The passages just before and after the cited one, from /api/documents/:id (fetched once per document). */
async function toggleContext(citation, button, box) {
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  box.hidden = !open;
  if (!open || box.childElementCount) return;
  box.append(h("p", { class: "pending" }, "正在载入…"));
  try {
    const doc = await fetchDocument(citation.docId);
    const at = doc.chunks.findIndex((c) => c.chunkId === citation.chunkId);
    const parts = [];
    const info = [doc.type, doc.attachedTitle ? `印发《${doc.attachedTitle}》` : "", `共 ${doc.chunks.length} 段`].filter(Boolean).join(" · ");
    parts.push(h("p", { class: "context__info" }, info));
    const before = at > 0 ? doc.chunks[at - 1] : null;
    const after = at >= 0 && at + 1 < doc.chunks.length ? doc.chunks[at + 1] : null;
    if (before) parts.push(contextPassage("上一段", before));
    if (after) parts.push(contextPassage("下一段", after));
    if (!before && !after) parts.push(h("p", {}, "这一段前后没有其他段落。"));
    box.replaceChildren(...parts);
  } catch (error) {
    box.replaceChildren(h("p", { class: "error" }, describeError(error).text));
  }
}

function contextPassage(label, chunk) {
  return h("section", { class: "context__passage" },
    h("h4", {}, `${label}${chunk.sectionPath.length ? "：" + sectionText(chunk.sectionPath) : ""}`),
    h("p", {}, ...richText(chunk.text, unitRoleMap([], [chunk]), null, 0)),
  );
}

function fetchDocument(id) {
  if (!state.documentCache.has(id)) {
    const request = api(`/api/documents/${encodeURIComponent(id)}`);
    request.catch(() => state.documentCache.delete(id));
    state.documentCache.set(id, request);
  }
  return state.documentCache.get(id);
}

// ---------------------------------------------------------------- copying

/** 《title》（number）section > subsection — the form operators read aloud. */
function formatCitation(citation) {
  const number = citation.docNumber ? `（${citation.docNumber}）` : "";
  return `《${citation.docTitle}》${number}${sectionText(citation.sectionPath)}`;
}

async function copyWithFeedback(text, button) {
  const ok = await copyText(text);
  const original = button.dataset.label || button.textContent;
  button.dataset.label = original;
  button.textContent = ok ? "已复制" : "复制失败";
  button.classList.toggle("is-done", ok);
  setStatus(ok ? `已复制：${text.slice(0, 60)}${text.length > 60 ? "…" : ""}` : "复制失败，请长按文字手动复制");
  setTimeout(() => {
    button.textContent = original;
    button.classList.remove("is-done");
  }, 2000);
}

/** navigator.clipboard needs a secure context; plain-http intranet deployments fall back to execCommand. */
async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // permission denied: try the old way
    }
  }
  const area = h("textarea", { class: "offscreen", readonly: "", "aria-hidden": "true" });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

// ---------------------------------------------------------------- hotline search

async function runSearch(query) {
  setBusy(true);
  const filters = currentFilters();
  const k = filters ? HOTLINE_FILTERED_K : HOTLINE_K;
  els.hotline.replaceChildren(h("p", { class: "pending" }, "正在检索…"));
  state.searches++;
  els.welcome.hidden = true;
  try {
    const result = await api(`/api/search?q=${encodeURIComponent(query)}&k=${k}`);
    const hits = filters ? result.hits.filter((hit) => matchesFilters(hit, filters)) : result.hits;
    els.hotline.replaceChildren(renderHits(query, hits, result.retrieval, filters));
    hideNeedlessExpanders(els.hotline);
    announce(`找到 ${hits.length} 条相关段落`);
  } catch (error) {
    els.hotline.replaceChildren(renderError(error, () => runSearch(query)));
  } finally {
    setBusy(false);
  }
}

/** /api/search has no filter parameters, so the page filters the ranked list itself. */
function matchesFilters(hit, filters) {
  if (filters.docNumber && hit.docNumber !== filters.docNumber && hit.docId !== filters.docNumber) return false;
  if (filters.unit && !hit.units.some((u) => u.name.includes(filters.unit) || u.canonical.includes(filters.unit))) return false;
  return true;
}

function renderHits(query, hits, retrieval, filters) {
  const summary = `“${query}”：${hits.length} 条结果 · ${retrievalLabel(retrieval)}${filters ? `（已按筛选条件在前 ${HOTLINE_FILTERED_K} 条中过滤）` : ""}`;
  const list = h("ol", { class: "hits" }, ...hits.map((hit, i) => h("li", { class: "hit" }, renderHit(query, hit, i + 1))));
  return h("div", {},
    h("p", { class: "hits__summary" }, summary),
    hits.length ? list : h("p", { class: "empty" }, "没有找到相关段落。可以换个关键词，或去掉筛选条件。"),
  );
}

function renderHit(query, hit, rank) {
  const text = h("p", { class: "hit__text" }, ...highlightTerms(hit.text, query));
  const more = h("button", { type: "button", class: "button button--small button--quiet", "aria-expanded": "false" }, "展开全文");
  more.addEventListener("click", () => {
    const open = more.getAttribute("aria-expanded") !== "true";
    more.setAttribute("aria-expanded", String(open));
    more.textContent = open ? "收起" : "展开全文";
    text.classList.toggle("is-open", open);
  });
  const copy = h("button", { type: "button", class: "button button--small copy-ref" }, "复制出处");
  copy.addEventListener("click", () => copyWithFeedback(formatCitation(hit), copy));
  return h("article", { class: "hit__card" },
    h("div", { class: "hit__head" },
      h("span", { class: "hit__rank" }, String(rank)),
      h("span", { class: "hit__doc", title: hit.docTitle }, hit.docNumber || hit.docTitle),
      h("span", { class: "hit__section" }, sectionText(hit.sectionPath) || "（正文）"),
      h("span", { class: "actions hit__actions" }, copy, more),
    ),
    h("p", { class: "hit__title" }, `《${hit.docTitle}》`),
    text,
    hit.units.length ? unitLine(hit.units) : "",
  );
}

/** Short passages are not clamped, so "展开全文" would do nothing: drop it (needs layout, hence after insertion). */
function hideNeedlessExpanders(container) {
  for (const card of container.querySelectorAll(".hit__card")) {
    const text = card.querySelector(".hit__text");
    if (text.scrollHeight <= text.clientHeight + 1) card.querySelector("[aria-expanded]").hidden = true;
  }
}

/** Marks each whitespace-separated query term (and the whole query) where it occurs verbatim. */
function highlightTerms(text, query) {
  const terms = [...new Set([query, ...query.split(/[\s,，、;；]+/)])].filter((t) => t.length >= 1).sort((a, b) => b.length - a.length);
  if (!terms.length) return [text];
  const pattern = new RegExp(terms.map(escapeRegExp).join("|"), "g");
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(h("mark", { class: "term" }, match[0]));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

// ---------------------------------------------------------------- shared pieces

function renderError(error, retry) {
  const { text } = describeError(error);
  // role="alert" below is announced on its own.
  const button = h("button", { type: "button", class: "button button--small" }, "重试");
  button.addEventListener("click", retry);
  return h("div", { class: "error", role: "alert" },
    h("p", {}, text),
    button,
  );
}

function setBusy(busy) {
  state.busy = busy;
  els["ask-button"].disabled = busy;
  els.conversation.setAttribute("aria-busy", String(busy));
  els.hotline.setAttribute("aria-busy", String(busy));
}

function announce(text) {
  els.announcer.textContent = text;
}

/** A short announcement (copied, empty question) that clears itself. */
function setStatus(text) {
  els.status.textContent = text;
  clearTimeout(state.statusTimer);
  state.statusTimer = setTimeout(() => (els.status.textContent = ""), 4000);
}

function sectionText(path) {
  return (path || []).join(" > ");
}

function chineseDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso || "";
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Element builder: h("p", { class: "x" }, "text", child). Strings become text nodes, "" is skipped. */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === "" || child === null || child === undefined) continue;
    element.append(child);
  }
  return element;
}
