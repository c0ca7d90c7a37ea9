// 👍 / 👎 under each answer (issue 17). A separate script so the chat page can change
// around it: the only hook is the data-ask-id attribute app.js puts on each answer
// element (class "answer"). The request is fire-and-forget; the user is thanked at once.
"use strict";
(() => {
  const REASONS = [
    ["wrong", "答错了"],
    ["outdated", "内容过时"],
    ["incomplete", "不完整"],
    ["not-found", "没找到我要的"],
    ["other", "其他"],
  ];

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  /** Sends the rating without holding anything up; a failure only adds a quiet note. */
  function send(askId, body, box) {
    fetch("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ askId, ...body }),
      keepalive: true,
    })
      .then((response) => {
        // 409: this browser already rated it (another tab); the thanks still stand.
        if (!response.ok && response.status !== 409) box.append(el("span", { class: "feedback__note" }, "（反馈暂未保存，不影响使用）"));
      })
      .catch(() => box.append(el("span", { class: "feedback__note" }, "（网络异常，反馈未发送）")));
  }

  function thank(box, text) {
    box.replaceChildren(el("span", { class: "feedback__thanks", role: "status" }, text));
  }

  function decorate(answer) {
    answer.setAttribute("data-feedback", "");
    const askId = answer.getAttribute("data-ask-id");
    if (!askId) return;
    const up = el("button", { type: "button", class: "feedback__button", "aria-label": "有帮助" }, "👍");
    const down = el("button", { type: "button", class: "feedback__button", "aria-label": "没帮助", "aria-expanded": "false" }, "👎");
    const box = el("div", { class: "feedback", role: "group", "aria-label": "这个回答有帮助吗？" }, el("span", { class: "feedback__ask" }, "这个回答有帮助吗？"), up, down);
    up.addEventListener("click", () => {
      thank(box, "谢谢您的反馈！");
      send(askId, { rating: "up" }, box);
    });
    down.addEventListener("click", () => {
      const reasons = el("div", { class: "feedback__reasons", role: "group", "aria-label": "哪里不好？" }, el("span", { class: "feedback__ask" }, "哪里不好？"));
      for (const [code, label] of REASONS) {
        const button = el("button", { type: "button", class: "feedback__reason", "data-reason": code }, label);
        button.addEventListener("click", () => {
          thank(box, "谢谢！我们会据此改进文件库。");
          send(askId, { rating: "down", reason: code }, box);
        });
        reasons.append(button);
      }
      box.replaceChildren(reasons);
      reasons.querySelector("button").focus();
    });
    answer.append(box);
  }

  function scan() {
    for (const answer of document.querySelectorAll(".answer[data-ask-id]:not([data-feedback])")) decorate(answer);
  }

  document.addEventListener("DOMContentLoaded", () => {
    new MutationObserver(scan).observe(document.getElementById("conversation") || document.body, { childList: true, subtree: true });
    scan();
  });
})();
