// 'What can I get?' panel (我能享受什么？). Vanilla JS like app.js: DOM API only,
// never innerHTML, because every clause shown is corpus text.
// Mounts into <details id="benefits-panel"> when the page has one; otherwise does nothing.
// Uses app.js's api() and describeError() (index.html loads app.js first).
"use strict";

(() => {
  const panel = document.getElementById("benefits-panel");
  if (!panel) return;

  const TYPES = [
    { value: "individual", label: "个人或家庭" },
    { value: "enterprise", label: "企业或个体工商户" },
    { value: "organization", label: "社会组织或事业单位" },
  ];

  // Which questions make sense for which profile type (flags of POST /api/eligibility).
  const FLAGS = [
    { flag: "isDisabledPerson", label: "我是残疾人（或家中有残疾人）", types: ["individual"] },
    { flag: "isElderly", label: "我是老年人（或家中有老人需要照顾）", types: ["individual"] },
    { flag: "hasChildUnder3", label: "家中有3岁以下婴幼儿", types: ["individual"] },
    { flag: "isLowIncome", label: "低保、低收入或经济困难家庭", types: ["individual"] },
    { flag: "hiresDisabledPeople", label: "招用（安排）残疾人就业", types: ["enterprise", "organization"] },
    { flag: "isSmallMicroEnterprise", label: "小微企业或个体工商户", types: ["enterprise"] },
    { flag: "inProfessionalTown", label: "位于专业镇", types: ["enterprise", "individual"] },
    { flag: "inKeyIndustryChain", label: "属于重点产业链（链主、链核）企业", types: ["enterprise"] },
    { flag: "isChildcareProvider", label: "经营托育（婴幼儿照护）机构", types: ["enterprise", "organization"] },
    { flag: "isElderlyCareProvider", label: "经营养老机构", types: ["enterprise", "organization"] },
    { flag: "isDisabilityServiceProvider", label: "残疾人辅助性就业、康复或托养机构", types: ["enterprise", "organization"] },
    { flag: "isNonProfit", label: "非营利性机构", types: ["enterprise", "organization"] },
  ];

  const KIND_LABEL = {
    finance: "融资支持",
    exemption: "减免",
    subsidy: "补贴",
    reward: "奖励",
    priority: "优先",
    inclusion: "纳入保障",
    "land-facility": "用地用房",
    "preferential-policy": "优惠政策",
    service: "服务",
    support: "扶持",
  };

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const form = el("form", "benefits__form");
  form.noValidate = true;

  const typeSet = el("fieldset", "benefits__types");
  typeSet.append(el("legend", "benefits__legend", "您是"));
  TYPES.forEach((t, i) => {
    const id = `benefits-type-${t.value}`;
    const input = el("input");
    Object.assign(input, { type: "radio", name: "benefits-type", id, value: t.value, checked: i === 0 });
    const label = el("label", "benefits__choice", t.label);
    label.htmlFor = id;
    typeSet.append(input, label);
  });

  const flagSet = el("fieldset", "benefits__flags");
  flagSet.append(el("legend", "benefits__legend", "符合的情况（可多选）"));
  const flagRows = FLAGS.map((f) => {
    const row = el("div", "benefits__flag");
    const input = el("input");
    Object.assign(input, { type: "checkbox", id: `benefits-${f.flag}`, value: f.flag });
    const label = el("label", "", f.label);
    label.htmlFor = input.id;
    row.append(input, label);
    flagSet.append(row);
    return { ...f, row, input };
  });

  const submit = el("button", "button button--primary benefits__submit", "查看可享受的政策");
  submit.type = "submit";
  const status = el("p", "benefits__status");
  status.setAttribute("role", "status");
  const results = el("ul", "benefits__results");
  form.append(typeSet, flagSet, submit);
  panel.append(form, status, results);

  const selectedType = () => form.querySelector('input[name="benefits-type"]:checked').value;

  // Only the questions that apply to the chosen type are shown (and sent).
  const syncFlags = () => {
    const type = selectedType();
    for (const f of flagRows) {
      const shown = f.types.includes(type);
      f.row.hidden = !shown;
      if (!shown) f.input.checked = false;
    }
  };
  typeSet.addEventListener("change", syncFlags);
  syncFlags();

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const flags = {};
    for (const f of flagRows) if (!f.row.hidden && f.input.checked) flags[f.flag] = true;
    results.replaceChildren();
    status.textContent = "正在查找…";
    submit.disabled = true;
    try {
      render(await api("/api/eligibility", { audienceType: selectedType(), flags }));
    } catch (error) {
      status.textContent = `查询失败：${describeError(error).text}`;
    } finally {
      submit.disabled = false;
    }
  });

  const AUDIENCE_LABEL = { employer: "用人单位", enterprise: "企业", individual: "个人或家庭", organization: "机构" };
  const SHOWN_PER_GROUP = 3;

  // Grouped by benefit kind and audience (in order of first appearance, so the best match
  // leads); a note shared by at least half the clauses is said once at the top.
  function render(body) {
    if (body.count === 0) {
      status.textContent = "没有找到与所选情况对应的条款。可以换一种身份或情况再试，或拨打12345政务服务便民热线咨询。";
      return;
    }
    status.textContent = `找到 ${body.count} 条相关条款。${body.notice}`;
    const common = commonNotes(body.matches);
    if (common.length) {
      const note = el("li", "benefits__common");
      note.append(el("p", "benefits__unchecked-title", `以下情况在多数条款中都无法由本工具核实（下文不再逐条重复）：`));
      const list = el("ul");
      for (const text of common) list.append(el("li", "", text));
      note.append(list);
      results.append(note);
    }
    const groups = new Map();
    for (const match of body.matches) {
      const key = `${match.clause.kind}|${match.audience}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(match);
    }
    for (const [key, matches] of groups) {
      const [kind, audience] = key.split("|");
      const group = el("li", "benefits__group");
      group.append(el("h3", "benefits__group-title", `${KIND_LABEL[kind] || kind} · ${AUDIENCE_LABEL[audience] || audience}（${matches.length} 条）`));
      const list = el("ol", "benefits__list");
      matches.slice(0, SHOWN_PER_GROUP).forEach((m) => list.append(renderMatch(m, common)));
      group.append(list);
      if (matches.length > SHOWN_PER_GROUP) {
        const more = el("details", "benefits__more");
        more.append(el("summary", "", `展开其余 ${matches.length - SHOWN_PER_GROUP} 条`));
        const rest = el("ol", "benefits__list");
        matches.slice(SHOWN_PER_GROUP).forEach((m) => rest.append(renderMatch(m, common)));
        more.append(rest);
        group.append(more);
      }
      results.append(group);
    }
  }

  const noteText = (u) => `“${u.text}”：${u.reason}`;

  function commonNotes(matches) {
    const counts = new Map();
    for (const m of matches) for (const text of new Set(m.unchecked.map(noteText))) counts.set(text, (counts.get(text) || 0) + 1);
    return [...counts].filter(([, n]) => matches.length > 3 && n >= matches.length / 2).map(([text]) => text);
  }

  function renderMatch(match, common = []) {
    const { clause } = match;
    const item = el("li", "benefits__item");
    const head = el("p", "benefits__head");
    head.append(el("span", `benefits__kind benefits__kind--${clause.kind}`, KIND_LABEL[clause.kind] || clause.kind));
    if (clause.discretionary) head.append(el("span", "benefits__flagnote", "视当地落实情况"));
    item.append(head);

    const quote = el("blockquote", "benefits__quote", clause.source.sentence);
    item.append(quote);

    const source = el("p", "benefits__source");
    const section = clause.source.sectionPath.length ? ` · ${clause.source.sectionPath[clause.source.sectionPath.length - 1]}` : "";
    source.textContent = `出处：${clause.source.docNumber}《${clause.source.docTitle}》${section}`;
    item.append(source, el("p", "benefits__contact", match.contactNote));

    // The conditions as a short checklist: what the clause requires, then what this tool cannot check.
    const own = match.unchecked.filter((u) => !common.includes(noteText(u)));
    const conditions = [
      ...(clause.condition ? [{ text: clause.condition, reason: "" }] : []),
      ...own,
    ];
    if (conditions.length) {
      const box = el("div", "benefits__unchecked");
      box.append(el("p", "benefits__unchecked-title", "条件（请自行核对）："));
      const list = el("ul", "benefits__checklist");
      for (const u of conditions) {
        const li = el("li");
        li.append(el("span", "benefits__check", "☐ "), el("q", "", u.text), document.createTextNode(u.reason ? `：${u.reason}` : ""));
        list.append(li);
      }
      box.append(list);
      item.append(box);
    }
    return item;
  }
})();
