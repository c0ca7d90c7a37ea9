// Every Chinese message the page shows for an API error code or a refusal reason, in one table.
// The server's error catalogue (src/http/errors.ts) is meant to own these later: swapping this
// file for one the server serves (or a field in the error body) changes nothing in app.js.
"use strict";

window.POLICY_QA_MESSAGES = Object.freeze({
  /** API error code (or "network" for a failed fetch) → what a citizen reads. */
  errors: {
    "invalid-request": "请求内容有误，请修改问题后再试。",
    "invalid-json": "请求格式有误，请刷新页面后再试。",
    "unknown-document": "没有找到所选的文件，请在筛选中重新选择。",
    "unknown-unit": "没有找到这个单位。请从筛选框的建议中选择单位名称（可用简称，如“市人社局”）。",
    "not-found": "请求的内容不存在。",
    "method-not-allowed": "请求方式有误，请刷新页面后再试。",
    "payload-too-large": "问题太长了，请精简后再试。",
    "unsupported-media-type": "请求格式有误，请刷新页面后再试。",
    "rate-limited": "提问太频繁了，请稍后再试。",
    unauthorized: "没有访问权限。",
    forbidden: "没有访问权限。",
    "not-ready": "服务正在准备文件，请稍后再试。",
    "reload-failed": "服务正在更新，请稍后再试。",
    timeout: "查询超时，请稍后重试。",
    internal: "服务暂时出了问题，请稍后再试。",
    network: "网络连接失败，请检查网络后重试。",
  },
  /** Why there is no answer (AskResponse.reason) → a plain heading and what to do next. */
  reasons: {
    "fact-not-stated": {
      title: "文件提到了这件事，但没有写明您问的具体内容",
      next: ["具体标准可咨询下面列出的负责单位", "或拨打 12345 政务服务便民热线"],
    },
    "no-evidence": {
      title: "收录的文件里没有找到能回答这个问题的内容",
      next: ["换个说法再问，例如说出政策名称或文号", "或拨打 12345 政务服务便民热线"],
    },
    "out-of-domain": {
      title: "这个问题不在本站能回答的范围内",
      next: ["本站只回答朔州市政府公报里的政策文件", "其他问题请拨打 12345 政务服务便民热线"],
    },
    ambiguous: {
      title: "有几份文件都对得上，请选一份",
      next: ["点下面的文件按钮，就按这份文件回答"],
    },
  },
  /** Shown when the length limit is reached, instead of cutting the question silently. */
  tooLong: (limit) => `问题超过 ${limit} 字了，请精简到 ${limit} 字以内再提问。`,
  empty: "请输入问题内容",
  unknownUnitHint: (sample) => `没有这个单位名称。请从建议中选择${sample ? "，例如“" + sample + "”" : ""}，或清空此项。`,
});
