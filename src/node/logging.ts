/**
 * Structured JSON logs (pino): one line per event on stdout. Request records come
 * from the runtime-neutral request-log middleware; this adapter only decides the level.
 */
import pino, { type DestinationStream, type Level, type Logger } from "pino";
import type { RequestLogSink } from "../http/middleware/request-log";

export function createLogger(level: Level | "silent" = "info", destination?: DestinationStream): Logger {
  const options = { level, base: { service: "policy-qa" }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/** Server faults at error level, timeouts and not-ready at warn, everything else (4xx is the client's doing) at info. */
export function requestLogSink(logger: Logger): RequestLogSink {
  return (record) => {
    if (record.status === 503) logger.warn(record, "request not served");
    else if (record.status >= 500) logger.error(record, "request failed");
    else logger.info(record, "request");
  };
}
