/** Public API of the gazette parser. */
export { parseGazette, type ParsedGazette, type ParseDiagnostics } from "./parse-gazette";
export { buildCorpus, serialiseCorpus, type GazetteFile } from "./build-corpus";
export { chunkDocument, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from "./chunker";
export { ParseError } from "./errors";
